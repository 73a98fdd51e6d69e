/** Shared lookups of the higher-level-plan features (issue #5): the clause or citation at a position, and its matches. */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Citation, GongwenDocument, Heading } from '../model/types';
import { alignDocuments, type ClauseMatch } from '../align/align';
import { shortName, upperDocuments } from '../knowledge/plans/documents';
import type { FeatureContext } from './types';

/** `endInclusive`: a cursor just after a heading's last character is still on it; citations stand back to back (》《), so not for them. */
export function contains(range: Range, p: Position, endInclusive = true): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && (endInclusive ? p.character <= range.end.character : p.character < range.end.character));
  return after && before;
}

/** The clause whose heading line holds the position (hover, lens targets). */
export function headingAt(doc: GongwenDocument, p: Position): Heading | undefined {
  return doc.allHeadings.find((h) => contains(h.range, p));
}

/** The innermost clause whose section holds the position (definition, references: anywhere in the clause). */
export function clauseAt(doc: GongwenDocument, p: Position): Heading | undefined {
  let best: Heading | undefined;
  for (const h of doc.allHeadings) if (contains(h.sectionRange, p) && (!best || h.level > best.level)) best = h;
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
