/**
 * Which department list applies to a document: the setting (`gongwen.jurisdiction`, or
 * `jurisdiction` in gongwen.json), else inferred from the document — the issuing organ
 * (发文机关), the 文号 (乳政发 → 乳山市, 济兖政字 → 兖州区), or the 市/县/区 prefix of its units.
 */
import type { GongwenDocument } from '../../model/types';
import type { DepartmentKnowledge } from '../departments';
import { t } from '../../l10n';
import type { DepartmentList } from './types';
import { placesOf } from './resolve';
import { splitName } from './names';
import { perDocument } from '../../model/memo';

export interface ListChoice {
  list: DepartmentList;
  /** Chinese: how the list was chosen (shown in the hover). */
  reason: string;
  /**
   * False when only the units' level prefix suggested it: then the list helps completion and
   * hover, but membership checks (unknown, alias, order) stay silent rather than guess.
   */
  certain: boolean;
}

/** This module's key in the document's memo (model/memo.ts): the choice per setting and lists. */
const CHOICES = Symbol('list choices');

function byName(knowledge: DepartmentKnowledge, name: string): DepartmentList | undefined {
  const n = name.trim();
  return knowledge.lists.find((l) => l.jurisdiction === n || (l.names ?? []).includes(n));
}

export function chooseList(doc: GongwenDocument, knowledge: DepartmentKnowledge, setting: string | undefined): ListChoice | undefined {
  setting = setting ?? ''; // settings from an older client may lack the key
  const perDoc = perDocument(doc, CHOICES, () => new Map<string, ListChoice | undefined>());
  const key = `${setting}\u0000${knowledge.lists.map((l) => l.jurisdiction).join()}`;
  if (perDoc.has(key)) return perDoc.get(key);
  const choice = infer(doc, knowledge, setting);
  perDoc.set(key, choice);
  return choice;
}

function infer(doc: GongwenDocument, knowledge: DepartmentKnowledge, setting: string): ListChoice | undefined {
  if (setting.trim()) {
    const list = byName(knowledge, setting);
    if (list) return { list, reason: t('按设置“{0}”', setting.trim()), certain: true };
  }
  const issuer = [doc.notice.发文机关署名?.text, doc.notice.发文机关标志?.text].filter(Boolean).join(' ');
  if (issuer) {
    const hits = knowledge.lists.filter((l) => [l.jurisdiction, ...(l.names ?? [])].some((n) => issuer.replace(/\s+/g, '').includes(n)));
    // A county's organ is often written with its city (济宁市兖州区): the most local list wins.
    const local = hits.filter((l) => !hits.some((o) => o !== l && o.parent === l.jurisdiction));
    if (local.length >= 1) return { list: local[0], reason: t('据发文机关“{0}”推断', local[0].jurisdiction), certain: true };
  }
  const agency = doc.notice.发文字号?.agency.replace(/\s+/g, '');
  if (agency) {
    const hits = knowledge.lists
      .flatMap((l) => (l.docNumberPrefixes ?? []).filter((p) => agency.startsWith(p)).map((p) => ({ l, p })))
      .sort((a, b) => b.p.length - a.p.length);
    if (hits.length) return { list: hits[0].l, reason: t('据发文字号“{0}”推断', agency), certain: true };
  }
  const prefix = dominantPrefix(doc, knowledge);
  if (prefix) {
    const lists = knowledge.lists.filter((l) => l.prefix === prefix);
    if (lists.length === 1) return { list: lists[0], reason: t('据责任单位的“{0}”字前缀推断', prefix), certain: false };
  }
  return undefined;
}

/** The 市/县/区 prefix most units of the document carry. */
function dominantPrefix(doc: GongwenDocument, knowledge: DepartmentKnowledge): string | undefined {
  const places = placesOf(knowledge);
  const counts = new Map<string, number>();
  for (const r of doc.responsibilities) {
    for (const u of r.units) {
      const p = splitName(u.name, places).prefix;
      if (p === '市' || p === '县' || p === '区') counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best?.[0];
}

/** The year the document was written: 成文日期, else the 文号 year, else the 印发 date. */
export function documentYear(doc: GongwenDocument): number | undefined {
  const y = doc.notice.成文日期?.year ?? doc.notice.发文字号?.year ?? doc.notice.印发?.date?.year;
  const n = y ? Number(y.replace(/\s+/g, '')) : NaN;
  return Number.isFinite(n) && n >= 1949 ? n : undefined;
}
