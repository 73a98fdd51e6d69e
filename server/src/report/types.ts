/**
 * The province overview (issue #19) as data: what `gongwen report DIR --json` prints and the HTML
 * page draws. Lines are 1-based, as a reader counts them; files are paths relative to the folder.
 */
import type { DivisionLevel } from './divisions';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface PlanFinding {
  rule: string;
  severity: SeverityName;
  message: string;
  line: number;
  character: number;
  /** The line the finding is on, shortened around it. */
  context: string;
}

export type ParentRef =
  | { kind: 'plan'; file: string; name: string; via: Array<'division' | 'upper' | 'cited'> }
  | { kind: 'registry'; id: string; title: string; docNumber?: string };

export interface LateInfo {
  deadline: string;
  issued: string;
  /** Where the deadline comes from: the parent plan's sentence, or gongwen.json `deadline`. */
  source: { kind: 'parent'; file: string; line: number; text: string } | { kind: 'config' };
}

export interface PlanReport {
  file: string;
  title?: string;
  docNumber?: string;
  issuer?: string;
  /** 成文日期 (else 印发日期), YYYY-MM-DD. */
  issued?: string;
  jurisdiction?: { code: string; name: string; level: DivisionLevel; via: 'issuer' | 'title' | 'docNumber'; docNumberAgrees: boolean };
  parents: ParentRef[];
  counts: Record<SeverityName, number>;
  /** Errors first, then by line. */
  findings: PlanFinding[];
  late?: LateInfo;
}

export interface TreeNode {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Files of the plans of this place; empty: the place has no plan in the folder. */
  plans: string[];
  children: TreeNode[];
}

export interface Indicator {
  id: string;
  metric: string;
  year: number;
  unit: string;
}

export interface TargetCell {
  indicator: string;
  file: string;
  value: number;
  comparator: '>=' | '>' | '≈';
  /** As the plan words it: 达到17%. */
  text: string;
  line: number;
  /** Weaker than the nearest parent's target for the same indicator. */
  belowParent: boolean;
  /** The plan states the indicator with another value elsewhere (target-conflict). */
  inconsistent: boolean;
  parent?: { name: string; file?: string; value: number; text: string };
  /** Other values the plan gives for it. */
  others: number[];
}

export interface TargetTable {
  indicators: Indicator[];
  /** Plans in tree order (province, then each city and its counties). */
  columns: string[];
  cells: TargetCell[];
}

export type CoverageStatus = 'covered' | 'weak' | 'missing';

export interface CoverageCell {
  file: string;
  status: CoverageStatus;
  clause?: { marker: string; title: string; line: number; score: number };
}

/** How one child plan covers each clause of its parent, in the parent's order. */
export type CoverageColumn = Array<{
  task: { marker: string; title: string; level: number; line: number };
  status: CoverageStatus;
  clause?: CoverageCell['clause'];
}>;

export interface CoverageMatrix {
  parent: string;
  children: string[];
  tasks: Array<{ marker: string; title: string; level: number; line: number; cells: CoverageCell[] }>;
}

export interface Report {
  root: string;
  plans: PlanReport[];
  /** Files that could not be read, with the reason. */
  unread: Array<{ file: string; error: string }>;
  tree: TreeNode[];
  targets: TargetTable;
  coverage: CoverageMatrix[];
}
