/**
 * Parts of a unit name: the level prefix (市/县/区/省, a place name, or the 市 of 团市委) and the
 * core after it, and a key that makes the forms of one unit equal (市场监管局 = 市场监督管理局).
 */

export interface NameParts {
  /** '市' | '县' | '区' | '省', a place name (威海市), or '' when the name has none (山东理工大学). */
  prefix: string;
  core: string;
}

/** Split a written unit name. `places`: place names known to the knowledge, longest first. */
export function splitName(name: string, places: readonly string[]): NameParts {
  const n = name.replace(/^中共/, '');
  const league = /^(?:共青)?团(市|县|区)委(.*)$/.exec(n);
  if (league) return { prefix: league[1], core: `团委${league[2]}` };
  for (const place of places) {
    if (n.startsWith(place) && n.length > place.length) return { prefix: place, core: n.slice(place.length) };
  }
  // 市场监管局 without a prefix is not 市 + 场监管局.
  if (/^(市|县|区|省)/.test(n) && !n.startsWith('市场')) return { prefix: n[0], core: n.slice(1) };
  return { prefix: '', core: n };
}

/**
 * Forms of one core that name the same unit. The first entry of each group is the key. The
 * jurisdiction's list decides which form is canonical; this only says they are one unit.
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['教育和体育局', '教体局', '教育体育局'],
  ['科学技术局', '科技局'],
  ['发展和改革局', '发展改革局', '发改局'],
  ['发展和改革委员会', '发展改革委', '发改委'],
  ['工业和信息化局', '工信局', '工业信息化局'],
  ['人力资源和社会保障局', '人力资源社会保障局', '人社局'],
  ['自然资源和规划局', '自然资源规划局'],
  ['住房和城乡建设局', '住房城乡建设局', '住建局'],
  ['交通运输局', '交通局'],
  ['农业农村局', '农业农村委'],
  ['文化和旅游局', '文旅局', '文化旅游局'],
  ['卫生健康委员会', '卫生健康委', '卫健委'],
  ['卫生健康局', '卫健局'],
  ['应急管理局', '应急局'],
  ['市场监督管理局', '市场监管局'],
  ['妇女联合会', '妇联'],
  ['科学技术协会', '科协'],
  ['社会科学界联合会', '社科联'],
  ['委网络安全和信息化委员会办公室', '委网信办'],
];

const KEY = new Map<string, string>();
for (const group of SYNONYMS) for (const form of group) KEY.set(form, group[0]);

/** The key of a core: equal for all forms of one unit. */
export function coreKey(core: string): string {
  return KEY.get(core) ?? core;
}

/** Edit distance (Levenshtein) for suggesting the closest names; names are short. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}
