/**
 * The default canonical order of responsibility lists (GUIDE: the government sequence), from
 * `seeds/departments/sequence.json`: party committee departments, government departments in the
 * State Council order as local 机构改革方案 mirror it, institutions, people's organisations. A
 * name not in it has no place, and the order rule says nothing about it.
 */
import sequenceData from '../../../../seeds/departments/sequence.json';
import type { DepartmentList, DepartmentUnit, Sequence, SequenceGroup, UnitKind } from './types';
import { coreKey, splitName } from './names';
import { isOwnPrefix } from './resolve';

/** A unit's place in a canonical order. `group` is set for the default sequence, absent for a list's own order. */
export interface Place {
  rank: number;
  group?: SequenceGroup;
}

const SEQUENCE = sequenceData as unknown as Sequence;
const PLACES = new Map<string, Place>();
{
  let rank = 0;
  for (const group of SEQUENCE.groups) {
    for (const entry of group.ranks) {
      for (const core of entry) PLACES.set(coreKey(core), { rank, group });
      rank++;
    }
  }
}

/** The place of a core (the name after the level prefix) in the default sequence. */
export function sequencePlace(core: string): Place | undefined {
  const hit = PLACES.get(coreKey(core));
  if (hit) return hit;
  // A branch of a higher bureau stationed here (威海市生态环境局乳山分局) sits where that bureau's office sits.
  const branch = /^(.{2,12}?局).{1,8}分局$/.exec(core);
  return branch ? PLACES.get(coreKey(branch[1])) : undefined;
}

/** Each listed unit's place, per list and list of places (`null`: none); the knowledge does not change under them. */
const unitPlaces = new WeakMap<DepartmentList, { places: readonly string[]; byUnit: Map<DepartmentUnit, Place | null> }>();

/** The place of a listed unit in the default sequence, from its listed forms or its official name (remembered: asked for every unit of every document's lists). */
export function unitSequencePlace(unit: DepartmentUnit, list: DepartmentList, places: readonly string[]): Place | undefined {
  let known = unitPlaces.get(list);
  if (!known || known.places !== places) unitPlaces.set(list, (known = { places, byUnit: new Map() }));
  let place = known.byUnit.get(unit);
  if (place === undefined) known.byUnit.set(unit, (place = listedPlace(unit, list, places) ?? null));
  return place ?? undefined;
}

function listedPlace(unit: DepartmentUnit, list: DepartmentList, places: readonly string[]): Place | undefined {
  for (const form of [...unit.forms, unit.name]) {
    const parts = splitName(form, places);
    if (!parts.prefix) continue;
    if (!isOwnPrefix(parts.prefix, list) && !unit.level) continue;
    const place = sequencePlace(parts.core);
    if (place) return place;
  }
  return undefined;
}

const unordered = (a: SequenceGroup, b: UnitKind) => (a.unorderedWith ?? []).includes(b);

/** Whether the order of two places is judged at all (institutions are not judged against people's organisations). */
export function comparable(a: Place, b: Place): boolean {
  if (!a.group || !b.group || a.group === b.group) return true;
  return !unordered(a.group, b.group.kind) && !unordered(b.group, a.group.kind);
}

/** A group whose order against some other group is not judged. */
export function isLoose(p: Place): boolean {
  return (p.group?.unorderedWith ?? []).length > 0;
}

/** The group of a place and its 1-based position within the group, for the hover. */
export function placeInGroup(p: Place): { kind: UnitKind; index: number; loose: boolean } | undefined {
  if (!p.group) return undefined;
  const first = PLACES.get(coreKey(p.group.ranks[0][0]))!.rank;
  return { kind: p.group.kind, index: p.rank - first + 1, loose: isLoose(p) };
}
