/**
 * target-year — a target year outside the plan's period, read from its title: `（2021—2025年）`
 * or `“十四五”` (2021—2025). A plan cannot commit to a year it does not cover.
 */
import { t } from '../../l10n';
import { documentPeriod } from '../../knowledge/plans/documents';
import type { Finding, Rule } from '../types';

export const targetYear: Rule = {
  id: 'target-year',
  description: '目标年份在方案规划期内',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc }) {
    const period = documentPeriod(doc);
    if (!period) return [];
    const out: Finding[] = [];
    for (const target of doc.targets) {
      if (target.year === undefined || (target.year >= period[0] && target.year <= period[1])) continue;
      out.push({ range: target.range, message: t('目标年份 {0} 年不在方案规划期 {1}—{2} 年内。', target.year, period[0], period[1]) });
    }
    return out;
  },
};
