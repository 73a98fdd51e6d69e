/** Shared lookups of the higher-level-plan features (issue #5): the clause or citation at a position, and its matches. */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Citation, GongwenDocument, Heading } from '../model/types';
import { alignDocuments, type ClauseMatch } from '../align/align';
import { shortName, upperDocuments } from '../knowledge/plans/documents';
import type { FeatureContext } from './types';
import { perDocument } from '../model/memo';

/** `endInclusive`: a cursor just after a heading's last character is still on it; citations stand back to back (》《), so not for them. */
export function contains(range: Range, p: Position, endInclusive = true): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && (endInclusive ? p.character <= range.end.character : p.character < range.end.character));
  return after && before;
}

/**
 * The lines each clause owns: from its heading's line to the line before the next heading that is not
 * inside it (blank and page-number lines between two clauses go with the one above), the last clause
 * to the end of its section. By line, not by character: the indentation before a heading marker
 * (` ——坚持优化供给`) and the blank lines of PDF text belong to the clause, not to its parent.
 */
interface ClauseLines {
  heading: Heading;
  first: number;
  last: number;
}

/** This module's key in the document's memo (model/memo.ts). */
const CLAUSE_LINES = Symbol('clause lines');

function clauseLines(doc: GongwenDocument): ClauseLines[] {
  return perDocument(doc, CLAUSE_LINES, () => clauseLinesOf(doc));
}

function clauseLinesOf(doc: GongwenDocument): ClauseLines[] {
  const hs = [...doc.allHeadings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out = hs.map((heading, i) => {
    let next: Heading | undefined;
    for (let j = i + 1; j < hs.length; j++) {
      if (hs[j].level <= heading.level) {
        next = hs[j];
        break;
      }
    }
    const first = heading.range.start.line;
    const last = next ? Math.max(first, next.range.start.line - 1) : Math.max(first, heading.sectionRange.end.line);
    return { heading, first, last };
  });
  return out;
}

/**
 * The innermost clause (heading or task item, `1.` under `（一）` too) that owns the position's line:
 * definition, hover and references work from any line of a clause. Where a line holds two headings
 * (`（一）总体要求。1.坚持…`), the one the cursor is on or after.
 */
export function clauseAt(doc: GongwenDocument, p: Position): Heading | undefined {
  let best: Heading | undefined;
  for (const c of clauseLines(doc)) {
    if (c.first > p.line) break;
    if (p.line > c.last) continue;
    if (best && c.first === p.line && best.range.start.line === p.line && p.character < c.heading.range.start.character) continue;
    // In document order a later clause that owns the line is inside the earlier ones (siblings' lines do not overlap).
    best = c.heading;
  }
  return best;
}

export function citationAt(doc: GongwenDocument, p: Position): Citation | undefined {
  return doc.citations.find((c) => contains(c.range, p, false));
}

export interface UpperMatch {
  upper: GongwenDocument;
  /** 威海 */
  name: string;
  match: ClauseMatch;
}

/** The best match of a clause in each upper document that has one. */
export function upperMatches(ctx: FeatureContext, heading: Heading): UpperMatch[] {
  const out: UpperMatch[] = [];
  for (const upper of upperDocuments(ctx.doc, ctx.knowledge.plans, ctx.workspace)) {
    const found = alignDocuments(ctx.doc, upper).find((a) => a.clause.heading === heading);
    if (found?.match) out.push({ upper, name: shortName(upper), match: found.match });
  }
  return out;
}

/** `（四）壮大科普人才队伍` */
export function clauseLabel(h: Heading): string {
  return `${h.marker}${h.title}`;
}
