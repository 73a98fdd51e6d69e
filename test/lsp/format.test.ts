/**
 * Issue #3 over real JSON-RPC: document formatting returns the certain fixes (format-on-save),
 * code actions offer the preferred fix, and `gongwen.server.renumber` sends its edit to the
 * editor through `workspace/applyEdit` — since issue #14 annotated with `needsConfirmation`, so
 * VS Code previews it, as is the renumbering quick fix; a client without change annotations gets
 * plain changes. Waits are on server messages only. Run `npm run build` first.
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
import { perTest, seedPath, type TestClient } from './client';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../unit/format-edits';

/** Findings these fixes must remove (notice-elements/title-mismatch have no certain fix on the seeds). */
const FIXED_RULES = ['doc-number', 'date-format', 'range-dash', 'punctuation-width', 'numeral-zero'];

describe('LSP: format checks, formatting and renumber (issue #3)', function () {
  this.timeout(20000);
  const each = perTest();
  let client: TestClient | undefined;
  let workspace: string;

  beforeEach(async () => {
    workspace = each.folder({ language: 'zh-cn' });
    client = each.start({ workspace });
    await client.initialize();
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

  const numbered = '一、提升行动\n实施3项提升行动。\n（一）甲行动。内容。\n（三）乙行动。内容。\n三、保障\n内容。\n';
  const renumbered = '一、提升行动\n实施2项提升行动。\n（一）甲行动。内容。\n（二）乙行动。内容。\n二、保障\n内容。\n';

  /** The edits of an annotated WorkspaceEdit, after checking that every one needs confirmation. */
  function confirmedEdits(edit: WorkspaceEdit, uri: string, version: number): TextEdit[] {
    assert.equal(edit.changes, undefined, 'no unannotated changes beside the annotated ones');
    assert.equal(edit.documentChanges?.length, 1);
    const change = edit.documentChanges[0];
    assert.ok('edits' in change);
    assert.deepEqual(change.textDocument, { uri, version });
    for (const e of change.edits) {
      const id = (e as { annotationId?: string }).annotationId;
      assert.ok(id, JSON.stringify(e));
      assert.equal(edit.changeAnnotations?.[id]?.needsConfirmation, true);
    }
    return change.edits as TextEdit[];
  }

  /** Runs gongwen.server.renumber on `numbered` and returns what the server asked the editor to apply. */
  async function renumberThroughServer(c: TestClient, uri: string) {
    await c.open(uri, numbered, 1);
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
    return applied;
  }

  it('gongwen.server.renumber asks the editor to apply the edit after a preview (needsConfirmation)', async () => {
    const uri = pathToFileURL(path.join(workspace, 'renumber.gw')).href;
    const params = await renumberThroughServer(client!, uri);
    assert.equal(applyEdits(numbered, confirmedEdits(params.edit, uri, 1)), renumbered);
    assert.equal(params.edit.changeAnnotations?.['gongwen.preview']?.label, '重新编号标题');
  });

  it('the renumbering quick fix is previewed too, not preferred, and formatting leaves the markers', async () => {
    const c = client!;
    const uri = pathToFileURL(path.join(workspace, 'renumber.gw')).href;
    await c.open(uri, numbered, 1);
    const { diagnostics } = await c.published(uri, 1);
    const d = diagnostics.find((x) => x.code === 'heading-sequence')!;
    const actions = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const renumber = actions.find((a) => a.title === '重新编号本级标题');
    assert.ok(renumber, actions.map((a) => a.title).join(' | '));
    assert.equal(renumber.isPreferred, false);
    assert.ok(confirmedEdits(renumber.edit!, uri, 1).length > 0);
    const formatting = (await c.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) as TextEdit[];
    // Only heading-count's own number (实施3项 → 2); the markers stay for the user to renumber.
    assert.equal(applyEdits(numbered, formatting), numbered.replace('实施3项', '实施2项'));
  });

  it('a client without change annotations gets the renumbering as plain changes', async () => {
    client!.kill();
    client = each.start({ workspace, changeAnnotations: false });
    await client.initialize();
    const uri = pathToFileURL(path.join(workspace, 'renumber.gw')).href;
    const params = await renumberThroughServer(client, uri);
    assert.equal(params.edit.documentChanges, undefined);
    assert.equal(applyEdits(numbered, params.edit.changes![uri]), renumbered);
  });
});
