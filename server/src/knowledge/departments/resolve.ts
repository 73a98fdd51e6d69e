/**
 * What a written unit name is, against one jurisdiction's list: a listed form, another form of a
 * listed unit (alias), a unit of the wrong level, a name replaced in the 2018 reform, or unknown.
 */
import type { DepartmentKnowledge } from '../departments';
import type { DepartmentList, DepartmentUnit, FormerName } from './types';
import { acceptedCores, coreKey, editDistance, splitName } from './names';

export type Resolution =
  /** A form the list writes (or the official full name). */
  | { status: 'ok'; unit: DepartmentUnit }
  /**
   * Another form of a listed unit: `accepted` when it is the unit's official name or a usual short
   * form of it (县应急局 for 平阴县应急管理局), else a wrong name for it (市自然资源和规划局 where the
   * unit is 乳山市自然资源局); `expected` is the list's preferred form.
   */
  | { status: 'alias'; unit: DepartmentUnit; expected: string; accepted: boolean }
  /** The level prefix is not the jurisdiction's (县科协 in a 市 document); `unit` when the core is listed. */
  | { status: 'level'; prefix: string; unit?: DepartmentUnit; expected?: string }
  /** A name from before the reform; `successor` when the list has it. */
  | { status: 'outdated'; until: number; successor?: DepartmentUnit; former?: FormerName }
  | { status: 'unknown'; suggestions: string[] };

interface ListIndex {
  exact: Map<string, DepartmentUnit>;
  former: Map<string, { unit: DepartmentUnit; former: FormerName }>;
  /** Core key of the jurisdiction's own prefixed forms → unit. */
  byKey: Map<string, DepartmentUnit>;
  /** Cores a unit may be written with after the own prefix: its names' cores and their usual short forms. */
  accepted: Map<DepartmentUnit, Set<string>>;
  places: string[];
  /** What `resolveUnit` gave for each name, with the knowledge it was given for. */
  resolved: Map<string, Resolution>;
  resolvedWith?: DepartmentKnowledge;
}

const indexes = new WeakMap<DepartmentList, ListIndex>();

const placesCache = new WeakMap<DepartmentKnowledge, { lists: DepartmentKnowledge['lists']; places: string[] }>();

/**
 * Place names every list knows, longest first (威海市生态环境局 → 威海市 + 生态环境局). Made once per
 * knowledge (the unit rules asked for it several times per document, each time going over every list
 * and sorting); callers read it and never change it.
 */
export function placesOf(knowledge: DepartmentKnowledge): string[] {
  const hit = placesCache.get(knowledge);
  if (hit && hit.lists === knowledge.lists) return hit.places;
  const all = new Set<string>();
  for (const l of knowledge.lists) {
    for (const n of [l.jurisdiction, ...(l.names ?? []), ...(l.parent ? [l.parent] : [])]) if (/[市县区省]$/.test(n)) all.add(n);
  }
  const places = [...all].sort((a, b) => b.length - a.length);
  placesCache.set(knowledge, { lists: knowledge.lists, places });
  return places;
}

/**
 * A list's index, made at its first use. The lookup is apart from the making: it runs for every unit name of every
 * document, so V8 optimises it, and optimising the making with it took ~17 ms of a compile thread per CLI thread for
 * code that runs once per list (issue #18).
 */
function indexOf(list: DepartmentList, knowledge: DepartmentKnowledge): ListIndex {
  return indexes.get(list) ?? buildIndex(list, knowledge);
}

