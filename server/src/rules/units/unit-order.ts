/**
 * unit-order — a responsibility list follows the jurisdiction's canonical order: party committee
 * departments, government departments in the government's own sequence, other bodies, mass
 * organisations (as each bundled list records it). With `gongwen.unitLeadFirst` the first-named
 * lead unit, and the lead units named by a 牵头 clause of the enclosing section, may come first.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { renameUnit } from './edits';
import { analyseUnits, type WrittenUnit } from './analysis';
import { checkOrder } from './order';

export const unitOrder: Rule = {
  id: 'unit-order',
  description: '责任单位未按规范顺序排列',
  defaultSeverity: 'information',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { choice, units } = analyseUnits(doc, knowledge.departments, settings);
    if (!choice?.certain) return [];
    const out: Finding[] = [];
    const byClause = new Map<unknown, WrittenUnit[]>();
    for (const w of units) byClause.set(w.clause, [...(byClause.get(w.clause) ?? []), w]);
    for (const written of byClause.values()) {
      const { misplaced, sorted, position } = checkOrder(written, choice.list, settings.unitLeadFirst !== false, doc.responsibilities);
      if (misplaced.length === 0) continue;
      // The sorted names go into the slots of the first mentions; separators and line breaks (also inside a wrapped name) stay.
      const firsts = written.filter((w, i) => written.findIndex((o) => o.identity === w.identity) === i);
      const edits = firsts
        .filter((w, i) => sorted[i] !== w.unit.name)
        .map((w) => renameUnit(doc, w.unit, sorted[firsts.indexOf(w)]));
      for (const w of misplaced) {
        out.push({
          range: w.unit.range,
          message: placeMessage(w, firsts, misplaced, position, choice.list.jurisdiction),
          fixes: [{ title: t('按规范顺序排列本列表'), edits }],
        });
      }
    }
    return out;
  },
};

/** Where the unit belongs, said against a neighbour that stands on the wrong side of it. */
function placeMessage(w: WrittenUnit, written: WrittenUnit[], misplaced: WrittenUnit[], position: Map<WrittenUnit, number>, jurisdiction: string): string {
  const p = position.get(w) ?? 0;
  const at = written.indexOf(w);
  const kept = written.filter((o, i) => i > 0 && !misplaced.includes(o) && (position.get(o) ?? -1) >= 0);
  const prev = [...kept].reverse().find((o) => (position.get(o) ?? 0) < p);
  const next = kept.find((o) => (position.get(o) ?? 0) > p);
  if (prev && written.indexOf(prev) > at) return t('“{0}”未按{1}责任单位的规范顺序排列，应排在“{2}”之后。', w.unit.name, jurisdiction, prev.unit.name);
  if (next && written.indexOf(next) < at) return t('“{0}”未按{1}责任单位的规范顺序排列，应排在“{2}”之前。', w.unit.name, jurisdiction, next.unit.name);
  return t('“{0}”未按{1}责任单位的规范顺序排列。', w.unit.name, jurisdiction);
}
