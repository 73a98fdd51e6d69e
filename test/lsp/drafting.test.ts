/**
 * Drafting help over real JSON-RPC (issue #6): the built server answers completion at the start of
 * a line with the next heading marker and, inside a 保障措施 section, the standard clauses;
 * workspace symbols reach every open document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  CompletionRequest, InsertTextFormat, WorkspaceSymbolRequest,
  type CompletionItem, type CompletionList, type SymbolInformation, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { makeWorkspace, startServer, type TestClient } from './client';

const URI = 'file:///drafting/new-plan.gw';

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

describe('LSP drafting help (dist/server.js)', function () {
  this.timeout(20000);
  let client: TestClient;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({ language: 'zh-cn' });
    client = startServer({ workspace });
    await client.initialize();
  });

  after(() => {
    client.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function openAndComplete(uri: string, text: string, line: number, character: number): Promise<CompletionItem[]> {
    const published = client.published(uri, 1);
    await client.open(uri, text, 1);
    await published;
    return items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }));
  }

  it('offers （三） at the start of a line after （二）…, replacing the typed （', async () => {
    const text = '一、重点任务\n（一）甲项任务。开展活动。\n（二）乙项任务。开展活动。\n（';
    const result = await openAndComplete(URI, text, 3, 1);
    const next = result.find((i) => i.label === '（三）');
    assert.ok(next, result.map((i) => i.label).join(' '));
    assert.deepEqual(next.textEdit as TextEdit, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, newText: '（三）' });
    assert.equal(result[0].label, '（三）', 'the next marker of the current level comes first');
  });

  it('offers the standard clauses in a 保障措施 section, as snippets', async () => {
    const uri = 'file:///drafting/safeguards.gw';
    const text = '平阴县人民政府关于印发平阴县全民科学素质行动规划纲要实施方案的通知\n一、总体要求\n（一）指导思想。坚持统筹推进。\n二、保障措施\n';
    const result = await openAndComplete(uri, text, 4, 0);
    const clauses = result.filter((i) => i.insertTextFormat === InsertTextFormat.Snippet);
    assert.deepEqual(clauses.map((i) => i.label).slice(0, 3), ['加强组织领导', '强化条件保障', '完善工作机制']);
    assert.match((clauses[0].textEdit as TextEdit).newText, /^（一）加强组织领导。\$\{1:县\}政府/);
  });

  it('finds sections of every open document as workspace symbols', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '保障措施' })) as SymbolInformation[] | null;
    assert.deepEqual((symbols ?? []).map((s) => [s.name, s.location.uri]), [['二、保障措施', 'file:///drafting/safeguards.gw']]);
  });
});
