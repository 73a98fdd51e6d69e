/**
 * addressee-punctuation — the marks between the names of the 主送机关 (GB/T 9704-2012 §7.3.2 and the
 * practice of every office, GB/T 15834-2011 §4.5 for 顿号 and 逗号): 、 joins organs of one kind, ，
 * separates kinds. Only what is certain is reported: a `、` before a kind that is never of the same
 * kind as the names before it (the issuing government's own departments, `有关单位`), and a `；`
 * between kinds. The last mark (`：`) is notice-elements' finding.
 */
import { addresseeItems } from '../../model/addressee';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';

/**
 * Kinds that stand apart from the names before them: the departments of a government or of the
 * State Council (`市政府各部门`, `国务院各部委`), a party committee's departments, and the catch-all
 * `有关单位/部门`.
 */
const OWN_KIND = /^(?:(?:[省市县区州盟旗]|自治[区州县]|[市县区])?(?:人民)?政府(?:各|有关)|国务院(?:各|有关)|(?:[省市县区]委|党中央)(?:各|有关)|(?:各)?有关(?:单位|部门|企业)$|(?:各)?有关(?:部门|单位)和单位$|[省市县区]直各)/;
/** The name before it is a government or an office of one (a lower level, another kind). */
const GOVERNMENT = /(人民政府|政府|办事处|管委会|管理委员会)$/;

export const addresseePunctuation: Rule = {
  id: 'addressee-punctuation',
  description: '主送机关同类机关之间用顿号、不同类之间用逗号',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const addressee = doc.notice.主送机关;
    if (!addressee || addressee.range.start.line !== addressee.range.end.line) return [];
    const line = addressee.range.start.line;
    const base = addressee.range.start.character;
    const items = addresseeItems(addressee.text);
    const out: Finding[] = [];
    for (let k = 0; k + 1 < items.length; k++) {
      const { name, mark, at } = items[k];
      const next = items[k + 1].name;
      const markAt = base + at + name.length;
      const range = { start: { line, character: markAt }, end: { line, character: markAt + 1 } };
      const comma = [{ title: t('改为“{0}”', '，'), edits: [{ range, newText: '，' }], preferred: true }];
      const catchAll = /^(?:各)?有关/;
      if (mark === '、' && OWN_KIND.test(next) && (catchAll.test(next) ? !catchAll.test(name) : GOVERNMENT.test(name))) {
        out.push({ range, message: t('主送机关中“{0}”与“{1}”不是同一类机关，其间应使用逗号“，”，此处为顿号“、”。', name, next), fixes: comma });
      } else if (mark === '；') {
        out.push({ range, message: t('主送机关中不同类的机关之间应使用逗号“，”，此处为分号“；”。'), fixes: comma });
      }
    }
    return out;
  },
};
