/** unit-duplicate — one unit named twice in one responsibility list (also as two forms of it). */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { deleteAfter } from './edits';
import { analyseUnits, type WrittenUnit } from './analysis';

export const unitDuplicate: Rule = {
  id: 'unit-duplicate',
  description: '同一责任单位在一个列表中重复出现',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { byClause } = analyseUnits(doc, knowledge.departments, settings);
    const out: Finding[] = [];
    for (const list of byClause) {
      const seen = new Map<unknown, WrittenUnit>();
      list.forEach((w, i) => {
        const first = seen.get(w.identity);
        if (!first) {
          seen.set(w.identity, w);
          return;
        }
        // Remove the name with the separator before it; the line breaks (and a page-number line) between stay.
        const edit = deleteAfter(doc, list[i - 1].unit, w.unit);
        out.push({
          // The finding is the redundant text: the separator and the name, what the certain fix deletes.
          range: { start: edit.range.start, end: w.unit.range.end },
          message: t('“{0}”在本列表中重复（前面已有“{1}”）。', w.unit.name, first.unit.name),
          fixes: [{ title: t('删除重复的“{0}”', w.unit.name), edits: [edit], preferred: true }],
        });
      });
    }
    return out;
  },
};
