/**
 * Incremental analysis (issue #8): a parse that reuses the previous version gives exactly what a
 * fresh parse gives, and so do the diagnostics. Edits are the ones a drafter makes — typing a
 * character, Enter, Backspace across a line break, deleting or pasting a paragraph, replacing a
 * word — plus the awkward ones: CRLF halves, edits at the very start and end, a page-number line.
 * Each chain applies many edits in a row, every version parsed from the one before.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/parse';
import { resplit, splitLines } from '../../server/src/model/lines';
import { createLanguageService } from '../../server/src/service';
import { createRng, type Rng } from '../fuzz/prng';
import { readSeed } from './helpers';
import { createEditTracker } from '../../server/src/lsp/edits';
import { loadSeeds } from '../fuzz/fuzz';
import { makeInput } from '../fuzz/generate';

const SEEDS = ['000', '001', '002', '003', '004'];
const PIECES = ['字', '\n', '\r\n', '\r', '。', '（', '）', '一、', '\n（二）', '\n1.', '责任单位：市科技局、市科协', '2021-2025年', '(', ',', '\n— 12 —\n', '', '**', '　　', '《纲要》', '二Ｏ二五年'];

/** One random edit of `text`: a piece inserted, a span deleted or replaced, or a line moved. */
function edit(rng: Rng, text: string): string {
  const at = rng.chance(0.05) ? (rng.chance(0.5) ? 0 : text.length) : rng.int(text.length + 1);
  switch (rng.int(5)) {
    case 0:
      return text.slice(0, at) + rng.pick(PIECES) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + rng.range(1, 3)));
    case 2: {
      const end = Math.min(text.length, at + rng.range(0, 400));
      return text.slice(0, at) + rng.pick(PIECES) + text.slice(end);
    }
    case 3: {
      // Paste a paragraph copied from elsewhere in the document.
      const from = rng.int(text.length);
      return text.slice(0, at) + text.slice(from, from + rng.range(1, 300)) + text.slice(at);
    }
    default: {
      // Delete a whole line with its break, as Ctrl+Shift+K does.
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      return text.slice(0, start) + (end < 0 ? '' : text.slice(end + 1));
    }
  }
}

describe('incremental analysis', () => {
  it('re-splitting lines after an edit equals splitting the new text', () => {
    const rng = createRng(7);
    for (const seed of SEEDS) {
      let text = readSeed(seed);
      let lines = splitLines(text);
      for (let i = 0; i < 60; i++) {
        const next = edit(rng, text);
        lines = resplit(text, lines, next).lines;
        text = next;
        assert.deepEqual(lines, splitLines(text), `seed ${seed}, edit ${i}`);
      }
    }
  });

  it('a parse from the previous version equals a fresh parse, edit after edit', function () {
    this.timeout(60000); // hundreds of full parses; slow only on a loaded machine
    const rng = createRng(20261123);
    for (const seed of SEEDS) {
      let text = readSeed(seed);
      let doc = parseDocument('file:///a.gw', text, { incremental: true });
      for (let i = 0; i < 40; i++) {
        text = edit(rng, text);
        doc = parseDocument('file:///a.gw', text, { previous: doc });
        assert.deepStrictEqual(doc, parseDocument('file:///a.gw', text), `seed ${seed}, edit ${i}`);
      }
    }
  });

  it('diagnostics and certain fixes from an incremental analysis equal a fresh analysis', () => {
    const rng = createRng(99);
    const incremental = createLanguageService();
    const fresh = createLanguageService();
    for (const seed of SEEDS) {
      let text = readSeed(seed);
      let doc = incremental.parse('file:///a.gw', text, { incremental: true });
      incremental.diagnostics(doc);
      for (let i = 0; i < 25; i++) {
        text = edit(rng, text);
        doc = incremental.parse('file:///a.gw', text, { previous: doc });
        const expected = fresh.parse('file:///a.gw', text);
        assert.deepStrictEqual(incremental.diagnostics(doc), fresh.diagnostics(expected), `seed ${seed}, edit ${i}`);
        assert.deepStrictEqual(incremental.certainEdits(doc), fresh.certainEdits(expected), `seed ${seed}, edit ${i}`);
      }
    }
  });

  it('a line that still starts a block but whose marker no longer counts is not taken for the old block', () => {
    // PDF-wrapped (five full lines of width 48): `2.` after a full line that does not end a sentence is
    // not a heading. Deleting the `)` that ended the Latin line before it takes the heading away while
    // the line still starts a block (the Latin line is not Chinese), so the old block there must not be reused.
    const wrapped = '科学素质建设是一项基础性社会工程需要各方共同推进\n'.repeat(5);
    const text = `一、总体要求\n${wrapped}ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTU)\n2.加强科普能力建设。\n三、保障措施\n`;
    const first = parseDocument('file:///a.gw', text, { incremental: true });
    assert.ok(first.allHeadings.some((h) => h.marker === '2.'), 'before: 2. is a heading');
    const edited = text.replace('U)\n', 'U\n');
    const next = parseDocument('file:///a.gw', edited, { previous: first });
    const fresh = parseDocument('file:///a.gw', edited);
    assert.ok(!fresh.allHeadings.some((h) => h.marker === '2.'), 'after: 2. is not a heading');
    assert.deepStrictEqual(next, fresh);
  });

  it('one typed character re-joins only the blocks around it; the others keep what was found in them', () => {
    const text = readSeed('002');
    const first = parseDocument('file:///a.gw', text, { incremental: true });
    const at = text.indexOf('责任单位');
    const next = parseDocument('file:///a.gw', text.slice(0, at) + '字' + text.slice(at), { previous: first });
    const previousEntries = new Set(first.blocks.map((b) => first.reuse!.entryOf(b)));
    const rebuilt = next.blocks.filter((b) => !previousEntries.has(next.reuse!.entryOf(b)));
    // The block typed in, and the one before it where the joining loop restarts.
    assert.ok(rebuilt.length >= 1 && rebuilt.length <= 2, `${rebuilt.length} blocks rebuilt`);
    assert.ok(rebuilt.some((b) => b.text.includes('字责任单位')));
    // Blocks before those two are the same objects.
    const edited = next.blocks.findIndex((b) => b.text.includes('字责任单位'));
    assert.ok(edited > 2 && next.blocks.slice(0, edited - 1).every((b) => first.blocks.includes(b)));
  });
});

