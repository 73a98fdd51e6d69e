/**
 * The fuzz oracle: runs one text through every feature of the language service and lists every
 * broken invariant — an exception (thrown, or swallowed by the service and logged), a range outside
 * the document, certain edits that overlap or fall outside, or an analysis slower than the bound.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService, type Logger } from '../../server/src/service';

/**
 * Analysis-time bound for one document (parse + all rules), generous on purpose: 250 ms plus 2 ms
 * per 1,000 UTF-16 units (slower than 0.5 M units/s, ~1.5 MB/s of Chinese, on a big document is a
 * blow-up). Typical documents analyse ten times faster (docs/performance.md), but a 200,000-character
 * line of `《` takes ~0.37 s (linear: a per-character look-behind in model/citations.ts); the bound
 * catches super-linear behaviour, not a slow machine.
 * Time is the process's CPU time, not wall time: on a shared, loaded machine wall time was seen at
 * ten times the CPU time, while CPU time only counts the work done.
 */
export function analysisBoundMs(length: number): number {
  return 250 + (2 * length) / 1000;
}

/** CPU milliseconds (user + system) of this process since `since`. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

export interface CheckResult {
  problems: string[];
  /** parse + diagnostics, CPU ms. */
  analysisMs: number;
  /** All other features together, CPU ms. */
  featuresMs: number;
  /** CPU ms per service call name, summed over the calls made for this input. */
  byCall: Record<string, number>;
}

/**
 * One service per checker; a logger that records what the service swallowed. `makeService` is for the
 * checker's own tests (test/unit/fuzz-check.test.ts), which hand it a service that returns bad results.
 */
