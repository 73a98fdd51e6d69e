/**
 * unit-level — a unit whose level prefix is not the document's: a 县… unit in a 市 document, a
 * 市… unit in a county document, 威海市… in a 乳山 document. Real higher-level bodies present
 * locally (威海市生态环境局乳山分局, 威海机械工程高级技工学校) are in the list and pass.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { renameUnit } from './edits';
import { analyseUnits } from './analysis';

export const unitLevel: Rule = {
  id: 'unit-level',
  description: '责任单位的级别前缀与本文的级别不符',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { choice, units } = analyseUnits(doc, knowledge.departments, settings);
    if (!choice) return [];
    const out: Finding[] = [];
    for (const w of units) {
      const r = w.resolution;
      if (r?.status !== 'level') continue;
      out.push({
        range: w.unit.range,
        message: r.expected
          ? t('“{0}”的级别前缀“{1}”与本文（{2}，写“{3}”）不符，应为“{4}”。', w.unit.name, r.prefix, choice.list.jurisdiction, choice.list.prefix, r.expected)
          : t('“{0}”的级别前缀“{1}”与本文（{2}，写“{3}”）不符。', w.unit.name, r.prefix, choice.list.jurisdiction, choice.list.prefix),
        fixes: r.expected ? [{ title: t('改为“{0}”', r.expected), edits: [renameUnit(doc, w.unit, r.expected)] }] : [],
      });
    }
    return out;
  },
};