describe('edit tracking (the server notes where the editor changed the text)', () => {
  it('merged change ranges never call a changed character unchanged, and the parse from them equals a fresh one', () => {
    const rng = createRng(4242);
    const tracker = createEditTracker();
    const base = readSeed('001');
    let document = tracker.documents.create('file:///a.gw', 'gongwen', 1, base);
    let parsed = { version: 1, text: base, doc: parseDocument('file:///a.gw', base, { incremental: true }) };
    tracker.parsed(document);
    for (let round = 0; round < 120; round++) {
      // A burst of 1–4 change events (each in one or several notifications) between two parses.
      for (let k = rng.range(1, 4); k > 0; k--) {
        const text = document.getText();
        const a = rng.int(text.length + 1);
        const b = Math.min(text.length, a + rng.range(0, rng.chance(0.2) ? 500 : 4));
        const change = { range: { start: document.positionAt(a), end: document.positionAt(b) }, text: rng.pick(PIECES) };
        document = tracker.documents.update(document, rng.chance(0.3) ? [change, { range: change.range, text: '' }] : [change], document.version + 1);
      }
      const text = document.getText();
      const known = tracker.unchangedSince(document, parsed.version)!;
      // The old text is start + X + end and the new one start + Y + end (any such split is right).
      assert.ok(known.prefix + known.suffix <= Math.min(text.length, parsed.text.length), `round ${round}: ends overlap`);
      assert.equal(text.slice(0, known.prefix), parsed.text.slice(0, known.prefix), `round ${round}: start`);
      assert.equal(text.slice(text.length - known.suffix), parsed.text.slice(parsed.text.length - known.suffix), `round ${round}: end`);
      const doc = parseDocument('file:///a.gw', text, { previous: parsed.doc, unchanged: known });
      assert.deepStrictEqual(doc, parseDocument('file:///a.gw', text), `round ${round}`);
      tracker.parsed(document);
      parsed = { version: document.version, text, doc };
    }
  });
});

describe('incremental analysis on fuzz inputs', () => {
  it('going from a seed to a fuzzed document and back gives what a fresh parse gives', function () {
    this.timeout(120000);
    const seeds = loadSeeds();
    const rng = createRng(31337);
    for (let i = 0; i < 60; i++) {
      const input = makeInput(seeds, rng);
      const seed = rng.pick(seeds);
      const before = parseDocument('file:///a.gw', seed, { incremental: true });
      const after = parseDocument('file:///a.gw', input.text, { previous: before });
      assert.deepStrictEqual(after, parseDocument('file:///a.gw', input.text), `input ${i} (${input.recipe.join(" ")})`);
      const back = parseDocument('file:///a.gw', seed, { previous: after });
      assert.deepStrictEqual(back, parseDocument('file:///a.gw', seed), `input ${i} back (${input.recipe.join(" ")})`);
    }
  });
});
