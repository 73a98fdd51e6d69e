import abbreviations from '../../../../seeds/departments/abbreviations.json';
import type { AbbreviationTable } from './types';

/**
 * Parts of a unit name: the level prefix (市/县/区/省, a place name, or the 市 of 团市委) and the
 * core after it, and a key that makes the forms of one unit equal (市场监管局 = 市场监督管理局).
 */

export interface NameParts {
  /** '市' | '县' | '区' | '省', a place name (威海市), or '' when the name has none (山东理工大学). */
  prefix: string;
  core: string;
}

/** Names split against each list of places (the same names come back in every document of a folder); bounded for a long-running server. */
const splitCache = new WeakMap<readonly string[], Map<string, NameParts>>();
const SPLIT_CACHE_MAX = 20_000;

/**
 * Split a written unit name. `places`: place names known to the knowledge, longest first. The result is
 * shared between callers, who only read it: the unit rules split each unit name several times per document,
 * each time against every place name (~5 % of a seed's analysis with the rest of the unit rules, issue #18).
 */
export function splitName(name: string, places: readonly string[]): NameParts {
  let cache = splitCache.get(places);
  if (!cache || cache.size >= SPLIT_CACHE_MAX) splitCache.set(places, (cache = new Map()));
  let parts = cache.get(name);
  if (!parts) cache.set(name, (parts = splitAgainst(name, places)));
  return parts;
}

function splitAgainst(name: string, places: readonly string[]): NameParts {
  const n = name.replace(/^中共/, '');
  const league = /^(?:共青)?团(市|县|区)委(.*)$/.exec(n);
  if (league) return { prefix: league[1], core: `团委${league[2]}` };
  for (const place of places) {
    if (n.startsWith(place) && n.length > place.length) return { prefix: place, core: n.slice(place.length) };
  }
  // 市场监管局 without a prefix is not 市 + 场监管局.
  if (/^(市|县|区|省)/.test(n) && !n.startsWith('市场')) return { prefix: n[0], core: n.slice(1) };
  return { prefix: '', core: n };
}

/**
 * Families of names of one office and their usual short forms: data in
 * `seeds/departments/abbreviations.json` (县应急局 abbreviates 应急管理局, 县教体局 教育和体育局).
 */
const FAMILIES = (abbreviations as unknown as AbbreviationTable).families;

/** Every core of a family (names, short forms, wrong forms) → the family's first name. */
const KEY = new Map<string, string>();
/** Official core → the cores accepted for a unit of that name: itself and its usual short forms. */
const ACCEPTED = new Map<string, readonly string[]>();
const WRONG = new Set<string>();
for (const family of FAMILIES) {
  const key = Object.keys(family.names)[0];
  for (const [name, shorts] of Object.entries(family.names)) {
    ACCEPTED.set(name, [name, ...shorts]);
    for (const form of [name, ...shorts]) KEY.set(form, key);
  }
  for (const form of family.wrong ?? []) {
    KEY.set(form, key);
    WRONG.add(form);
  }
}

/** The key of a core: equal for all forms of one office (市场监管局 = 市场监督管理局). */
export function coreKey(core: string): string {
  return KEY.get(core) ?? core;
}

/** The cores a unit whose name (or listed form) has core `core` may be written with: itself and its usual short forms. */
export function acceptedCores(core: string): readonly string[] {
  return ACCEPTED.get(core) ?? [core];
}

/** A form written for an office that is neither one of its names nor a usual short form (市场监督局). */
export function isWrongCore(core: string): boolean {
  return WRONG.has(core);
}

/** The usual full name of a family (its first name), for a fix where no list applies. */
export function familyName(core: string): string | undefined {
  return KEY.has(core) ? KEY.get(core) : undefined;
}

/** Edit distance (Levenshtein) for suggesting the closest names; names are short. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}
