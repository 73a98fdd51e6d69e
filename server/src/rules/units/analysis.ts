/**
 * What the unit rules share: the list that applies to the document and what each written unit
 * is against it. Computed once per document, knowledge and jurisdiction setting.
 */
import type { GongwenDocument, ResponsibilityList, Unit } from '../../model/types';
import type { DepartmentKnowledge, DepartmentUnit } from '../../knowledge/departments';
import { chooseList, documentYear, type ListChoice } from '../../knowledge/departments/jurisdiction';
import { outdatedCore, placesOf, resolveUnit, type Resolution } from '../../knowledge/departments/resolve';
import { coreKey, splitName } from '../../knowledge/departments/names';
import type { GongwenSettings } from '../../settings';
import { documentMemo } from '../../model/memo';

export interface WrittenUnit {
  clause: ResponsibilityList;
  unit: Unit;
  /** What the name is against the list; without a list only an outdated name is recognised. */
  resolution?: Resolution;
  /** Identity of the unit named: the listed unit, else the level prefix with the core's key. */
  identity: DepartmentUnit | string;
}

export interface UnitAnalysis {
  choice?: ListChoice;
  year?: number;
  units: WrittenUnit[];
  /** `units` by clause, in the document's order (the order and duplicate rules judge one list at a time). */
  byClause: WrittenUnit[][];
}

/** This module's key in the document's memo (model/memo.ts says why not a WeakMap). */
const ANALYSIS = Symbol('unit analysis');

interface Remembered {
  knowledge: DepartmentKnowledge;
  setting: string;
  analysis: UnitAnalysis;
}

export function analyseUnits(doc: GongwenDocument, knowledge: DepartmentKnowledge, settings: GongwenSettings): UnitAnalysis {
  const memo = documentMemo(doc);
  const hit = memo.get(ANALYSIS) as Remembered | undefined;
  if (hit && hit.knowledge === knowledge && hit.setting === settings.jurisdiction) return hit.analysis;
  const choice = chooseList(doc, knowledge, settings.jurisdiction);
  const places = placesOf(knowledge);
  const units: WrittenUnit[] = [];
  const byClause: WrittenUnit[][] = [];
  for (const clause of doc.responsibilities) {
    const group: WrittenUnit[] = [];
    for (const unit of clause.units) {
      const parts = splitName(unit.name, places);
      let resolution: Resolution | undefined;
      if (choice) resolution = resolveUnit(unit.name, choice.list, knowledge);
      else if (parts.prefix && outdatedCore(parts.core, knowledge)) resolution = { status: 'outdated', until: knowledge.outdated.until };
      const listed = resolution?.status === 'ok' || resolution?.status === 'alias' ? resolution.unit : resolution?.status === 'outdated' ? resolution.successor : undefined;
      const written: WrittenUnit = { clause, unit, resolution, identity: listed ?? `${parts.prefix}\u0000${coreKey(parts.core)}` };
      units.push(written);
      group.push(written);
    }
    if (group.length) byClause.push(group);
  }
  const analysis: UnitAnalysis = { choice, year: documentYear(doc), units, byClause };
  memo.set(ANALYSIS, { knowledge, setting: settings.jurisdiction, analysis } satisfies Remembered);
  return analysis;
}
