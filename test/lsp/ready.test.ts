/**
 * Requests that arrive before the server has read its configuration (issue #20 defect 10): just after
 * start-up an editor asks for code lenses and definitions while the server is still waiting for the
 * answer to `workspace/configuration`. They wait for it, and answer with the upper plan of gongwen.json.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, DefinitionRequest, type CodeLens, type Location } from 'vscode-languageserver-protocol/node';
import { perTest, seedPath } from './client';

describe('LSP: requests before the configuration is loaded wait for it', function () {
  this.timeout(20000);
  const each = perTest();

  it('definition and code lens asked while workspace/configuration is unanswered name the upper plan', async () => {
    const dir = each.folder({ upper: { '000.txt': ['002.txt'] } });
    const copy = (prefix: string) => {
      const file = path.join(dir, `${prefix}.txt`);
      fs.copyFileSync(seedPath(prefix), file);
      return { uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') };
    };
    const rushan = copy('000');
    const weihai = copy('002');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const client = each.start({ workspace: dir, configurationGate: gate });
    await client.initialize();
    await client.open(rushan.uri, rushan.text, 1);
    const line = rushan.text.split(/\r?\n/).findIndex((l) => l.includes('（四）老年人科学素质提升行动'));
    assert.ok(line > 0);
    const definition = client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: rushan.uri }, position: { line, character: 3 } });
    const lenses = client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: rushan.uri } });
    // The server has asked for its settings and still waits: only now is the answer given.
    while (client.configurationRequests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    release();
    const locations = (await definition) as Location[];
    assert.ok(locations.some((l) => l.uri === weihai.uri), JSON.stringify(locations));
    const found = (await lenses) as CodeLens[];
    const lens = found.find((l) => l.command?.title.startsWith('↑ 威海 （四）壮大科普人才队伍 '));
    assert.ok(lens, found.map((l) => l.command?.title).join('\n'));
    // A click opens the upper clause (the VS Code client's command; issue #20 defect 3).
    assert.equal(lens.command!.command, 'gongwen.openUpperClause');
    assert.equal(lens.command!.arguments![0], weihai.uri);
    const range = lens.command!.arguments![1];
    assert.match(weihai.text.split(/\r?\n/)[range.start.line], /（四）壮大科普人才队伍/);
  });
});