export function createChecker(makeService: (logger: Logger) => LanguageService = (logger) => createLanguageService({ logger })): {
  service: LanguageService;
  check(text: string): CheckResult;
} {
  const logged: string[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (m) => logged.push(m) };
  const service = makeService(logger);
  return {
    service,
    check(text) {
      logged.length = 0;
      const problems: string[] = [];
      const lines = lineLengths(text);
      // The label is built only for a bad range: a big input has tens of thousands of good ones.
      const where = (what: string | (() => string), range: Range | undefined) => {
        if (!range) return;
        const bad = rangeProblem(range, lines);
        if (bad) problems.push(`${typeof what === 'string' ? what : what()}: ${bad} (${JSON.stringify(range)})`);
      };
      const uri = 'file:///fuzz/input.txt';
      const byCall: Record<string, number> = {};
      /** One call; what it throws becomes a problem. */
      const attempt = <T>(name: string, run: () => T): T | undefined => {
        try {
          return run();
        } catch (err) {
          problems.push(`${name} threw: ${(err as Error)?.stack ?? String(err)}`);
          return undefined;
        }
      };
      /** CPU time of `run`, added to byCall[name]. */
      const timed = <T>(name: string, run: () => T): T => {
        const started = process.cpuUsage();
        try {
          return run();
        } finally {
          byCall[name] = (byCall[name] ?? 0) + cpuMsSince(started);
        }
      };
      const guard = <T>(name: string, run: () => T): T | undefined => timed(name, () => attempt(name, run));
      /**
       * `call` at every point, each call guarded, timed once for all of them: reading the process's CPU
       * time is a syscall (~20 µs here), and timing each of the ~400 calls per input on its own cost more
       * than the calls (1.8 s of a 10 s run).
       */
      const guardEach = <P, T>(name: string, points: readonly P[], call: (point: P) => T): Array<T | undefined> =>
        timed(name, () => points.map((point) => attempt(name, () => call(point))));

      const t0 = process.cpuUsage();
      const doc = guard('parse', () => service.parse(uri, text));
      if (!doc) return { problems, analysisMs: cpuMsSince(t0), featuresMs: 0, byCall };
      const diagnostics = guard('diagnostics', () => service.diagnostics(doc)) ?? [];
      let analysisMs = cpuMsSince(t0);
      // Twice more before calling it a blow-up: a garbage collection of the long run's heap, or the compiler
      // warming up, can land on one input; super-linear work is over the bound every time. The CPU time is the
      // process's, its collector's threads included, so the heap a long test run leaves behind is collected
      // first where the runner allows it (`--expose-gc`, .mocharc.json): in `npm test` one input of 206,057
      // units once took 850–970 ms against 180–440 ms alone.
      for (let attempt = 0; attempt < 2 && analysisMs > analysisBoundMs(text.length); attempt++) {
        (globalThis as { gc?: () => void }).gc?.();
        const again = process.cpuUsage();
        service.diagnostics(service.parse(`${uri}#again${attempt}`, text));
        analysisMs = Math.min(analysisMs, cpuMsSince(again));
      }
      if (analysisMs > analysisBoundMs(text.length)) {
        problems.push(`analysis took ${analysisMs.toFixed(1)} ms for ${text.length} units (bound ${analysisBoundMs(text.length).toFixed(0)} ms)`);
      }

      const t1 = process.cpuUsage();
      diagnostics.forEach((d, i) => where(() => `diagnostic ${i} ${d.code}`, d.range));
      for (const s of flatten(guard('documentSymbols', () => service.documentSymbols(doc)) ?? [])) {
        where(`symbol ${s.name}`, s.range);
        where(`symbol ${s.name} selection`, s.selectionRange);
        if (!contains(s.range, s.selectionRange)) problems.push(`symbol ${s.name}: selectionRange outside range`);
      }
      for (const f of guard('foldingRanges', () => service.foldingRanges(doc)) ?? []) {
        if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length)) problems.push(`folding range ${f.startLine}-${f.endLine} outside ${lines.length} lines`);
      }
      const certain = guard('certainEdits', () => service.certainEdits(doc)) ?? [];
      const fixed = checkEditSet('certain edits', certain, lines, problems, text);
      if (fixed !== undefined && certain.length > 0 && text.length <= 50_000) {
        // The fixed text is a document too: formatting must never produce something the service chokes on
        // (checked on documents of ordinary size; a second analysis of the 200,000-character lines costs too much).
        const again = guard('parse after certain edits', () => service.parse(uri, fixed));
        if (again) guard('diagnostics after certain edits', () => service.diagnostics(again));
      }
      const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]! } };
      const ranges = [whole, ...diagnostics.slice(0, 30).map((d) => d.range)];
      for (const actions of guardEach('codeActions', ranges, (range) => service.codeActions(doc, range))) {
        for (const action of actions ?? []) {
          for (const [u, edits] of editsByDocument(action.edit)) {
            if (u !== uri) problems.push(`code action "${action.title}" edits another document ${u}`);
            checkEditSet(`code action "${action.title}"`, edits, lines, problems);
          }
        }
      }
      const positions = probePositions(text, lines, diagnostics.map((d) => d.range.start));
      for (const items of guardEach('completion', positions, (position) => service.completion(doc, position))) {
        for (const item of items ?? []) {
          const edit = item.textEdit;
          if (edit && 'range' in edit) where(() => `completion ${item.label}`, edit.range);
          for (const e of item.additionalTextEdits ?? []) where(() => `completion ${item.label} additional edit`, e.range);
        }
      }
      for (const h of guardEach('hover', positions, (position) => service.hover(doc, position))) if (h?.range) where('hover', h.range);
      for (const locs of guardEach('definition', positions, (position) => service.definition(doc, position))) {
        for (const loc of locs ?? []) if (loc.uri === uri) where('definition', loc.range);
      }
      for (const locs of guardEach('references', positions, (position) => service.references(doc, position))) {
        for (const loc of locs ?? []) if (loc.uri === uri) where('reference', loc.range);
      }
      for (const lens of guard('codeLenses', () => service.codeLenses(doc)) ?? []) where('code lens', lens.range);
      const featuresMs = cpuMsSince(t1);
      for (const message of logged) problems.push(`the service caught and logged: ${message}`);
      return { problems, analysisMs, featuresMs, byCall };
    },
  };
}

/** A workspace edit's text edits per document: plain `changes` and annotated `documentChanges` (previewed renumbering). */
function editsByDocument(edit: WorkspaceEdit | undefined): Array<[string, TextEdit[]]> {
  const out = Object.entries(edit?.changes ?? {});
  for (const c of edit?.documentChanges ?? []) if ('edits' in c) out.push([c.textDocument.uri, c.edits.filter((e): e is TextEdit => 'newText' in e)]);
  return out;
}

