/** Applying LSP text edits to a string, for the format, renumber and fix tests (issue #3). */
import type { TextEdit } from 'vscode-languageserver-types';
import { offsetAt } from './helpers';

/** Applies non-overlapping edits (from the end, so earlier offsets stay valid). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const at = edits.map((e) => ({ a: offsetAt(text, e.range.start.line, e.range.start.character), b: offsetAt(text, e.range.end.line, e.range.end.character), t: e.newText }));
  at.sort((x, y) => y.a - x.a || y.b - x.b);
  let out = text;
  for (const e of at) out = out.slice(0, e.a) + e.t + out.slice(e.b);
  return out;
}
