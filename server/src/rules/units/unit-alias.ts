/**
 * unit-alias — one unit written in two forms in one document (区市场监管局 and 区市场监督管理局 in
 * seed 001: the form used less often is flagged, with the document's majority form as the fix), or a
 * wrong name for a known unit: a form that is neither the unit's name, a form its jurisdiction
 * writes, nor a usual short form of its name (市自然资源和规划局 where 乳山's unit is 市自然资源局;
 * 市市场监督局). A usual short form used throughout a document is how offices write and is not
 * flagged (县应急局 beside 县教体局 in seed 004; the short forms are data in
 * `seeds/departments/abbreviations.json`). Outdated names are unit-outdated's.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { familyName, isWrongCore, splitName } from '../../knowledge/departments/names';
import { placesOf } from '../../knowledge/departments/resolve';
import { renameUnit } from './edits';
import { analyseUnits, type WrittenUnit } from './analysis';

export const unitAlias: Rule = {
  id: 'unit-alias',
  description: '责任单位名称有误或同一单位写法不一',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { choice, units } = analyseUnits(doc, knowledge.departments, settings);
    const places = placesOf(knowledge.departments);
    const certain = choice?.certain === true;
    // Against a list known to apply, its forms and the usual short forms of its names; else only the wrong forms the data records.
    const isWrong = (w: WrittenUnit): boolean => {
      const r = w.resolution;
      if (certain) return r?.status === 'alias' && !r.accepted;
      return r?.status !== 'outdated' && isWrongCore(splitName(w.unit.name, places).core);
    };
    // The forms of each unit the document writes, wrong ones aside; an outdated, unknown or wrong-level name is another rule's.
    const byIdentity = new Map<unknown, WrittenUnit[]>();
    const wrong: WrittenUnit[] = [];
    for (const w of units) {
      if (isWrong(w)) {
        wrong.push(w);
        continue;
      }
      const status = w.resolution?.status;
      if (status === 'outdated' || (certain && status !== 'ok' && status !== 'alias')) continue;
      const group = byIdentity.get(w.identity) ?? [];
      group.push(w);
      byIdentity.set(w.identity, group);
    }
    const majority = (group: WrittenUnit[] | undefined): [string, Map<string, number>] | undefined => {
      if (!group?.length) return undefined;
      const counts = new Map<string, number>();
      for (const w of group) counts.set(w.unit.name, (counts.get(w.unit.name) ?? 0) + 1);
      // The form written more often; the first written on a tie.
      return [[...counts].sort((a, b) => b[1] - a[1])[0][0], counts];
    };
    const out: Finding[] = [];
    for (const w of wrong) {
      const r = w.resolution;
      const parts = splitName(w.unit.name, places);
      const family = familyName(parts.core);
      // The document's own form of the unit first, so the fix does not start a mix of forms.
      const expected = majority(byIdentity.get(w.identity))?.[0] ?? (r?.status === 'alias' ? r.expected : family ? `${parts.prefix}${family}` : undefined);
      if (!expected) continue;
      out.push({
        range: w.unit.range,
        message: certain && choice ? t('“{0}”不是{1}的规范写法，应为“{2}”。', w.unit.name, choice.list.jurisdiction, expected) : t('“{0}”不是规范写法，应为“{1}”。', w.unit.name, expected),
        fixes: [{ title: t('改为“{0}”', expected), edits: [renameUnit(doc, w.unit, expected)], preferred: true }],
      });
    }
    for (const group of byIdentity.values()) {
      const [major, counts] = majority(group)!;
      if (counts.size < 2) continue;
      for (const w of group) {
        if (w.unit.name === major) continue;
        out.push({
          range: w.unit.range,
          message: t('同一单位在本文中写作“{0}”（{1} 处）和“{2}”（{3} 处），应统一为“{0}”。', major, counts.get(major) ?? 0, w.unit.name, counts.get(w.unit.name) ?? 0),
          fixes: [{ title: t('改为“{0}”', major), edits: [renameUnit(doc, w.unit, major)], preferred: true }],
        });
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
