import type { Position, Range } from 'vscode-languageserver-types';

/** Offset ↔ LSP position over the original text (UTF-16 units, as LSP and JavaScript count). */
export interface LineIndex {
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
  lineStart(line: number): number;
  lineCount: number;
}

export function createLineIndex(starts: readonly number[], textLength: number): LineIndex {
  function positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, textLength));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }
  return {
    positionAt,
    rangeOf: (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
    lineStart: (line) => starts[Math.max(0, Math.min(line, starts.length - 1))],
    lineCount: starts.length,
  };
}