/** Lengths of the lines as LSP counts them (CRLF, LF or CR end a line). */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

function positionProblem(p: Position, lines: readonly number[]): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return 'not a position';
  if (p.line >= lines.length) return `line ${p.line} past the last line ${lines.length - 1}`;
  if (p.character > lines[p.line]!) return `character ${p.character} past the end of line ${p.line} (${lines[p.line]})`;
  return undefined;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

export function rangeProblem(r: Range, lines: readonly number[]): string | undefined {
  const p = positionProblem(r.start, lines) ?? positionProblem(r.end, lines);
  if (p) return p;
  return before(r.start, r.end) ? undefined : 'end before start';
}

/**
 * Edits must each lie inside the document and not overlap; given `text`, they are applied and the
 * result returned (only for the certain edits: applying every quick fix of a big input costs seconds).
 */
function checkEditSet(what: string, edits: readonly TextEdit[], lines: readonly number[], problems: string[], text?: string): string | undefined {
  const startsBefore = (a: TextEdit, b: TextEdit) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  // Most edit sets come sorted (a fix-all action of a big input holds ~57,000 edits, asked for 30 times):
  // check that in one pass and sort (stably, as before) only when they do not.
  let inOrder = true;
  for (let i = 1; i < edits.length && inOrder; i++) inOrder = startsBefore(edits[i - 1]!, edits[i]!) <= 0;
  const sorted = inOrder ? edits : [...edits].sort(startsBefore);
  const known = problems.length;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    const bad = rangeProblem(e.range, lines);
    if (bad) problems.push(`${what} edit ${i}: ${bad}`);
    if (typeof e.newText !== 'string') problems.push(`${what} edit ${i}: newText is not a string`);
    const prev = sorted[i - 1];
    if (prev && !before(prev.range.end, e.range.start)) problems.push(`${what}: edits ${i - 1} and ${i} overlap`);
  }
  if (text !== undefined && problems.length === known) return applyEdits(text, sorted, lines);
  return undefined;
}

/**
 * Applies sorted, disjoint edits as an editor would, in one pass: the kept stretches and the new texts
 * are collected front to back and joined once. (Rebuilding the whole text per edit, back to front, was
 * quadratic: 57,000 certain edits on a 206,000-unit line copied ~23 GB and took ~110 s of the bounded
 * run.) Edits at the same position keep their order, as with back-to-front application.
 */
export function applyEdits(text: string, sorted: readonly TextEdit[], lines: readonly number[]): string {
  const lineStarts: number[] = [0];
  let offset = 0;
  for (let l = 0; l < lines.length - 1; l++) {
    offset += lines[l]!;
    offset += text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1;
    lineStarts.push(offset);
  }
  const parts: string[] = [];
  let cursor = 0;
  for (const e of sorted) {
    const from = lineStarts[e.range.start.line]! + e.range.start.character;
    const to = lineStarts[e.range.end.line]! + e.range.end.character;
    if (from < cursor || to < from) throw new Error(`applyEdits: edits not sorted and disjoint at ${JSON.stringify(e.range)}`);
    parts.push(text.slice(cursor, from), e.newText);
    cursor = to;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Where to ask for completion and hover: start, end, every diagnostic, a few line ends and middles. */
function probePositions(text: string, lines: readonly number[], extra: readonly Position[]): Position[] {
  const out: Position[] = [{ line: 0, character: 0 }, { line: lines.length - 1, character: lines[lines.length - 1]! }, ...extra.slice(0, 20)];
  const step = Math.max(1, Math.floor(lines.length / 12));
  for (let l = 0; l < lines.length; l += step) {
    out.push({ line: l, character: lines[l]! }, { line: l, character: Math.floor(lines[l]! / 2) });
  }
  return text.length === 0 ? out.slice(0, 1) : out;
}

function flatten<T extends { children?: T[] }>(items: readonly T[]): T[] {
  return items.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}
