/**
 * abbreviation-conflict — one document defines its own short forms once: the same full title given
 * two different short forms (`《…纲要》（以下简称《纲要》）` … `（以下简称《科学素质纲要》）`), or one short
 * form given to two different titles, leaves the reader unsure which is meant (drafting practice of
 * 公文: a 简称 is defined at first use and kept; 《党政机关公文处理工作条例》 art. 19 asks for exact wording).
 * Judged within one document of the file (the notice and the plan it issues each have their own).
 * Two wordings of one term that are both legitimate (科学素质/科学素养) are not this rule's business:
 * only the document's own definitions are compared.
 */
import { t } from '../../l10n';
import type { Abbreviation, DocumentPart, GongwenDocument } from '../../model/types';
import { normaliseTitle } from '../format/title-mismatch';
import type { Finding, Rule } from '../types';

const lineOf = (a: Abbreviation) => a.range.start.line;

function partOf(doc: GongwenDocument, a: Abbreviation): DocumentPart | undefined {
  const line = lineOf(a);
  return doc.parts.find((p) => p.range.start.line <= line && line <= p.range.end.line);
}

export const abbreviationConflict: Rule = {
  id: 'abbreviation-conflict',
  description: '同一文件中同一名称只定义一个简称',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc }) {
    const out: Finding[] = [];
    const groups = new Map<DocumentPart | undefined, Abbreviation[]>();
    for (const a of doc.abbreviations) {
      if (!a.full) continue;
      const p = partOf(doc, a);
      groups.set(p, [...(groups.get(p) ?? []), a]);
    }
    for (const defs of groups.values()) {
      const shortOf = new Map<string, Abbreviation>();
      const fullOf = new Map<string, Abbreviation>();
      for (const a of defs) {
        const full = normaliseTitle(a.full!);
        const short = normaliseTitle(a.short);
        const first = shortOf.get(full);
        if (first && normaliseTitle(first.short) !== short) {
          out.push({ range: a.range, message: t('《{0}》在第 {1} 行已简称为“{2}”，此处又简称为“{3}”，同一文件中简称应统一。', a.full!, lineOf(first) + 1, first.short, a.short) });
        } else if (!first) shortOf.set(full, a);
        const other = fullOf.get(short);
        if (other && normaliseTitle(other.full!) !== full) {
          out.push({ range: a.range, message: t('简称“{0}”在第 {1} 行已用于《{2}》，此处又用于《{3}》。', a.short, lineOf(other) + 1, other.full!, a.full!) });
        } else if (!other) fullOf.set(short, a);
      }
    }
    return out;
  },
};
