/**
 * `gongwen.server.exportDocx` over real JSON-RPC (issue #16): the command behind 公文：导出为 Word
 * returns the open document as a .docx (base64) in the GB/T 9704-2012 layout, and the warnings of
 * the export; the unsaved text the editor holds is what is exported.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { strFromU8, unzipSync } from 'fflate';
import { perTest, seedPath } from './client';

describe('LSP: export as Word (gongwen.server.exportDocx)', function () {
  this.timeout(20000);
  const each = perTest();

  it('returns the open document as a .docx, with a warning for a missing 发文字号', async () => {
    const dir = each.folder();
    const file = path.join(dir, '001.txt');
    fs.copyFileSync(seedPath('001'), file);
    const uri = pathToFileURL(file).href;
    const client = each.start({ workspace: dir });
    await client.initialize();
    const published = client.published(uri, 1);
    await client.open(uri, fs.readFileSync(file, 'utf8'), 1);
    await published;
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.exportDocx', arguments: [uri] })) as { data: { docx: string; warnings: string[] } };
    const files = unzipSync(Buffer.from(result.data.docx, 'base64'));
    const xml = strFromU8(files['word/document.xml']);
    assert.match(xml, /济宁市兖州区人民政府文件/);
    assert.match(xml, /<w:docGrid w:type="linesAndChars" w:linePitch="579"/);
    assert.deepEqual(result.data.warnings, []);

    // The text as edited, not as saved: the 文号 line deleted in the editor only.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    const edited = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.exportDocx', arguments: [uri] })) as { data: { docx: string; warnings: string[] } };
    assert.ok(edited.data.warnings.some((w) => w.includes('发文字号')), edited.data.warnings.join('\n'));
    assert.match(strFromU8(unzipSync(Buffer.from(edited.data.docx, 'base64'))['word/document.xml']), /【请填写：发文字号】/);
  });
});
