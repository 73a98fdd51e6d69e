/** Folding: each part of a document that has several, every section of the heading tree, and the notice's multi-line elements. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';

export function foldingRanges(doc: GongwenDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  // A lone cover is the whole file: folding it would hide everything behind its first line.
  if (doc.parts.length > 1) {
    for (const part of doc.parts) {
      const { start, end } = part.range;
      if (end.line > start.line) out.push({ startLine: start.line, endLine: end.line, kind: FoldingRangeKind.Region });
    }
  }
  for (const h of doc.allHeadings) {
    const { start, end } = h.sectionRange;
    if (end.line > start.line) out.push({ startLine: start.line, endLine: end.line });
  }
  for (const el of Object.values(doc.notice)) {
    if (el && el.range.end.line > el.range.start.line) {
      out.push({ startLine: el.range.start.line, endLine: el.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  // Of ranges starting on one line an editor keeps the first (VS Code drops the later ones): the
  // outer one, so a part whose title line also starts a multi-line element still folds whole.
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
