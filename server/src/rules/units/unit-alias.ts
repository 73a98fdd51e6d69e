/**
 * unit-alias — a non-canonical form of a listed unit (县应急局 where 平阴县 writes 县应急管理局), or
 * two forms of one unit in one document (区市场监管局 and 区市场监督管理局 in seed 001): the form
 * used less often is flagged, with the document's majority form as the fix.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { renameUnit } from './edits';
import { analyseUnits, type WrittenUnit } from './analysis';

export const unitAlias: Rule = {
  id: 'unit-alias',
  description: '责任单位写法不规范或同一单位写法不一',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { choice, units } = analyseUnits(doc, knowledge.departments, settings);
    const out: Finding[] = [];
    const flagged = new Set<WrittenUnit>();
    if (choice?.certain) {
      for (const w of units) {
        if (w.resolution?.status !== 'alias') continue;
        flagged.add(w);
        const expected = w.resolution.expected;
        out.push({
          range: w.unit.range,
          message: t('“{0}”不是{1}的规范写法，应为“{2}”。', w.unit.name, choice.list.jurisdiction, expected),
          fixes: [{ title: t('改为“{0}”', expected), edits: [renameUnit(doc, w.unit, expected)], preferred: true }],
        });
      }
    }
    // Two accepted forms of one unit in one document: keep the one written more often (the first on a tie).
    const byIdentity = new Map<unknown, WrittenUnit[]>();
    for (const w of units) {
      if (flagged.has(w) || (w.resolution && w.resolution.status !== 'ok' && w.resolution.status !== 'alias')) continue;
      const group = byIdentity.get(w.identity) ?? [];
      group.push(w);
      byIdentity.set(w.identity, group);
    }
    for (const group of byIdentity.values()) {
      const counts = new Map<string, number>();
      for (const w of group) counts.set(w.unit.name, (counts.get(w.unit.name) ?? 0) + 1);
      if (counts.size < 2) continue;
      const major = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      for (const w of group) {
        if (w.unit.name === major) continue;
        out.push({
          range: w.unit.range,
          message: t('同一单位在本文中写作“{0}”（{1} 处）和“{2}”（{3} 处），应统一为“{0}”。', major, counts.get(major) ?? 0, w.unit.name, counts.get(w.unit.name) ?? 0),
          fixes: [{ title: t('改为“{0}”', major), edits: [renameUnit(doc, w.unit, major)], preferred: true }],
        });
      }
    }
    return out;
  },
};