function buildIndex(list: DepartmentList, knowledge: DepartmentKnowledge): ListIndex {
  const places = placesOf(knowledge);
  const idx: ListIndex = { exact: new Map(), former: new Map(), byKey: new Map(), accepted: new Map(), places, resolved: new Map() };
  for (const unit of list.units) {
    for (const form of [...unit.forms, unit.name]) if (!idx.exact.has(form)) idx.exact.set(form, unit);
    for (const f of unit.formerly ?? []) for (const form of [...(f.forms ?? []), f.name]) idx.former.set(form, { unit, former: f });
    const accepted = new Set<string>();
    for (const form of [...unit.forms, unit.name]) {
      const parts = splitName(form, places);
      if (!isOwnPrefix(parts.prefix, list)) continue;
      if (!idx.byKey.has(coreKey(parts.core))) idx.byKey.set(coreKey(parts.core), unit);
      for (const core of acceptedCores(parts.core)) accepted.add(core);
    }
    idx.accepted.set(unit, accepted);
  }
  indexes.set(list, idx);
  return idx;
}

export function isOwnPrefix(prefix: string, list: DepartmentList): boolean {
  return prefix === list.prefix || prefix === list.jurisdiction || (list.names ?? []).includes(prefix);
}

/** The unit of the list whose name continues the successor core (卫生健康 → 市卫生健康局). */
function successorIn(list: DepartmentList, successor: readonly string[], places: string[]): DepartmentUnit | undefined {
  return list.units.find((u) => successor.some((s) => u.forms.some((f) => splitName(f, places).core.startsWith(s)) || u.name.includes(s)));
}

export function resolveUnit(name: string, list: DepartmentList, knowledge: DepartmentKnowledge): Resolution {
  const idx = indexOf(list, knowledge);
  // The same names come back in every document of a folder; an unknown one costs an edit distance to every unit of the list.
  if (idx.resolvedWith !== knowledge || idx.resolved.size >= RESOLVED_MAX) {
    idx.resolved = new Map();
    idx.resolvedWith = knowledge;
  }
  let r = idx.resolved.get(name);
  if (!r) idx.resolved.set(name, (r = resolveAgainst(name, list, knowledge, idx)));
  return r;
}

/** Names remembered per list (callers read a resolution and never change it). */
const RESOLVED_MAX = 10_000;

function resolveAgainst(name: string, list: DepartmentList, knowledge: DepartmentKnowledge, idx: ListIndex): Resolution {
  const listed = idx.exact.get(name);
  if (listed) return { status: 'ok', unit: listed };
  const former = idx.former.get(name);
  if (former) return { status: 'outdated', until: former.former.until, successor: former.unit, former: former.former };
  const parts = splitName(name, idx.places);
  const outdated = outdatedCore(parts.core, knowledge);
  if (parts.prefix && outdated) return { status: 'outdated', until: knowledge.outdated.until, successor: successorIn(list, outdated, idx.places) };
  const unit = idx.byKey.get(coreKey(parts.core));
  if (parts.prefix && isOwnPrefix(parts.prefix, list)) {
    if (unit) return { status: 'alias', unit, expected: unit.forms[0], accepted: idx.accepted.get(unit)?.has(parts.core) === true };
  } else if (parts.prefix) {
    return { status: 'level', prefix: parts.prefix, unit, expected: unit?.forms[0] };
  }
  return { status: 'unknown', suggestions: closest(name, list) };
}

/** The successor cores when `core` is a name replaced in the reform. */
export function outdatedCore(core: string, knowledge: DepartmentKnowledge): readonly string[] | undefined {
  return knowledge.outdated.outdated.find((e) => e.old.includes(core))?.successor;
}

/** Up to three listed forms nearest to `name` (typos such as 市海事发展局 → 市海洋发展局). */
export function closest(name: string, list: DepartmentList): string[] {
  const limit = Math.max(2, Math.floor(name.length / 2));
  return list.units
    .map((u) => u.forms[0])
    .map((form) => ({ form, d: editDistance(name, form) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.form);
}

/** Position of a unit in the canonical order. */
export function orderOf(unit: DepartmentUnit, list: DepartmentList): number {
  return list.units.indexOf(unit);
}

/** The unit a written name stands for in the list, whatever its status (for order, hover, search). */
export function unitOf(r: Resolution): DepartmentUnit | undefined {
  return r.status === 'ok' || r.status === 'alias' ? r.unit : r.status === 'outdated' ? r.successor : r.status === 'level' ? undefined : undefined;
}
