/**
 * Edits of the unit rules. A unit name the PDF wrapped (市卫生健\n\n— 12 —\n\n康委) has its real
 * range over the line break; replacing that whole range would delete the break and the page-number
 * line with it. These edits go through the joined text (`joined.ts`) and keep both.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { GongwenDocument, Unit } from '../../model/types';
import { joinedReplace, locateRange } from '../format/joined';

/** Replace a written unit name by `name`, keeping the line breaks inside it. */
export function renameUnit(doc: GongwenDocument, unit: Unit, name: string): TextEdit {
  return replaceKeepingBreaks(doc, unit.range, name);
}

/** Replace the text of `range` (one piece of a block) by `newText`, keeping the line breaks inside it. */
export function replaceKeepingBreaks(doc: GongwenDocument, range: Range, newText: string): TextEdit {
  const at = locateRange(doc, range);
  return at ? joinedReplace(doc, at.block, at.from, at.to, newText) : { range, newText };
}

/** Delete from the end of `before` to the end of `unit` (the separator and the name), keeping the line breaks between. */
export function deleteAfter(doc: GongwenDocument, before: Unit, unit: Unit): TextEdit {
  const a = locateRange(doc, before.range);
  const b = locateRange(doc, unit.range);
  if (a && b && a.block === b.block && a.to <= b.to) return joinedReplace(doc, a.block, a.to, b.to, '');
  return { range: { start: before.range.end, end: unit.range.end }, newText: '' };
}
