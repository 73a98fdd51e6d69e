/**
 * Issue #4 over real JSON-RPC: unit diagnostics, hover, completion, the find-tasks command and a
 * malformed user list (one warning, the bundled lists keep working).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, ExecuteCommandRequest, HoverRequest, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { perTest, seedPath } from './client';

describe('LSP: responsible units', function () {
  this.timeout(20000);
  const each = perTest();

  async function session(gongwenJson: unknown, files: Record<string, string> = {}) {
    const workspace = each.folder(gongwenJson);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), text);
    const client = each.start({ workspace });
    await client.initialize();
    return client;
  }

  const seed = (prefix: string) => {
    const file = seedPath(prefix);
    return { uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') };
  };

  it('publishes unit-alias for seed 001, hovers the unit and finds its tasks', async () => {
    const c = await session({ language: 'zh-cn' });
    const { uri, text } = seed('001');
    await c.open(uri, text);
    const published = await c.published(uri, 1);
    const alias = published.diagnostics.filter((d) => d.code === 'unit-alias');
    assert.equal(alias.length, 1);
    assert.equal(alias[0].codeDescription?.href.endsWith('docs/rules/unit-alias.md'), true);

    const hover = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: alias[0].range.start });
    assert.match((hover?.contents as MarkupContent).value, /责任单位名录：兖州区/);

    const result = (await c.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.findUnitTasks', arguments: [uri, '区市场监管局'] })) as { data: unknown[] };
    assert.equal(result.data.length, 6);
  });

  it('completes 市教体局 from the pinyin initials jtj', async () => {
    const c = await session({ language: 'zh-cn' });
    const uri = 'untitled:units.gw';
    const text = '乳政发〔2022〕6号\n\n一、提升行动\n1.开展活动。（市委宣传部、jtj';
    await c.open(uri, text);
    await c.published(uri, 1);
    const lines = text.split('\n');
    const answer = await c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    const items: CompletionItem[] = Array.isArray(answer) ? answer : ((answer as CompletionList | null)?.items ?? []);
    assert.ok(items.some((i) => i.label === '市教体局'));
  });

  it('a malformed user list gives one warning and the bundled lists still apply', async () => {
    const broken = '{\n  "jurisdiction": "兖州区",\n  "prefix": "市镇"\n}\n';
    const c = await session({ language: 'zh-cn', departments: 'units.json' }, { 'units.json': broken });
    const warning = await c.messages.waitFor((m) => m.message.includes('units.json'));
    assert.match(warning.message, /units\.json 第 3 行：“prefix”应为 市、县 或 区/);
    const { uri, text } = seed('001');
    await c.open(uri, text);
    const published = await c.published(uri, 1);
    assert.equal(published.diagnostics.filter((d) => d.code === 'unit-alias').length, 1);
  });
});
