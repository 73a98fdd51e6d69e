/**
 * The fuzz oracle (test/fuzz/check.ts) can fail: each check kind is handed a service that returns one
 * bad result (a range past the end, overlapping edits, an exception, a logged error, a slow analysis)
 * and must report it, while the real service on the same text reports nothing. Also: the one-pass
 * applyEdits gives what applying the edits one by one, back to front, gives.
 */
import assert from 'node:assert/strict';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { analysisBoundMs, applyEdits, cpuMsSince, createChecker, lineLengths } from '../fuzz/check';
import { createRng } from '../fuzz/prng';
import { createLanguageService, type LanguageService, type Logger } from '../../server/src/service';

const URI = 'file:///fuzz/input.txt';
/** Lines of 6, 13 and 0 units (CRLF, then LF). */
const TEXT = '一、总体要求\r\n（一）目标。牵头单位：市委\n';
const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const PAST_END = range(1, 0, 1, 14);
const PAST_LAST_LINE = range(3, 0, 3, 0);
const GOOD = range(0, 0, 0, 2);

/** The real service with some methods replaced; `make` gets the real one and the checker's logger. */
function sabotaged(make: (real: LanguageService, logger: Logger) => Partial<LanguageService>) {
  return createChecker((logger) => {
    const real = createLanguageService({ logger });
    return { ...real, ...make(real, logger) } as LanguageService;
  });
}

function problemsWith(make: (real: LanguageService, logger: Logger) => Partial<LanguageService>, text = TEXT): string[] {
  return sabotaged(make).check(text).problems;
}

