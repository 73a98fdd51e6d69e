/** The shape of a department list (责任单位名录), as in `schemas/departments.schema.json`. */

/** 党委部门 / 政府部门 / 其他机构 / 群团组织: the groups of the canonical order. */
export type UnitKind = '党委部门' | '政府部门' | '其他机构' | '群团组织';
export const UNIT_KINDS: readonly UnitKind[] = ['党委部门', '政府部门', '其他机构', '群团组织'];

/** The level prefix a jurisdiction writes before its own units (乳山市, a county-level city, writes 市). */
export type LevelPrefix = '市' | '县' | '区';

/** A name a unit had before a reform, e.g. 淄博市卫生和计划生育委员会 (市卫生计生委) until 2018. */
export interface FormerName {
  name: string;
  forms?: string[];
  /** Last year the name was in use. */
  until: number;
}

export interface DepartmentUnit {
  /** Official full name, e.g. 乳山市教育和体育局. */
  name: string;
  /** The forms this jurisdiction writes in its lists; the first is preferred (市教体局). */
  forms: string[];
  kind: UnitKind;
  /** Set for a higher body present locally (威海市生态环境局乳山分局 → 威海市). */
  level?: string;
  formerly?: FormerName[];
}

export interface DepartmentList {
  jurisdiction: string;
  prefix: LevelPrefix;
  parent?: string;
  /** How the jurisdiction is named in 发文机关 and titles (乳山市, 乳山). */
  names: string[];
  /** Leading characters of its 机关代字 (乳 in 乳政发, 济兖 in 济兖政字). */
  docNumberPrefixes: string[];
  /** For a user's list: replace the bundled list of the same jurisdiction, or extend it. */
  mode?: 'replace' | 'extend';
  /**
   * Where the canonical order comes from: the order of `units` (`list`, the default: a list an office
   * keeps from its 机构改革方案), or the default government sequence (`sequence`: the bundled lists,
   * whose order is only that of the seed they were derived from, which is no source of order).
   */
  order?: 'list' | 'sequence';
  source?: string;
  /** In canonical order. */
  units: DepartmentUnit[];
}

/** One entry of the 2018 reform table: cores of old names → the core the successor starts with. */
export interface OutdatedEntry {
  old: string[];
  successor: string[];
}

export interface OutdatedTable {
  /** Last year the old names were in use. */
  until: number;
  outdated: OutdatedEntry[];
}

/** One office under the names it has in different places, with the usual short forms of each name. */
export interface AbbreviationFamily {
  /** Official core (after the level prefix) → the short forms offices write for it. */
  names: Record<string, string[]>;
  /** Forms written for the office that are neither a name nor a usual short form (市场监督局). */
  wrong?: string[];
}

export interface AbbreviationTable {
  families: AbbreviationFamily[];
}

/** One group of the default canonical order (党委部门, 政府部门, …); `ranks` in order, cores in one entry share a place. */
export interface SequenceGroup {
  kind: UnitKind;
  /** Groups whose order against this one is not judged (institutions against people's organisations). */
  unorderedWith?: UnitKind[];
  ranks: string[][];
}

export interface Sequence {
  groups: SequenceGroup[];
}
