/**
 * Incremental analysis inside the real server (`npm run build` first): a document edited by many
 * incremental changes — single keystrokes, Enter, deletions across lines, pastes, several changes in
 * one notification, bursts sent without waiting — ends with exactly the diagnostics of the same text
 * analysed from scratch. The server parses each version from the one before with the change ranges
 * it was sent (server/src/lsp/edits.ts), so this checks that path end to end.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { createRng } from '../fuzz/prng';
import { perTest, seedPath } from './client';

const service = createLanguageService({ settings: { ...DEFAULT_SETTINGS, language: 'zh-cn' } });
const fresh = (uri: string, text: string) => service.diagnostics(service.parse(uri, text)).map((d) => ({ code: d.code, range: d.range, message: d.message }));
const essentials = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message }));
const PIECES = ['字', '\n', '。', '（', '\n（三）', '责任单位：区科协、区教体局', '2021-2025', ',', '', '\n— 3 —\n'];

describe('incremental analysis in the server', function () {
  this.timeout(60000);
  const each = perTest();

  it('through 60 random incremental edits, each version published has the diagnostics of a fresh analysis of its text', async () => {
    const workspace = each.folder({ language: 'zh-cn' });
    const client = each.start({ workspace });
    await client.initialize();
    const uri = 'file:///incremental/001.gw';
    const text = fs.readFileSync(seedPath('001'), 'utf8');
    // The editor's copy, kept as VS Code keeps it, to compute each change's range.
    let mine = TextDocument.create(uri, 'gongwen', 1, text);
    await client.open(uri, text, 1);
    await client.published(uri, 1);
    const rng = createRng(8080);
    for (let v = 2; v <= 61; v++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let k = rng.chance(0.3) ? 3 : 1; k > 0; k--) {
        const content = mine.getText();
        const a = rng.int(content.length + 1);
        const b = Math.min(content.length, a + (rng.chance(0.3) ? rng.range(1, 200) : 0));
        const change = { range: { start: mine.positionAt(a), end: mine.positionAt(b) }, text: rng.pick(PIECES) };
        mine = TextDocument.update(mine, [change], v);
        changes.push(change);
      }
      await client.change(uri, v, changes);
      // Most edits wait for their diagnostics, each compared with a fresh analysis of that version's
      // text; some come in a burst, merged by the debounce.
      if (rng.chance(0.7) || v === 61) {
        const got: PublishDiagnosticsParams = await client.published(uri, v);
        const expected = fresh(uri, mine.getText());
        assert.ok(expected.length > 0);
        assert.deepEqual(essentials(got), expected, `version ${v}`);
      }
    }
  });
});
