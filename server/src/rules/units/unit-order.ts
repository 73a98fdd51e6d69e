/**
 * unit-order — a responsibility list follows the canonical order: party committee departments,
 * government departments in the government's own sequence, institutions, people's organisations.
 * The order comes from the jurisdiction's list when the list says its order is canonical (a list an
 * office keeps from its 机构改革方案), else from the default sequence (GUIDE; `sequence.json`) —
 * never from the order one document happens to use. A unit that neither gives a place (a school,
 * 各镇街道, a name from before the 2018 reform, an unknown name) is left alone. With
 * `gongwen.unitLeadFirst` the lead unit, and the lead units named by a 牵头 clause of the enclosing
 * section, may come first; the units after it keep the order.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { placesOf } from '../../knowledge/departments/resolve';
import { splitName } from '../../knowledge/departments/names';
import { sequencePlace, unitSequencePlace, type Place } from '../../knowledge/departments/sequence';
import { renameUnit } from './edits';
import { analyseUnits, type WrittenUnit } from './analysis';
import { checkOrder, mustPrecede } from './order';

export const unitOrder: Rule = {
  id: 'unit-order',
  description: '责任单位未按规范顺序排列',
  defaultSeverity: 'information',
  fixable: true,
  check({ doc, knowledge, settings }) {
    const { choice, byClause } = analyseUnits(doc, knowledge.departments, settings);
    const places = placesOf(knowledge.departments);
    const list = choice?.certain ? choice.list : undefined;
    const placeOf = (w: WrittenUnit): Place | undefined => {
      const r = w.resolution;
      if (list) {
        // Only a unit the list knows under its current name: the sequence is the post-2018 one.
        if (r?.status !== 'ok' && r?.status !== 'alias') return undefined;
        if (list.order !== 'sequence') return { rank: list.units.indexOf(r.unit) };
        return unitSequencePlace(r.unit, list, places);
      }
      // No list applies: the written name's core, when it carries a level prefix (市民政局, not 民政部).
      if (r?.status === 'outdated') return undefined;
      const parts = splitName(w.unit.name, places);
      return parts.prefix ? sequencePlace(parts.core) : undefined;
    };
    const where = list?.jurisdiction ?? '';
    const out: Finding[] = [];
    for (const written of byClause) {
      const { misplaced, sorted, position } = checkOrder(written, placeOf, settings.unitLeadFirst !== false, doc);
      if (misplaced.length === 0) continue;
      // The sorted names go into the slots of the first mentions; separators and line breaks (also inside a wrapped name) stay.
      const firsts = written.filter((w, i) => written.findIndex((o) => o.identity === w.identity) === i);
      const edits = firsts
        .filter((w, i) => sorted[i] !== w.unit.name)
        .map((w) => renameUnit(doc, w.unit, sorted[firsts.indexOf(w)]));
      for (const w of misplaced) {
        out.push({
          range: w.unit.range,
          message: placeMessage(w, firsts, misplaced, position, where),
          fixes: [{ title: t('按规范顺序排列本列表'), edits }],
        });
      }
    }
    return out;
  },
};

/** Where the unit belongs, said against a neighbour that stands on the wrong side of it. */
function placeMessage(w: WrittenUnit, written: WrittenUnit[], misplaced: WrittenUnit[], position: Map<WrittenUnit, Place>, jurisdiction: string): string {
  const p = position.get(w)!;
  const at = written.indexOf(w);
  const kept = written.filter((o, i) => i > 0 && !misplaced.includes(o) && position.has(o));
  const prev = [...kept].reverse().find((o) => mustPrecede(position.get(o)!, p));
  const next = kept.find((o) => mustPrecede(p, position.get(o)!));
  if (jurisdiction) {
    if (prev && written.indexOf(prev) > at) return t('“{0}”未按{1}责任单位的规范顺序排列，应排在“{2}”之后。', w.unit.name, jurisdiction, prev.unit.name);
    if (next && written.indexOf(next) < at) return t('“{0}”未按{1}责任单位的规范顺序排列，应排在“{2}”之前。', w.unit.name, jurisdiction, next.unit.name);
    return t('“{0}”未按{1}责任单位的规范顺序排列。', w.unit.name, jurisdiction);
  }
  if (prev && written.indexOf(prev) > at) return t('“{0}”未按责任单位的规范顺序排列，应排在“{1}”之后。', w.unit.name, prev.unit.name);
  if (next && written.indexOf(next) < at) return t('“{0}”未按责任单位的规范顺序排列，应排在“{1}”之前。', w.unit.name, next.unit.name);
  return t('“{0}”未按责任单位的规范顺序排列。', w.unit.name);
}
