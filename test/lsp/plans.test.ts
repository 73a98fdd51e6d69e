/**
 * Higher-level plans over the real protocol (dist/server.js on stdio): a workspace holding seeds
 * 000 (乳山) and 002 (威海) and a gongwen.json naming 002 as the upper plan of 000, plus a closed
 * file with the title of the 威海 plan that 000 cites. Waits are on server messages only.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  HoverRequest,
  ReferencesRequest,
  type CodeLens,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { perTest, seedPath, type TestClient } from './client';

const WEIHAI_PLAN = '威海市全民科学素质行动规划纲要实施方案（2021—2025年）\n\n一、主要目标\n到2025年，全市公民具备科学素质的比例达到17%。\n';

/** The 0-based line of the first heading line of `title` in `text`. */
function lineOf(text: string, marker: string): number {
  return text.split(/\r?\n/).findIndex((l) => l.includes(marker));
}

describe('LSP: higher-level plans (definition, hover, code lens, references, coverage)', function () {
  this.timeout(20000);
  const each = perTest();
  let client: TestClient | undefined;
  let dir: string;
  let rushan: { uri: string; text: string };
  let weihai: { uri: string; text: string };
  let planUri: string;

  beforeEach(async () => {
    dir = each.folder({ upper: { '000.txt': ['002.txt'] } });
    const copy = (prefix: string) => {
      const file = path.join(dir, `${prefix}.txt`);
      fs.copyFileSync(seedPath(prefix), file);
      return { uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') };
    };
    rushan = copy('000');
    weihai = copy('002');
    const plan = path.join(dir, 'sub', '威海方案.gw');
    fs.mkdirSync(path.dirname(plan));
    fs.writeFileSync(plan, WEIHAI_PLAN);
    planUri = pathToFileURL(plan).href;
    client = each.start({ workspace: dir });
    await client.initialize();
    const published = client.published(rushan.uri, 1);
    await client.open(rushan.uri, rushan.text, 1);
    await published;
  });

  const elderly = () => ({ line: lineOf(rushan.text, '（四）老年人科学素质提升行动'), character: 4 });

  it('definition from a clause goes to its match in the closed upper file named by gongwen.json', async () => {
    const locations = (await client!.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: rushan.uri }, position: elderly() })) as Location[];
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri, weihai.uri);
    assert.equal(locations[0].range.start.line, lineOf(weihai.text, '（十三）提升老年人科学素质'));
  });

  it('definition on a citation opens the cited (closed) workspace document', async () => {
    const line = lineOf(rushan.text, '海市全民科学素质行动规划纲要实施方案');
    const character = rushan.text.split(/\r?\n/)[line].indexOf('海市') + 1;
    const locations = (await client!.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: rushan.uri }, position: { line, character } })) as Location[];
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[planUri, 0]]);
  });

  it('editing the open upper plan re-checks the lower one: a raised 威海 target makes 乳山’s 17% weaker', async () => {
    const before = client!.diagnostics.mark();
    const opened = client!.published(weihai.uri, 1, before);
    await client!.open(weihai.uri, weihai.text, 1);
    await opened;
    const line = weihai.text.split(/\r?\n/).findIndex((l) => l.includes('力争达到17%'));
    const character = weihai.text.split(/\r?\n/)[line].indexOf('力争达到17%') + '力争达到'.length;
    const from = client!.diagnostics.mark();
    await client!.change(weihai.uri, 2, [{ range: { start: { line, character }, end: { line, character: character + 2 } }, text: '18' }]);
    const lower = await client!.diagnostics.waitFor((p) => p.uri === rushan.uri && p.diagnostics.some((d) => d.code === 'target-below-upper'), from);
    const finding = lower.diagnostics.find((d) => d.code === 'target-below-upper')!;
    assert.match(finding.message as string, /18/);
    assert.equal(lower.version, 1, 'the lower document itself did not change');
  });

  it('hover shows the matched clause with its text and score', async () => {
    const hover = await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: rushan.uri }, position: elderly() });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /↑ 威海\*\* （十三）提升老年人科学素质 — 相似度 0\.\d\d/);
  });

  it('code lenses name the match, and gongwen.codeLens.upper false turns them off', async () => {
    const lenses = (await client!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: rushan.uri } })) as CodeLens[];
    const lens = lenses.find((l) => l.range.start.line === elderly().line && l.command!.title.includes('（十三）'));
    assert.ok(lens, lenses.map((l) => l.command?.title).join('\n'));
    assert.match(lens.command!.title, /^↑ 威海 （十三）提升老年人科学素质 0\.\d\d$/);
    assert.ok(lenses.some((l) => l.command!.title.startsWith('↑ 威海 （四）壮大科普人才队伍 ')), 'the example of the issue');

    client!.settings = { codeLens: { upper: false } };
    const mark = client!.diagnostics.mark();
    await client!.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client!.published(rushan.uri, 1, mark);
    assert.deepEqual(await client!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: rushan.uri } }), []);
  });

  it('references from a clause of the upper plan list the clauses that implement it', async () => {
    const published = client!.published(weihai.uri, 1);
    await client!.open(weihai.uri, weihai.text, 1);
    await published;
    const position = { line: lineOf(weihai.text, '（十三）提升老年人科学素质'), character: 3 };
    const refs = (await client!.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: weihai.uri }, position, context: { includeDeclaration: false } })) as Location[];
    assert.ok(refs.some((r) => r.uri === rushan.uri && r.range.start.line === elderly().line), JSON.stringify(refs));
    assert.ok(refs.every((r) => r.uri === rushan.uri));
  });

  it('a lowered target is held against the upper file; the coverage command returns Markdown', async () => {
    const mark = client!.diagnostics.mark();
    const line = lineOf(rushan.text, '比例达到 17%');
    const character = rushan.text.split(/\r?\n/)[line].indexOf('17%');
    await client!.change(rushan.uri, 2, [{ range: { start: { line, character }, end: { line, character: character + 2 } }, text: '16' }]);
    const published = await client!.published(rushan.uri, 2, mark);
    const d = published.diagnostics.find((x) => x.code === 'target-below-upper');
    assert.ok(d, JSON.stringify(published.diagnostics.map((x) => x.code)));
    assert.match(String(d.message), /低于上级威海《关于新时代进一步加强科学技术普及工作的实施意见》的力争达到17%/);

    const result = (await client!.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.coverage', arguments: [rushan.uri, weihai.uri] })) as { data: { markdown: string } };
    assert.match(result.data.markdown, /已覆盖 \d+ · ⚠️ 较弱 \d+ · ❌ 缺失 \d+/);
    // Each row links to the line of the upper clause and of the matching clause here (issue #20).
    const row = result.data.markdown.split('\n').find((l) => l.includes('（十三）提升老年人科学素质]'));
    assert.ok(row, result.data.markdown);
    const upperLine = lineOf(weihai.text, '（十三）提升老年人科学素质') + 1;
    assert.ok(row.includes(`[（十三）提升老年人科学素质](${weihai.uri}#L${upperLine}) | ✅ 已覆盖`), row);
    assert.ok(row.includes(`](${rushan.uri}#L${elderly().line + 1})`), row);
  });
});
