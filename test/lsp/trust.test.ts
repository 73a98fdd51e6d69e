/**
 * Issue #14: a hostile folder and an untrusted one, against the built server over stdio (`npm run build`
 * first). A gongwen.json with a pathological pattern key, paths outside the folder and a huge `upper`
 * list must not stop the server answering; in an untrusted workspace (`initializationOptions.trusted:
 * false`, sent by the VS Code client in Restricted Mode) gongwen.json gives its rule settings only, the
 * upper file it names is not read, and one message says so. Waits are on server messages; the test
 * timeout only catches a hang.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, DocumentSymbolRequest, MessageType, type DocumentSymbol, type Location } from 'vscode-languageserver-protocol/node';
import { FROM_UPPER_FILE, loweredSeed000, perTest, seedPath, type TestClient } from './client';

/** What the target-below-upper finding names without the upper file: the bundled registry's 威海 plan the seed cites. */
const FROM_REGISTRY = /威海市全民科学素质行动规划纲要实施方案/;

describe('LSP: untrusted and hostile workspaces (issue #14)', function () {
  this.timeout(60000);
  const each = perTest();
  let dir: string;

  /** A folder with the lowered seed 000 and seed 002 as `002.plan` (not a workspace document: read only as `upper`). */
  function folder(gongwenJson: unknown, name = '000.txt'): { uri: string; text: string } {
    dir = each.folder(gongwenJson);
    fs.copyFileSync(seedPath('002'), path.join(dir, '002.plan'));
    const file = path.join(dir, name);
    const text = loweredSeed000();
    fs.writeFileSync(file, text);
    return { uri: pathToFileURL(file).href, text };
  }

  const CONFIG = { upper: { '000.txt': ['002.plan'] }, rules: { 'unit-order': 'off', 'date-format': 'error', 'heading-sequense': 'off' } };
  const elderly = (text: string) => ({ line: text.split(/\r?\n/).findIndex((l) => l.includes('（四）老年人科学素质提升行动')), character: 4 });

  async function openAndPublish(c: TestClient, doc: { uri: string; text: string }) {
    await c.initialize();
    const published = c.published(doc.uri, 1);
    await c.open(doc.uri, doc.text, 1);
    return published;
  }

  it('trusted (the default for other editors): the upper file of gongwen.json is read', async () => {
    const doc = folder(CONFIG);
    const client = each.start({ workspace: dir });
    const published = await openAndPublish(client, doc);
    const target = published.diagnostics.find((d) => d.code === 'target-below-upper');
    assert.match(String(target?.message), FROM_UPPER_FILE);
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: doc.uri }, position: elderly(doc.text) })) as Location[];
    assert.ok(locations.some((l) => l.uri.endsWith('/002.plan')), JSON.stringify(locations));
    // A typo in `rules` is one warning naming the closest rule id.
    const typo = client.messages.items.filter((m) => m.message.includes('heading-sequense'));
    assert.deepEqual(typo.map((m) => [m.type, m.message.replace(/^.*gongwen\.json：/, '')]), [[MessageType.Warning, '未知的规则“heading-sequense”，是否指“heading-sequence”？']]);
  });

  it('untrusted: rule settings apply, the upper file is not read, and one message says so', async () => {
    const doc = folder(CONFIG);
    const client = each.start({ workspace: dir, initializationOptions: { trusted: false } });
    const published = await openAndPublish(client, doc);
    const codes = published.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('unit-order'), 'rules: unit-order off');
    const date = published.diagnostics.find((d) => d.code === 'date-format');
    assert.equal(date?.severity, 1, 'rules: date-format raised to error');
    // The bundled registry still works: the finding compares with the 威海 plan the seed cites.
    const target = published.diagnostics.find((d) => d.code === 'target-below-upper');
    assert.match(String(target?.message), FROM_REGISTRY);
    assert.doesNotMatch(String(target?.message), FROM_UPPER_FILE);
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: doc.uri }, position: elderly(doc.text) })) as Location[];
    assert.ok(!locations.some((l) => l.uri.endsWith('/002.plan')), JSON.stringify(locations));
    const told = client.messages.items.filter((m) => /未受信任/.test(m.message));
    assert.equal(told.length, 1, client.messages.items.map((m) => m.message).join('\n'));
    assert.equal(told[0].type, MessageType.Warning);
    assert.match(told[0].message, /gongwen\.json 中的路径和文件（upper）已忽略/);
  });

  it('untrusted without paths in gongwen.json: no message', async () => {
    const doc = folder({ rules: { 'unit-order': 'off' } });
    const client = each.start({ workspace: dir, initializationOptions: { trusted: false } });
    await openAndPublish(client, doc);
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } });
    assert.deepEqual(client.messages.items.map((m) => m.message), []);
  });

  // The document's name has more a's than the key, so a backtracking matcher of the key runs for ages on it.
  const LONG_NAME = 'a'.repeat(60) + '.txt';
  const PATHOLOGICAL = '**a'.repeat(25) + '**b';

  it('a pathological pattern key (`**a**a…**b`): the server still answers and the other keys apply', async () => {
    const doc = folder({ upper: { [PATHOLOGICAL]: ['002.plan'], [LONG_NAME]: ['002.plan'] } }, LONG_NAME);
    const client = each.start({ workspace: dir });
    const published = await openAndPublish(client, doc);
    assert.match(String(published.diagnostics.find((d) => d.code === 'target-below-upper')?.message), FROM_UPPER_FILE);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0);
  });

  it('paths outside the folder, an over-long pattern and a huge upper list: warnings, and the server still answers', async () => {
    const huge = [...Array(200_000).fill('002.plan'), ...Array.from({ length: 5000 }, (_, i) => `missing/${i}.txt`)];
    const doc = folder(
      {
        upper: {
          [PATHOLOGICAL]: ['/etc/passwd', '../../outside.txt', '/**/*.txt', '002.plan'],
          ['**a'.repeat(200)]: ['002.plan'],
          '../../**': ['002.plan'],
          [LONG_NAME]: huge,
        },
      },
      LONG_NAME,
    );
    const client = each.start({ workspace: dir });
    const published = await openAndPublish(client, doc);
    assert.match(String(published.diagnostics.find((d) => d.code === 'target-below-upper')?.message), FROM_UPPER_FILE);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0);
    const warnings = client.messages.items.map((m) => m.message);
    assert.ok(warnings.some((w) => /“upper”：路径“\/etc\/passwd”在工作区文件夹之外，已忽略（另有 3 个同样忽略）/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /“upper”：路径或通配符“\*\*a.*超过上限 256/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /条目超过 256 个/.test(w)), warnings.join('\n'));
    for (const w of warnings) assert.ok(w.length < 400, `a warning stays short: ${w.slice(0, 100)}…`);
  });
});
