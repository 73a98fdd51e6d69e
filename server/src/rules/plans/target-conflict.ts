/**
 * target-conflict — one metric and year stated with two different values (or comparators) in one
 * document: after an edit in one place the other is left behind, and readers cannot tell which holds.
 */
import { t } from '../../l10n';
import type { Target } from '../../model/types';
import { metricKey } from '../../knowledge/plans/titles';
import type { Finding, Rule } from '../types';

export const targetConflict: Rule = {
  id: 'target-conflict',
  description: '同一指标、同一年份的目标在文中只有一个值',
  defaultSeverity: 'error',
  fixable: false,
  check({ doc }) {
    const first = new Map<string, Target>();
    const out: Finding[] = [];
    for (const target of doc.targets) {
      if (target.year === undefined) continue;
      const key = `${metricKey(target.metric)}|${target.year}|${target.unit}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, target);
        continue;
      }
      if (earlier.value === target.value && earlier.comparator === target.comparator) continue;
      out.push({
        range: target.range,
        message: t('{0}年“{1}”此处为{2}{3}{4}，与第 {5} 行的{6}{7}{8}不一致。', target.year, target.metric, target.comparatorText, target.value, target.unit,
          earlier.range.start.line + 1, earlier.comparatorText, earlier.value, earlier.unit),
      });
    }
    return out;
  },
};