function assertReported(problems: readonly string[], pattern: RegExp): void {
  assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got:\n${problems.join('\n') || '(none)'}`);
}

describe('fuzz checker (test/fuzz/check.ts) reports what it claims to', () => {
  it('the real service on the test text: no problem, and every feature was called', () => {
    const result = createChecker().check(TEXT);
    assert.deepEqual(result.problems, []);
    for (const name of ['parse', 'diagnostics', 'documentSymbols', 'foldingRanges', 'certainEdits', 'codeActions', 'completion', 'hover', 'definition', 'references', 'codeLenses']) {
      assert.ok(name in result.byCall, `${name} was not called`);
    }
  });

  it('a range past the end of a line or past the last line, or ending before it starts', () => {
    const diagnostic = (r: Range) => ({ range: r, message: 'm', code: 'fake' });
    assertReported(problemsWith(() => ({ diagnostics: () => [diagnostic(GOOD), diagnostic(PAST_END)] })), /^diagnostic 1 fake: character 14 past the end of line 1 \(13\)/);
    assertReported(problemsWith(() => ({ diagnostics: () => [diagnostic(PAST_LAST_LINE)] })), /^diagnostic 0 fake: line 3 past the last line 2/);
    assertReported(problemsWith(() => ({ diagnostics: () => [diagnostic(range(0, 3, 0, 1))] })), /^diagnostic 0 fake: end before start/);
    assertReported(problemsWith(() => ({ diagnostics: () => [diagnostic(range(0, -1, 0, 1))] })), /not a position/);
  });

  it('document symbols (range, selection range, selection outside the range) and folding ranges', () => {
    const symbol = (r: Range, selection: Range, children: unknown[] = []) => ({ name: 's', kind: 15, range: r, selectionRange: selection, children });
    assertReported(problemsWith(() => ({ documentSymbols: () => [symbol(range(0, 0, 1, 2), GOOD, [symbol(PAST_END, PAST_END)])] as never })), /^symbol s: character 14 past the end/);
    assertReported(problemsWith(() => ({ documentSymbols: () => [symbol(GOOD, PAST_LAST_LINE)] as never })), /^symbol s selection: line 3 past the last line/);
    assertReported(problemsWith(() => ({ documentSymbols: () => [symbol(GOOD, range(1, 0, 1, 1))] as never })), /^symbol s: selectionRange outside range/);
    assertReported(problemsWith(() => ({ foldingRanges: () => [{ startLine: 0, endLine: 3 }] })), /^folding range 0-3 outside 3 lines/);
    assertReported(problemsWith(() => ({ foldingRanges: () => [{ startLine: 1, endLine: 0 }] })), /^folding range 1-0 outside/);
  });

  it('certain edits: outside the document, overlapping, not a string; good ones are applied and the result analysed again', () => {
    const edit = (r: Range, newText = 'x'): TextEdit => ({ range: r, newText });
    assertReported(problemsWith(() => ({ certainEdits: () => [edit(GOOD), edit(PAST_END)] })), /^certain edits edit 1: character 14 past the end/);
    assertReported(problemsWith(() => ({ certainEdits: () => [edit(range(1, 0, 1, 4)), edit(range(0, 0, 0, 1)), edit(range(1, 3, 1, 5))] })), /^certain edits: edits 1 and 2 overlap/);
    assertReported(problemsWith(() => ({ certainEdits: () => [edit(GOOD, null as unknown as string)] })), /^certain edits edit 0: newText is not a string/);

    // Given out of order, applied in order; the fixed text is parsed and analysed again.
    const parsed: string[] = [];
    const checker = sabotaged((real) => ({
      certainEdits: () => [edit(range(1, 3, 1, 5), '目的'), edit(range(0, 0, 0, 2), '二、')],
      parse: (uri, text, options) => (parsed.push(text), real.parse(uri, text, options)),
    }));
    assert.deepEqual(checker.check(TEXT).problems, []);
    assert.deepEqual(parsed, [TEXT, '二、总体要求\r\n（一）目的。牵头单位：市委\n']);

    // …and what the second analysis throws is reported.
    assertReported(problemsWith((real) => ({
      certainEdits: () => [edit(GOOD, 'BOOM')],
      parse: (uri, text, options) => {
        if (text.startsWith('BOOM')) throw new Error('the fixed text broke the parser');
        return real.parse(uri, text, options);
      },
    })), /^parse after certain edits threw: Error: the fixed text broke the parser/);
  });

  it('code action edits: outside, overlapping, or in another document', () => {
    const action = (changes: Record<string, TextEdit[]>) => ({ title: 'fix', edit: { changes } });
    assertReported(problemsWith(() => ({ codeActions: () => [action({ [URI]: [{ range: PAST_LAST_LINE, newText: '' }] })] })), /^code action "fix" edit 0: line 3 past the last line/);
    assertReported(problemsWith(() => ({ codeActions: () => [action({ [URI]: [{ range: range(0, 0, 0, 3), newText: '' }, { range: range(0, 2, 0, 4), newText: '' }] })] })), /^code action "fix": edits 0 and 1 overlap/);
    assertReported(problemsWith(() => ({ codeActions: () => [action({ 'file:///elsewhere.txt': [{ range: GOOD, newText: '' }] })] })), /^code action "fix" edits another document file:\/\/\/elsewhere.txt/);
  });

  it('completion (edit and additional edits), hover, definition, references, code lenses', () => {
    const inDoc = (r: Range) => [{ uri: URI, range: r }];
    assertReported(problemsWith(() => ({ completion: () => [{ label: 'c', textEdit: { range: PAST_END, newText: 'c' } }] })), /^completion c: character 14 past the end/);
    assertReported(problemsWith(() => ({ completion: () => [{ label: 'c', additionalTextEdits: [{ range: PAST_LAST_LINE, newText: '' }] }] })), /^completion c additional edit: line 3 past/);
    assertReported(problemsWith(() => ({ hover: () => ({ contents: 'h', range: PAST_END }) })), /^hover: character 14 past the end/);
    assertReported(problemsWith(() => ({ definition: () => inDoc(PAST_LAST_LINE) })), /^definition: line 3 past the last line/);
    assertReported(problemsWith(() => ({ references: () => inDoc(PAST_END) })), /^reference: character 14 past the end/);
    assertReported(problemsWith(() => ({ codeLenses: () => [{ range: PAST_END }] })), /^code lens: character 14 past the end/);
    // A location in another document is not measured against this one.
    assert.deepEqual(problemsWith(() => ({ definition: () => [{ uri: 'file:///other.txt', range: PAST_LAST_LINE }] })), []);
  });

  it('an exception from any feature, and an error the service caught and logged', () => {
    const methods = ['parse', 'diagnostics', 'documentSymbols', 'foldingRanges', 'certainEdits', 'codeActions', 'completion', 'hover', 'definition', 'references', 'codeLenses'] as const;
    for (const name of methods) {
      const problems = problemsWith(() => ({ [name]: () => { throw new TypeError(`fake ${name} failure`); } }));
      assertReported(problems, new RegExp(`^${name} threw: TypeError: fake ${name} failure`));
    }
    // Thrown at one probe position only: the other positions are still asked.
    let asked = 0;
    const problems = problemsWith((real) => ({
      hover: (doc, position) => {
        if (asked++ === 1) throw new Error('second position');
        return real.hover(doc, position);
      },
    }));
    assert.equal(problems.length, 1);
    assert.ok(asked > 2, 'hover was asked at further positions after the one that threw');
    assertReported(problemsWith((real, logger) => ({ hover: (doc, p) => (logger.error('swallowed: boom'), real.hover(doc, p)) })), /^the service caught and logged: swallowed: boom/);
  });

  it('an analysis over the CPU-time bound', function () {
    this.timeout(20000);
    const burn = (ms: number) => {
      const started = process.cpuUsage();
      while (cpuMsSince(started) < ms) { /* spin */ }
    };
    const problems = problemsWith((real) => ({ diagnostics: (doc) => (burn(analysisBoundMs(TEXT.length) + 20), real.diagnostics(doc)) }));
    assertReported(problems, /^analysis took \d+\.\d ms for 22 units \(bound 250 ms\)/);
  });

  it('applyEdits in one pass gives what back-to-front application of each edit gives', () => {
    const oneByOne = (text: string, sorted: readonly TextEdit[], lines: readonly number[]) => {
      const starts = [0];
      for (let l = 0, o = 0; l < lines.length - 1; l++) starts.push((o += lines[l]! + (text.startsWith('\r\n', o + lines[l]!) ? 2 : 1)));
      let out = text;
      for (const e of [...sorted].reverse()) {
        out = out.slice(0, starts[e.range.start.line]! + e.range.start.character) + e.newText + out.slice(starts[e.range.end.line]! + e.range.end.character);
      }
      return out;
    };
    const rng = createRng(7);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: rng.range(0, 40) }, () => rng.pick(['a', '字', '\n', '\r', '\r\n', '\uD800'])).join('');
      const lines = lineLengths(text);
      // Random sorted, disjoint edits (insertions at the same point included) over the offsets of each line.
      const points = lines.flatMap((len, line) => Array.from({ length: len + 1 }, (_, character) => ({ line, character })));
      const picks = Array.from({ length: rng.range(0, 8) }, () => rng.int(points.length)).sort((a, b) => a - b);
      const edits: TextEdit[] = [];
      for (let i = 0; i + 1 < picks.length; i += 2) edits.push({ range: { start: points[picks[i]!]!, end: points[picks[i + 1]!]! }, newText: rng.pick(['', 'X', 'YZ\n']) });
      assert.equal(applyEdits(text, edits, lines), oneByOne(text, edits, lines), JSON.stringify({ text, edits }));
    }
    const lines = lineLengths('ab\r\ncd\re');
    const at = (line: number, character: number) => range(line, character, line, character);
    assert.equal(applyEdits('ab\r\ncd\re', [{ range: at(1, 1), newText: '1' }, { range: at(1, 1), newText: '2' }, { range: range(1, 2, 2, 1), newText: '' }], lines), 'ab\r\nc12d');
  });
});
