/**
 * Coverage of an upper plan by a document: for each upper clause, the local clauses that implement
 * it and a status — covered (a strong match), weak (only a match below STRONG, or a local clause
 * that resembles it without choosing it), missing (nothing). Pure.
 */
import type { GongwenDocument } from '../model/types';
import { alignClauses, alignDocuments, NO_MATCH, STRONG, type ClauseMatch } from './align';
import { clausesOf, type Clause } from './clauses';

export type CoverageStatus = 'covered' | 'weak' | 'missing';

export interface CoverageRow {
  upper: Clause;
  status: CoverageStatus;
  /** Local clauses whose best match is this upper clause, best first; or the closest local candidate for `weak`. */
  local: ClauseMatch[];
}

export function coverage(doc: GongwenDocument, upper: GongwenDocument): CoverageRow[] {
  const forward = alignDocuments(doc, upper);
  const chosen = new Set(forward.map((a) => a.match?.clause));
  // Only the upper clauses no local clause chose are looked up the other way (a weak match or none).
  const unchosen = clausesOf(upper).filter((u) => !chosen.has(u));
  const backward = new Map(alignClauses(upper, doc, unchosen).map((a) => [a.clause, a.best]));
  return clausesOf(upper).map((u) => {
    const local = forward
      .filter((a) => a.match?.clause === u)
      .map((a) => ({ clause: a.clause, score: a.match!.score }))
      .sort((a, b) => b.score - a.score);
    if (local.length) return { upper: u, status: local[0].score >= STRONG ? 'covered' : 'weak', local };
    const back = backward.get(u);
    if (back && back.score >= NO_MATCH) return { upper: u, status: 'weak', local: [back] };
    return { upper: u, status: 'missing', local: [] };
  });
}

export function coverageCounts(rows: readonly CoverageRow[]): Record<CoverageStatus, number> {
  const counts: Record<CoverageStatus, number> = { covered: 0, weak: 0, missing: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
