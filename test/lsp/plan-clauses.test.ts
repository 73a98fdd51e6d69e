/**
 * Definition, hover and code lens from any line of a clause, over the real protocol (dist/server.js on
 * stdio). Seeds 004 (平阴, one paragraph per line, items `1.` under `（一）`) and 001 (兖州, PDF text: a
 * clause body wraps over many lines with blank lines between, some heading lines indented by a
 * space), each named as the other's upper plan in gongwen.json. Waits are on server messages only.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, DefinitionRequest, HoverRequest, type CodeLens, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { makeWorkspace, perTest, seedPath, type TestClient } from './client';

interface Doc {
  uri: string;
  lines: string[];
}

/** The 0-based line that starts with `start` (after any indentation). */
function lineOf(doc: Doc, start: string): number {
  const i = doc.lines.findIndex((l) => l.trimStart().startsWith(start));
  assert.ok(i >= 0, `no line starts with ${start}`);
  return i;
}

describe('LSP: definition, hover and code lens from any line of a clause (seeds 004 ↔ 001)', function () {
  this.timeout(20000);
  const each = perTest();
  let client: TestClient | undefined;
  let dir: string;
  let pingyin: Doc;
  let yanzhou: Doc;

  const open = async (doc: Doc) => {
    const published = client!.published(doc.uri, 1);
    await client!.open(doc.uri, doc.lines.join('\n'), 1);
    await published;
  };
  const definition = async (doc: Doc, line: number, character: number) =>
    ((await client!.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: doc.uri }, position: { line, character } })) as Location[]).map((l) => [l.uri, l.range.start.line]);

  before(() => {
    dir = makeWorkspace({ upper: { '004.txt': ['001.txt'], '001.txt': ['004.txt'] } });
    const copy = (prefix: string): Doc => {
      const file = path.join(dir, `${prefix}.txt`);
      fs.copyFileSync(seedPath(prefix), file);
      return { uri: pathToFileURL(file).href, lines: fs.readFileSync(file, 'utf8').split(/\r?\n/) };
    };
    pingyin = copy('004');
    yanzhou = copy('001');
  });

  beforeEach(async () => {
    client = each.start({ workspace: dir });
    await client.initialize();
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('004: from a 1. item under （一） and from the body line of 二、, definition gives the matching 001 clause', async () => {
    await open(pingyin);
    const item = lineOf(pingyin, '1.将弘扬科学精神贯穿于育人全链条');
    assert.deepEqual(await definition(pingyin, item, 10), [[yanzhou.uri, lineOf(yanzhou, '——弘扬和传承科学精神')]]);
    const body = lineOf(pingyin, '二、提升行动') + 1;
    assert.match(pingyin.lines[body], /^聚焦“十四五”/, 'the section’s own body line');
    assert.deepEqual(await definition(pingyin, body, 3), [[yanzhou.uri, lineOf(yanzhou, '三、提升行动')]]);
  });

  it('001: from the 2nd and 3rd lines of a wrapped clause body, a blank line inside it, and column 0 of an indented item', async () => {
    await open(yanzhou);
    const expected = [[pingyin.uri, lineOf(pingyin, '1.将弘扬科学精神贯穿于育人全链条')]];
    const heading = lineOf(yanzhou, '——弘扬和传承科学精神');
    const bodyLines = [heading + 1, heading + 2, heading + 3].filter((l) => yanzhou.lines[l].trim());
    assert.ok(bodyLines.length >= 2, 'the seed wraps this clause');
    for (const l of bodyLines) assert.deepEqual(await definition(yanzhou, l, 2), expected, `line ${l + 1}`);
    const blank = [heading + 1, heading + 2].find((l) => !yanzhou.lines[l].trim());
    assert.ok(blank !== undefined, 'the PDF text has a blank line inside the clause');
    assert.deepEqual(await definition(yanzhou, blank, 0), expected);
    // ` ——坚持优化供给` starts with a space: column 0 is this item's, not its parent （二）基本原则's.
    const indented = lineOf(yanzhou, '——坚持优化供给');
    assert.match(yanzhou.lines[indented], /^\s/);
    assert.deepEqual(await definition(yanzhou, indented, 0), [[pingyin.uri, lineOf(pingyin, '3.坚持深化供给侧改革')]]);
  });

  it('hover from a body line names the upper clause; a code lens stands on each 1. item', async () => {
    await open(yanzhou);
    const body = lineOf(yanzhou, '——弘扬和传承科学精神') + 2;
    const hover = await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: yanzhou.uri }, position: { line: body, character: 2 } });
    assert.ok(hover, 'a hover on the body line');
    assert.match((hover.contents as MarkupContent).value, /↑ 平阴\*\* 1\.将弘扬科学精神贯穿于育人全链条 — 相似度 0\.\d\d/);

    await open(pingyin);
    const lenses = (await client!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: pingyin.uri } })) as CodeLens[];
    const item = lineOf(pingyin, '2.加强基础教育阶段科学教育');
    const lens = lenses.find((l) => l.range.start.line === item);
    assert.ok(lens, lenses.map((l) => `${l.range.start.line} ${l.command?.title}`).join('\n'));
    assert.match(lens.command!.title, /^↑ 济宁 ——加强基础教育阶段科学教育 \d\.\d\d$/);
  });
});
