/** Folding: every section of the heading tree, and the notice's multi-line elements. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';

export function foldingRanges(doc: GongwenDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const h of doc.allHeadings) {
    const { start, end } = h.sectionRange;
    if (end.line > start.line) out.push({ startLine: start.line, endLine: end.line });
  }
  for (const el of Object.values(doc.notice)) {
    if (el && el.range.end.line > el.range.start.line) {
      out.push({ startLine: el.range.start.line, endLine: el.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
