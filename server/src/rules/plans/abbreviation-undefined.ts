/**
 * abbreviation-undefined — a short title such as 《科学素质纲要》 used before any
 * `（以下简称《科学素质纲要》）` defines it. A short title is known as one when the document defines
 * it somewhere (then every earlier use is premature) or when the plan registry lists it.
 */
import { t } from '../../l10n';
import type { Abbreviation, Citation, GongwenDocument } from '../../model/types';
import type { PlanEntry } from '../../knowledge/plans';
import { normaliseTitle } from '../../knowledge/plans/titles';
import type { Finding, Fix, Rule } from '../types';

const before = (a: { range: Abbreviation['range'] }, b: { range: Citation['range'] }) =>
  a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character < b.range.start.character);

/** Offer to define the short title right after the first citation of the full title it stands for. */
function defineFix(doc: GongwenDocument, short: string, entries: readonly PlanEntry[]): Fix[] {
  const full = entries.filter((e) => e.shortTitles?.includes(short)).map((e) => normaliseTitle(e.title));
  const first = doc.citations.find((c) => full.includes(normaliseTitle(c.title)));
  if (!first) return [];
  const at = first.docNumber ? first.docNumber.range.end : first.range.end;
  // After a 文号 the definition joins its parentheses: （国发〔2021〕9号，以下简称…）.
  const edit = first.docNumber ? { range: { start: at, end: at }, newText: `，以下简称《${short}》` } : { range: { start: at, end: at }, newText: `（以下简称《${short}》）` };
  return [{ title: t('在首次引用《{0}》处加“以下简称《{1}》”', first.title, short), edits: [edit] }];
}

export const abbreviationUndefined: Rule = {
  id: 'abbreviation-undefined',
  description: '简称使用前须先以“以下简称”定义',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge }) {
    const registryShort = new Set(knowledge.plans.entries.flatMap((e) => e.shortTitles ?? []));
    const out: Finding[] = [];
    for (const c of doc.citations) {
      const defs = doc.abbreviations.filter((a) => a.short === c.title);
      if (defs.some((a) => before(a, c))) continue;
      if (defs.length) {
        out.push({ range: c.range, message: t('《{0}》在第 {1} 行才定义为简称，此处使用在定义之前。', c.title, defs[0].range.start.line + 1) });
      } else if (registryShort.has(c.title)) {
        out.push({
          range: c.range,
          message: t('简称《{0}》使用前没有“（以下简称《{0}》）”的定义。', c.title),
          fixes: defineFix(doc, c.title, knowledge.plans.entries),
        });
      }
    }
    return out;
  },
};
