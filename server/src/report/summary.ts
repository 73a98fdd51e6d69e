/** Figures of a report the text output, the page's header and the tests share. Pure. */
import type { Report, TreeNode } from './types';

export interface ReportSummary {
  plans: number;
  late: number;
  belowParent: number;
  inconsistent: number;
  /** Cells of the coverage matrices that are missing / weak. */
  missing: number;
  weak: number;
  /** Places of the tree without a plan. */
  placesWithoutPlan: number;
  errors: number;
  warnings: number;
}

function countEmpty(nodes: readonly TreeNode[]): number {
  return nodes.reduce((n, node) => n + (node.plans.length ? 0 : 1) + countEmpty(node.children), 0);
}

export function summarise(report: Report): ReportSummary {
  const cells = report.coverage.flatMap((m) => m.tasks.flatMap((x) => x.cells));
  return {
    plans: report.plans.length,
    late: report.plans.filter((p) => p.late).length,
    belowParent: report.targets.cells.filter((c) => c.belowParent).length,
    inconsistent: report.targets.cells.filter((c) => c.inconsistent).length,
    missing: cells.filter((c) => c.status === 'missing').length,
    weak: cells.filter((c) => c.status === 'weak').length,
    placesWithoutPlan: countEmpty(report.tree),
    errors: report.plans.reduce((n, p) => n + p.counts.error, 0),
    warnings: report.plans.reduce((n, p) => n + p.counts.warning, 0),
  };
}
