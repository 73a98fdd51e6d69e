/**
 * unit-outdated — a name replaced in the 2018 institutional reform (市卫生计生委 → 市卫生健康委,
 * 市环保局 → 市生态环境局 …). A document written before the reform used the names of its time, so
 * only a document dated after the last year of the old name (成文日期, else the 文号 year) is
 * flagged; one without any date is flagged too, since a new draft has no date yet.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { renameUnit } from './edits';
import { analyseUnits } from './analysis';

export const unitOutdated: Rule = {
  id: 'unit-outdated',
  description: '责任单位使用 2018 年机构改革前的旧名称',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { units, year } = analyseUnits(doc, knowledge.departments, settings);
    const out: Finding[] = [];
    for (const w of units) {
      const r = w.resolution;
      if (r?.status !== 'outdated') continue;
      if (year !== undefined && year <= r.until) continue;
      const successor = r.successor?.forms[0];
      out.push({
        range: w.unit.range,
        message: successor
          ? t('“{0}”是 {1} 年机构改革前的名称，现为“{2}”。', w.unit.name, r.until, successor)
          : t('“{0}”是 {1} 年机构改革前的名称，请改用改革后的名称。', w.unit.name, r.until),
        fixes: successor ? [{ title: t('改为“{0}”', successor), edits: [renameUnit(doc, w.unit, successor)], preferred: true }] : [],
      });
    }
    return out;
  },
};
