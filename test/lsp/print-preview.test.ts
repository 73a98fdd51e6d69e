/**
 * `gongwen.server.printPreview` over real JSON-RPC (issue #16): the command behind 公文：打印预览
 * returns the pages of the open document as the export lays them out — the 版头 and title on page 1,
 * the 版记 on an even last page, source offsets that point at the line's text — and follows the text
 * the editor holds, saved or not.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import type { LaidPage } from '../../server/src/export/pages';
import { perTest, seedPath } from './client';

type Preview = { data: { pages: LaidPage[]; warnings: string[] } };

describe('LSP: print preview (gongwen.server.printPreview)', function () {
  this.timeout(20000);
  const each = perTest();

  it('returns the pages of the open document, each line with where it stands in the text', async () => {
    const dir = each.folder();
    const file = path.join(dir, '001.txt');
    fs.copyFileSync(seedPath('001'), file);
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const client = each.start({ workspace: dir });
    await client.initialize();
    const published = client.published(uri, 1);
    await client.open(uri, text, 1);
    await published;
    const preview = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.printPreview', arguments: [uri] })) as Preview;
    const { pages } = preview.data;
    // Seed 001 renders to 20 pages in LibreOffice (docs/export.md); the engine agrees.
    assert.equal(pages.length, 20);
    assert.equal(pages[0].lines[0].text, '济宁市兖州区人民政府文件');
    assert.ok(pages[0].lines.some((l) => l.kind === 'title'));
    const last = pages[pages.length - 1];
    assert.ok(last.imprint && last.number % 2 === 0, 'the 版记 on an even last page');
    // The lines of the text find their place in it, and point at their own text (spaces aside).
    const lines = pages.flatMap((p) => p.lines).filter((l) => l.kind === 'paragraph' || l.kind === 'heading');
    assert.ok(lines.length > 300);
    // (A line whose text the model changed from the source's, one in seed 001, has none: clicking it does nothing.)
    assert.ok(lines.filter((l) => l.from === undefined).length <= lines.length / 100);
    for (const l of lines.filter((x) => x.from !== undefined)) assert.equal(text.slice(l.from, l.to).replace(/\s+/g, ''), l.text.replace(/\s+/g, ''));

    // The text as edited: the plan's title line deleted in the editor only changes page 3's first line.
    const titleLine = text.split('\n').findIndex((l) => l.includes('实施方案（2021—2025年）') && !l.includes('印发'));
    assert.ok(titleLine > 0);
    await client.change(uri, 2, [{ range: { start: { line: titleLine, character: 0 }, end: { line: titleLine + 1, character: 0 } }, text: '' }]);
    const edited = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.printPreview', arguments: [uri] })) as Preview;
    assert.notEqual(edited.data.pages[2].lines.map((l) => l.text).join(''), pages[2].lines.map((l) => l.text).join(''));
  });
});
