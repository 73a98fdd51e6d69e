import type { Position, Range } from 'vscode-languageserver-types';

/** Offset ↔ LSP position over the original text (UTF-16 units, as LSP and JavaScript count). */
export interface LineIndex {
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
  /**
   * `rangeOf` for offsets expected on lines `firstLine…lastLine` (a block's): the lines are searched there first,
   * the whole text only when an offset lies outside them. The same range as `rangeOf`.
   */
  rangeWithin(start: number, end: number, firstLine: number, lastLine: number): Range;
  lineStart(line: number): number;
  lineCount: number;
}

export function createLineIndex(starts: readonly number[], textLength: number): LineIndex {
  const last = starts.length - 1;
  /** The line of offset `o` (already clamped), searched among lines lo…hi, which must hold it. */
  function lineOf(o: number, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** Lines lo…hi hold offset `o` when it is at or after lo's start and before the start of the line after hi. */
  const holds = (o: number, lo: number, hi: number): boolean => lo >= 0 && hi <= last && lo <= hi && starts[lo] <= o && (hi === last || starts[hi + 1] > o);
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, textLength));
  function positionAt(offset: number): Position {
    const o = clamp(offset);
    const line = lineOf(o, 0, last);
    return { line, character: o - starts[line] };
  }
  /**
   * Two positions, the end searched from the start's line on: a range's two offsets are mostly on one line or
   * a few, and spans (every unit name, every heading) made one binary search over all lines per offset ~3 % of
   * a lint of seed-sized files (CPU profile, issue #18).
   */
  function rangeWithin(start: number, end: number, firstLine: number, lastLine: number): Range {
    const a = clamp(start);
    const b = clamp(end);
    const la = holds(a, firstLine, lastLine) ? lineOf(a, firstLine, lastLine) : lineOf(a, 0, last);
    const lb = b >= a ? (holds(b, la, lastLine) ? lineOf(b, la, lastLine) : lineOf(b, la, last)) : lineOf(b, 0, la);
    return { start: { line: la, character: a - starts[la] }, end: { line: lb, character: b - starts[lb] } };
  }
  return {
    positionAt,
    rangeOf: (start, end) => rangeWithin(start, end, 0, last),
    rangeWithin,
    lineStart: (line) => starts[Math.max(0, Math.min(line, last))],
    lineCount: starts.length,
  };
}
