/**
 * abbreviation-undefined — a short title such as 《科学素质纲要》 used before any
 * `（以下简称《科学素质纲要》）` defines it. A short title is known as one when the document defines it
 * somewhere (then every earlier use is premature), when the plan registry lists it, when another
 * workspace document defines it, or when it abridges a title the service knows: one the document
 * cites in full, a workspace document's or a registry entry's (knowledge/plans/short-titles.ts).
 */
import { t } from '../../l10n';
import type { Abbreviation, Citation, GongwenDocument } from '../../model/types';
import { normaliseTitle } from '../../knowledge/plans/titles';
import { fullTitlesOf, shortTitles } from '../../knowledge/plans/short-titles';
import type { Finding, Fix, Rule } from '../types';
import { locate } from '../format/joined';

const before = (a: { range: Abbreviation['range'] }, b: { range: Citation['range'] }) =>
  a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character < b.range.start.character);

/** Offer to define the short title right after the first citation of the full title it stands for. */
function defineFix(doc: GongwenDocument, short: string, fulls: readonly string[]): Fix[] {
  const first = doc.citations.find((c) => fulls.includes(normaliseTitle(c.title)));
  if (!first) return [];
  const at = first.docNumber ? first.docNumber.range.end : first.range.end;
  // After a 文号 the definition joins its parentheses: （国发〔2021〕9号，以下简称…）.
  const edit = first.docNumber ? { range: { start: at, end: at }, newText: `，以下简称《${short}》` } : { range: { start: at, end: at }, newText: `（以下简称《${short}》）` };
  return [{ title: t('在首次引用《{0}》处加“以下简称《{1}》”', first.title, short), edits: [edit] }];
}

/** `《机动车驾驶员培训管理规定》第二十条`: the start of a quoted article of another document. */
const PROVISION = /《[^《》]{2,60}》(?:第)?[一二三四五六七八九十百零〇]{1,6}条/;
/** How far before a definition the quoted article it belongs to may start. */
const PROVISION_REACH = 200;

function quotedProvision(doc: GongwenDocument, a: Abbreviation): boolean {
  const where = locate(doc, a.range);
  if (!where) return false;
  return PROVISION.test(where.block.text.slice(Math.max(0, where.index - PROVISION_REACH), where.index));
}

export const abbreviationUndefined: Rule = {
  id: 'abbreviation-undefined',
  description: '简称使用前须先以“以下简称”定义',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge, workspace }) {
    if (!doc.citations.length) return [];
    const known = shortTitles(doc, knowledge.plans, workspace);
    const fullsOf = new Map<string, string[]>();
    const out: Finding[] = [];
    for (const c of doc.citations) {
      const defs = doc.abbreviations.filter((a) => a.short === c.title);
      if (defs.some((a) => before(a, c))) continue;
      if (defs.length) {
        // A definition inside a quoted provision (`《…规定》第二十条 …（以下简称《培训记录》）`, a table of
        // the law's articles) is the quoted law's own: the document does not define it, nor must.
        if (defs.every((a) => quotedProvision(doc, a))) continue;
        out.push({ range: c.range, message: t('《{0}》在第 {1} 行才定义为简称，此处使用在定义之前。', c.title, defs[0].range.start.line + 1) });
        continue;
      }
      // The same short title is cited many times; what it abridges is worked out once.
      if (!fullsOf.has(c.title)) fullsOf.set(c.title, fullTitlesOf(c, known));
      const fulls = fullsOf.get(c.title)!;
      if (!fulls.length) continue;
      out.push({
        range: c.range,
        message: fulls.length === 1
          ? t('简称《{0}》（全称《{1}》）使用前没有“（以下简称《{0}》）”的定义。', c.title, fulls[0])
          : t('简称《{0}》使用前没有“（以下简称《{0}》）”的定义。', c.title),
        fixes: defineFix(doc, c.title, fulls),
      });
    }
    return out;
  },
};
