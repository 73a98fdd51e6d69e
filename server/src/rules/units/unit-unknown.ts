/**
 * unit-unknown — a responsible unit that the jurisdiction's list does not know (a typo such as
 * 市海事发展局, or a body that does not exist there). Suggests the closest listed names.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { renameUnit } from './edits';
import { analyseUnits } from './analysis';

export const unitUnknown: Rule = {
  id: 'unit-unknown',
  description: '责任单位不在本地责任单位名录中',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { choice, units } = analyseUnits(doc, knowledge.departments, settings);
    // Only against a list known to apply; a list guessed from the 市/县/区 prefix alone would mislead.
    if (!choice?.certain) return [];
    const out: Finding[] = [];
    for (const w of units) {
      if (w.resolution?.status !== 'unknown') continue;
      const suggestions = w.resolution.suggestions;
      out.push({
        range: w.unit.range,
        message: suggestions.length
          ? t('“{0}”不在{1}责任单位名录中；相近的名称：{2}。', w.unit.name, choice.list.jurisdiction, suggestions.join('、'))
          : t('“{0}”不在{1}责任单位名录中。', w.unit.name, choice.list.jurisdiction),
        fixes: suggestions.map((s) => ({ title: t('改为“{0}”', s), edits: [renameUnit(doc, w.unit, s)] })),
      });
    }
    return out;
  },
};
