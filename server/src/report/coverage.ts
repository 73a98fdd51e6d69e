/**
 * The coverage matrices: for each plan of the folder that other plans answer (their primary parent),
 * its clauses × those plans, each cell covered / weak / missing with the clause that answers it
 * (align/coverage.ts, the same as `gongwen coverage`). One column per child plan (`coverageColumn`,
 * computed where the plan is analysed), put together here. Pure.
 */
import { coverage } from '../align/coverage';
import type { GongwenDocument } from '../model/types';
import type { PlanFacts } from './build';
import type { CoverageColumn, CoverageMatrix } from './types';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** How `child` covers each clause of `parent`: plain data, so that it travels from a worker thread. */
export function coverageColumn(child: GongwenDocument, parent: GongwenDocument): CoverageColumn {
  return coverage(child, parent).map((r) => {
    const m = r.local[0];
    return {
      task: { marker: r.upper.heading.marker, title: r.upper.title, level: r.upper.heading.level, line: r.upper.heading.range.start.line + 1 },
      status: r.status,
      ...(m ? { clause: { marker: m.clause.heading.marker, title: m.clause.title, line: m.clause.heading.range.start.line + 1, score: round(m.score) } } : {}),
    };
  });
}

export function coverageMatrices(plans: readonly PlanFacts[], columnOf: ReadonlyMap<PlanFacts, CoverageColumn>): CoverageMatrix[] {
  const out: CoverageMatrix[] = [];
  for (const parent of plans) {
    const children = plans.filter((f) => f.primary === parent && columnOf.has(f));
    if (!children.length) continue;
    const columns = children.map((c) => columnOf.get(c)!);
    const tasks = columns[0].map((row, i) => ({
      ...row.task,
      cells: children.map((c, k) => {
        const { status, clause } = columns[k][i];
        return { file: c.input.file, status, ...(clause ? { clause } : {}) };
      }),
    }));
    out.push({ parent: parent.input.file, children: children.map((c) => c.input.file), tasks });
  }
  return out;
}
