/**
 * Issue #3 over real JSON-RPC: document formatting returns the certain fixes (format-on-save),
 * code actions offer the preferred fix, and `gongwen.server.renumber` sends its edit to the
 * editor through `workspace/applyEdit`. Waits are on server messages only. Run `npm run build` first.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { makeWorkspace, seedPath, startServer, type TestClient } from './client';
import { applyEdits } from '../unit/format-edits';

/** Findings these fixes must remove (notice-elements/title-mismatch have no certain fix on the seeds). */
const FIXED_RULES = ['doc-number', 'date-format', 'range-dash', 'punctuation-width', 'numeral-zero'];

describe('LSP: format checks, formatting and renumber (issue #3)', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let workspace: string;

  beforeEach(async () => {
    workspace = makeWorkspace({ language: 'zh-cn' });
    client = startServer({ workspace });
    await client.initialize();
  });

  afterEach(() => {
    client?.kill();
    client = undefined;
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  for (const seed of ['003', '004']) {
    it(`formatting a copy of seed ${seed} returns edits that remove its certain findings`, async () => {
      const c = client!;
      const text = fs.readFileSync(seedPath(seed), 'utf8');
      const uri = pathToFileURL(path.join(workspace, `${seed}.txt`)).href;
      await c.open(uri, text, 1);
      const before = await c.published(uri, 1);
      const ours = (ds: typeof before.diagnostics) => ds.filter((d) => FIXED_RULES.includes(String(d.code)));
      assert.ok(ours(before.diagnostics).length > 0);
      const edits = (await c.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: { uri },
        options: { tabSize: 4, insertSpaces: true },
      })) as TextEdit[];
      assert.ok(edits.length >= ours(before.diagnostics).length);
      const fixed = applyEdits(text, edits);
      const mark = c.diagnostics.mark();
      await c.change(uri, 2, [{ text: fixed }]);
      const after = await c.published(uri, 2, mark);
      assert.deepEqual(ours(after.diagnostics).map((d) => `${d.range.start.line + 1} ${d.code}`), []);
    });
  }

  it('offers the preferred quick fix for a 发文字号 with a stray space', async () => {
    const c = client!;
    const text = fs.readFileSync(seedPath('003'), 'utf8');
    const uri = pathToFileURL(path.join(workspace, '003.txt')).href;
    await c.open(uri, text, 1);
    const { diagnostics } = await c.published(uri, 1);
    const d = diagnostics.find((x) => x.code === 'doc-number')!;
    const actions = (await c.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred && a.title === '改为“淄政办发〔2016〕10号”');
    assert.ok(preferred, actions.map((a) => a.title).join(' | '));
    const line = applyEdits(text, preferred.edit!.changes![uri]).split('\n')[d.range.start.line];
    assert.ok(line.includes('文号：淄政办发〔2016〕10号'), line);
  });

  it('gongwen.server.renumber renumbers the document and asks the editor to apply the edit', async () => {
    const c = client!;
    const uri = pathToFileURL(path.join(workspace, 'renumber.gw')).href;
    const text = '一、提升行动\n实施3项提升行动。\n（一）甲行动。内容。\n（三）乙行动。内容。\n三、保障\n内容。\n';
    await c.open(uri, text, 1);
    await c.published(uri, 1);
    const applied = new Promise<ApplyWorkspaceEditParams>((resolve) => {
      c.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        resolve(params);
        return { applied: true };
      });
    });
    const result = (await c.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.renumber', arguments: [uri, 'document'] })) as {
      data: { changed: number };
    };
    assert.deepEqual(result.data, { changed: 3 });
    const params = await applied;
    assert.equal(applyEdits(text, params.edit.changes![uri]), '一、提升行动\n实施2项提升行动。\n（一）甲行动。内容。\n（二）乙行动。内容。\n二、保障\n内容。\n');
  });
});
