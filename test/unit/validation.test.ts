/**
 * The validator's timing of an edit (server/src/lsp/validation.ts, issue #18): the checks of an edited document
 * start during the typing pause (`prepare`), its diagnostics are still published only after the whole pause, and
 * a later edit, a close or an open decides as before. Order of calls only, never durations.
 */
import * as assert from 'node:assert/strict';
import type { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createValidator } from '../../server/src/lsp/validation';

function harness(delayMs = 30) {
  const docs = new Map<string, TextDocument>();
  let onOpen: (e: { document: TextDocument }) => void = () => undefined;
  const documents = {
    get: (uri: string) => docs.get(uri),
    onDidOpen: (listener: typeof onOpen) => (onOpen = listener),
  } as unknown as TextDocuments<TextDocument>;
  const calls: string[] = [];
  const waiting = new Map<string, () => void>();
  const validator = createValidator({
    documents,
    delayMs,
    ready: () => Promise.resolve(),
    prepare: (d) => {
      calls.push(`prepare ${d.uri}@${d.version}`);
      waiting.get(`prepared ${d.uri}@${d.version}`)?.();
    },
    diagnose: (d) => {
      calls.push(`diagnose ${d.uri}@${d.version}`);
      return [];
    },
    publish: (p) => {
      calls.push(`publish ${p.uri}@${p.version}`);
      waiting.get(`${p.uri}@${p.version}`)?.();
    },
    logError: (m) => calls.push(`error ${m}`),
  });
  return {
    calls,
    validator,
    edit(uri: string, version: number) {
      docs.set(uri, TextDocument.create(uri, 'gongwen', version, `v${version}`));
      validator.schedule(uri);
    },
    open(uri: string) {
      const document = TextDocument.create(uri, 'gongwen', 1, 'v1');
      docs.set(uri, document);
      onOpen({ document });
      validator.schedule(uri);
    },
    /** Resolves when `key` (`uri@version`) is published; `prepared …` when it is prepared. */
    published: (key: string) => new Promise<void>((resolve) => waiting.set(key, resolve)),
  };
}

describe('validator: checks during the typing pause (issue #18)', () => {
  it('prepares an edited version once, before its publication, which still comes after the pause', async () => {
    const h = harness();
    const done = h.published('a@2');
    h.edit('a', 2);
    assert.deepEqual(h.calls, [], 'nothing runs at the keystroke itself');
    await done;
    assert.deepEqual(h.calls, ['prepare a@2', 'diagnose a@2', 'publish a@2']);
  });

  it('drops a prepared version the editor moved past, and prepares and publishes the next one', async () => {
    const h = harness();
    // Published after the pause even when never prepared, so a broken `prepare` fails the assertion, not the wait.
    const first = Promise.race([h.published('prepared a@2'), h.published('a@2')]);
    h.edit('a', 2);
    await first;
    const done = h.published('a@3');
    h.edit('a', 3);
    await done;
    assert.deepEqual(h.calls, ['prepare a@2', 'prepare a@3', 'diagnose a@3', 'publish a@3']);
  });

  it('prepares nothing for an open (published at once) nor for a cancelled edit', async () => {
    const h = harness();
    const opened = h.published('a@1');
    h.open('a');
    await opened;
    h.edit('b', 2);
    h.validator.cancel('b');
    const done = h.published('c@2');
    h.edit('c', 2);
    await done;
    assert.deepEqual(h.calls, ['diagnose a@1', 'publish a@1', 'prepare c@2', 'diagnose c@2', 'publish c@2']);
  });
});
