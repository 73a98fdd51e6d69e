/**
 * The coverage matrices: for each plan of the folder that other plans answer (their primary parent),
 * its clauses × those plans, each cell covered / weak / missing with the clause that answers it
 * (align/coverage.ts, the same as `gongwen coverage`). Pure.
 */
import { coverage } from '../align/coverage';
import type { PlanFacts } from './build';
import type { CoverageMatrix } from './types';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function coverageMatrices(plans: readonly PlanFacts[]): CoverageMatrix[] {
  const out: CoverageMatrix[] = [];
  for (const parent of plans) {
    const children = plans.filter((f) => f.primary === parent);
    if (!children.length) continue;
    const columns = children.map((c) => coverage(c.input.doc, parent.input.doc));
    const tasks = columns[0].map((row, i) => ({
      marker: row.upper.heading.marker,
      title: row.upper.title,
      level: row.upper.heading.level,
      line: row.upper.heading.range.start.line + 1,
      cells: children.map((c, k) => {
        const r = columns[k][i];
        const m = r.local[0];
        return {
          file: c.input.file,
          status: r.status,
          ...(m ? { clause: { marker: m.clause.heading.marker, title: m.clause.title, line: m.clause.heading.range.start.line + 1, score: round(m.score) } } : {}),
        };
      }),
    }));
    out.push({ parent: parent.input.file, children: children.map((c) => c.input.file), tasks });
  }
  return out;
}
