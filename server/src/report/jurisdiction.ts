/**
 * Whose plan a document is: the division named by its issuer (发文机关署名 or 标志), else by its
 * title (山东省全民科学素质…, 关于印发平阴县…的通知), checked against the 文号's 代字 (乳政发 → 乳山,
 * 济兖政字 → 济宁 兖州, 鲁政发 → 山东). Pure.
 */
import type { GongwenDocument } from '../model/types';
import { documentTitle } from '../knowledge/plans/documents';
import { ancestors, PROVINCE_ABBREVIATIONS, type Division, type DivisionIndex } from './divisions';

export interface Jurisdiction {
  division: Division;
  /** Where it was read: the issuer, the title, or the 文号 alone. */
  via: 'issuer' | 'title' | 'docNumber';
  /** The 文号's 代字 agrees with it (its first characters are those of the place or of a place above it). */
  docNumberAgrees: boolean;
}

const MAX_NAME = 12;

/**
 * Every division whose full name occurs in `text`, the longest name at each place. A two-character
 * name (莒县, 城区, 郊区) counts only at the start or right after another name (日照市莒县): elsewhere it
 * is as likely an ordinary word.
 */
function namesIn(text: string, index: DivisionIndex): Division[] {
  const found: Division[] = [];
  let lastEnd = 0;
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.min(MAX_NAME, text.length - i); len >= 2; len--) {
      if (len === 2 && i !== lastEnd) break;
      const hits = index.byName.get(text.slice(i, i + len));
      if (hits) {
        found.push(...hits);
        i += len - 1;
        lastEnd = i + 1;
        break;
      }
    }
  }
  return found;
}

/** The place part of a 代字 (乳政发 → 乳, 济兖政字 → 济兖, 威科字 → 威). */
function agencyPlace(agency: string): string {
  const m = /^(.{1,4}?)(?:政|办|委|府|科|教|发|字|函|人|财|农|卫)/.exec(agency);
  return m ? m[1] : '';
}

/** True when the 代字's place is made of the starts of the names of the division and those above it, outermost first. */
export function agencyAgrees(agency: string | undefined, division: Division, index: DivisionIndex): boolean {
  if (!agency) return false;
  const place = agencyPlace(agency.replace(/\s+/g, ''));
  if (!place) return false;
  const chain = [...ancestors(index, division.code).reverse(), division];
  const abbreviation = PROVINCE_ABBREVIATIONS[division.code.slice(0, 2)];
  // 济兖: 济(宁) then 兖(州); 乳: 乳(山); 枣市中: 枣(庄) then 市中(区); 鲁: the province's 简称.
  let at = 0;
  for (const d of chain) {
    let k = 0;
    while (at + k < place.length && d.name.startsWith(place.slice(at, at + k + 1))) k++;
    if (k === 0 && d.level === 'province' && abbreviation === place[at]) k = 1;
    at += k;
  }
  return at === place.length && (place.length > 1 || chain[chain.length - 1].name.startsWith(place) || (division.level === 'province' && abbreviation === place));
}

/** The most local division named, preferring one whose parent is named too (济宁市兖州区), then one the 代字 agrees with. */
function best(found: Division[], agency: string | undefined, index: DivisionIndex): Division | undefined {
  if (!found.length) return undefined;
  const codes = new Set(found.map((d) => d.code));
  const rank = { province: 0, city: 1, county: 2 };
  const score = (d: Division) =>
    rank[d.level] * 10 + (d.parent && codes.has(d.parent) ? 5 : 0) + (ancestors(index, d.code).some((a) => codes.has(a.code)) ? 2 : 0) + (agencyAgrees(agency, d, index) ? 3 : 0);
  return [...found].sort((a, b) => score(b) - score(a) || (a.code < b.code ? -1 : 1))[0];
}

export function findJurisdiction(doc: GongwenDocument, index: DivisionIndex): Jurisdiction | undefined {
  const agency = doc.notice.发文字号?.agency;
  const compact = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
  const issuer = compact([doc.notice.发文机关署名?.text, doc.notice.发文机关标志?.text].filter(Boolean).join(' '));
  const title = compact(`${doc.notice.标题?.text ?? ''} ${documentTitle(doc) ?? ''}`);
  for (const [via, text] of [['issuer', issuer], ['title', title]] as const) {
    // 全省, 全市 … are not places; only full names (山东省, 威海市) are looked up.
    const division = best(namesIn(text, index), agency, index);
    if (division) return { division, via, docNumberAgrees: agencyAgrees(agency, division, index) };
  }
  // Only a 文号: a province's 简称 (鲁政发) is unambiguous; a city's or county's first character is not.
  const place = agency ? agencyPlace(agency.replace(/\s+/g, '')) : '';
  if (place.length === 1) {
    const code = Object.entries(PROVINCE_ABBREVIATIONS).find(([, a]) => a === place)?.[0];
    const province = code ? index.byCode.get(`${code}0000`) : undefined;
    if (province) return { division: province, via: 'docNumber', docNumberAgrees: true };
  }
  return undefined;
}
