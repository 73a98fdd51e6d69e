/**
 * Comparing titles, 文号 and metrics as drafters write them: PDF line breaks and spaces, `-` for
 * the 一字线 in year ranges (GB/T 15834 §4.8 wants `—`), half-width parentheses.
 */

/** Titles seen lately: rules compare every citation with every registered title, many times per keystroke. */
const normalised = new Map<string, string>();

/** A title or 文号 reduced to what identifies it. */
export function normaliseTitle(s: string): string {
  const known = normalised.get(s);
  if (known !== undefined) return known;
  const out = s
    .replace(/[《》\s]/g, '')
    .replace(/(\d)[-－–―~～](?=\d)/g, '$1—')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  if (normalised.size >= 5000) normalised.clear(); // bounded: a pasted corpus must not grow it forever
  normalised.set(s, out);
  return out;
}

export function normaliseDocNumber(s: string): string {
  return s.replace(/\s+/g, '').replace(/[[【(（]/g, '〔').replace(/[\]】)）]/g, '〕');
}

/**
 * The title without its kind of 纲要 (计划/规划) and its years: two titles with the same core are
 * meant to be the same document, so a difference in the rest is a citation error.
 */
export function titleCore(normalised: string): string {
  const known = cores.get(normalised);
  if (known !== undefined) return known;
  const out = normalised.replace(/(计划|规划)纲要/g, '纲要').replace(/（[\d—]{4,20}年）/g, '').replace(/“十[一二三四五六七八九]五”/g, '');
  if (cores.size >= 5000) cores.clear();
  cores.set(normalised, out);
  return out;
}
const cores = new Map<string, string>();

/**
 * `公民具备科学素质的比例`, `全县公民具备科学素质比率` and the 2020-era `基本科学素质` are one metric: the
 * place (全县, 本地 …) says where, not what, and 比率 is another word for 比例.
 */
export function metricKey(metric: string): string {
  return metric
    .replace(/\s+/g, '')
    .replace(/^(全市|全区|全县|全省|全国|全镇|我市|我区|我县|我省|本市|本区|本县|本省|本地区|本地|全)/, '')
    .replace(/的/g, '')
    .replace(/比率/g, '比例')
    .replace(/基本科学素质/g, '科学素质');
}

const FIVE_YEAR: Record<string, number> = { 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 };

/** The period a title names: `（2021—2025年）` or `“十四五”`. */
export function periodOfTitle(title: string): [number, number] | undefined {
  const n = normaliseTitle(title);
  const years = /(\d{4})—(?:\d{4}—)?(\d{4})年/.exec(n);
  if (years) return [Number(years[1]), Number(years[2])];
  const plan = /十[一二三四五]五/.exec(n);
  if (plan && FIVE_YEAR[plan[0]]) return [FIVE_YEAR[plan[0]], FIVE_YEAR[plan[0]] + 4];
  return undefined;
}
