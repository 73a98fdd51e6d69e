/**
 * Issue #20: silencing one finding in one file, through the built server over stdio. The quick fix
 * 在本文件中忽略此项 returns an edit of gongwen.json (never of the document); written and reported as
 * changed, the finding is gone from the next diagnostics; an entry whose text is gone is a stale hint;
 * in Restricted Mode the entries are read but no quick fix writes them. Waits are on server messages.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, type CodeAction, type Diagnostic, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { perTest, seedPath } from './client';

const SEED_002 = fs.readFileSync(seedPath('002'), 'utf8');
/** The text a diagnostic's range covers (single-line ranges only here). */
const textOf = (d: Diagnostic) => SEED_002.split(/\r?\n/)[d.range.start.line].slice(d.range.start.character, d.range.end.character);
const isShi = (d: Diagnostic) => d.code === 'heading-style' && textOf(d) === '(十)';

/** Applies edits to `text` (from the end, so earlier offsets stay valid). */
function apply(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const at = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...edits].sort((a, b) => at(b.range.start) - at(a.range.start)).reduce((t, e) => t.slice(0, at(e.range.start)) + e.newText + t.slice(at(e.range.end)), text);
}

describe('LSP: silencing a finding in gongwen.json (issue #20)', function () {
  this.timeout(60000);
  const each = perTest();
  let dir: string;

  function folder(gongwenJson: unknown): { uri: string; config: string } {
    dir = each.folder(gongwenJson);
    const file = path.join(dir, '002.txt');
    fs.writeFileSync(file, SEED_002);
    return { uri: pathToFileURL(file).href, config: path.join(dir, 'gongwen.json') };
  }

  it('the quick fix edits gongwen.json; once written, the finding is gone and the rest stay', async () => {
    const doc = folder({ jurisdiction: '威海市' });
    const client = each.start({ workspace: dir });
    await client.initialize();
    await client.open(doc.uri, SEED_002, 1);
    const first = await client.published(doc.uri, 1);
    const shi = first.diagnostics.find(isShi);
    assert.ok(shi, 'seed 002 has (十) under heading-style');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri }, range: shi.range, context: { diagnostics: [shi] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title.startsWith('在本文件中忽略此项'));
    assert.ok(ignore, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title.startsWith('在本文件中关闭规则 heading-style')));
    const configUri = pathToFileURL(doc.config).href;
    assert.deepEqual(Object.keys(ignore.edit?.changes ?? {}), [configUri], 'only gongwen.json is edited, never the document');
    const written = apply(fs.readFileSync(doc.config, 'utf8'), ignore.edit!.changes![configUri]);
    assert.deepEqual(JSON.parse(written), { jurisdiction: '威海市', ignore: [{ file: '002.txt', rule: 'heading-style', text: '(十)', occurrence: 1 }] });
    fs.writeFileSync(doc.config, written);
    const mark = client.diagnostics.mark();
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    const after = await client.published(doc.uri, 1, mark);
    assert.equal(after.diagnostics.filter(isShi).length, 0);
    assert.equal(after.diagnostics.length, first.diagnostics.length - 1);
  });

  it('an entry whose text is gone is published as a stale hint', async () => {
    const doc = folder({ ignore: [{ file: '002.txt', rule: 'heading-style', text: '(九十九)' }] });
    const client = each.start({ workspace: dir });
    await client.initialize();
    await client.open(doc.uri, SEED_002, 1);
    const published = await client.published(doc.uri, 1);
    const stale = published.diagnostics.filter((d) => d.code === 'ignore-stale');
    assert.equal(stale.length, 1);
    assert.equal(stale[0].severity, 4);
    assert.ok(stale[0].codeDescription?.href.endsWith('/docs/rules/ignore-stale.md'));
    assert.ok(fs.existsSync(new URL(stale[0].codeDescription!.href)), 'the page ships');
  });

  it('untrusted: the entries are read, but no quick fix writes gongwen.json', async () => {
    const doc = folder({ ignore: [{ file: '002.txt', rule: 'heading-style', text: '(十)' }] });
    const client = each.start({ workspace: dir, initializationOptions: { trusted: false } });
    await client.initialize();
    await client.open(doc.uri, SEED_002, 1);
    const published = await client.published(doc.uri, 1);
    assert.equal(published.diagnostics.filter(isShi).length, 0, 'the entry is read');
    const other = published.diagnostics.find((d) => d.code === 'heading-style');
    assert.ok(other, 'the other heading-style findings stay');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri }, range: other.range, context: { diagnostics: [other] },
    })) as CodeAction[];
    assert.ok(actions.length > 0, 'the rule\'s own fix is offered');
    assert.deepEqual(actions.filter((a) => a.title.includes('gongwen.json')).map((a) => a.title), []);
  });
});
