/** The canonical order of a responsibility list, shared by `unit-order` and its quick fix. */
import type { GongwenDocument, Heading, ResponsibilityList } from '../../model/types';
import { perDocument } from '../../model/memo';
import { comparable, isLoose, type Place } from '../../knowledge/departments/sequence';
import type { WrittenUnit } from './analysis';

export interface OrderCheck {
  /** Units standing out of the canonical order. */
  misplaced: WrittenUnit[];
  /**
   * The list's names (first mentions) in canonical order: lead units kept in front, units without a place kept in
   * their slots. Only when a unit is misplaced (what the fix needs); otherwise the names as written.
   */
  sorted: string[];
  /** Place of each first mention; absent when neither the list nor the sequence gives the unit one. */
  position: Map<WrittenUnit, Place>;
}

/** This module's key in the document's memo (model/memo.ts): the units each heading's 牵头 clauses name. */
const LEADS = Symbol('lead clauses');

/** The units each heading's 牵头 clauses name: made once per document, not once per list and enclosing heading. */
function leadClauses(doc: GongwenDocument): Map<Heading | undefined, string[]> {
  return perDocument(doc, LEADS, () => leadsOf(doc.responsibilities));
}

function leadsOf(clauses: readonly ResponsibilityList[]): Map<Heading | undefined, string[]> {
  const byOwner = new Map<Heading | undefined, string[]>();
  for (const c of clauses) {
    if (c.form !== '牵头配合') continue;
    const names = byOwner.get(c.owner) ?? [];
    for (const u of c.units) names.push(u.name);
    byOwner.set(c.owner, names);
  }
  return byOwner;
}

/** Lead units named by a 牵头 clause of an enclosing section (（由市教育局、团市委牵头…）). */
function sectionLeads(owner: Heading | undefined, doc: GongwenDocument): Set<string> {
  const leads = new Set<string>();
  const byOwner = leadClauses(doc);
  for (let h = owner?.parent; h; h = h.parent) for (const name of byOwner.get(h) ?? []) leads.add(name);
  return leads;
}

/** `a` must stand before `b`. */
export function mustPrecede(a: Place, b: Place): boolean {
  return a.rank < b.rank && comparable(a, b);
}

export function checkOrder(
  all: WrittenUnit[],
  placeOf: (w: WrittenUnit) => Place | undefined,
  leadFirst: boolean,
  doc: GongwenDocument,
): OrderCheck {
  // A repeated unit is unit-duplicate's finding; order is judged on first mentions.
  const seen = new Set<unknown>();
  const written = all.filter((w) => !seen.has(w.identity) && seen.add(w.identity));
  const position = new Map<WrittenUnit, Place>();
  for (const w of written) {
    const p = placeOf(w);
    if (p) position.set(w, p);
  }
  const names = written.map((w) => w.unit.name);
  // A 牵头 list names the lead units in the order of their part in the task.
  if (leadFirst && written[0]?.clause.form === '牵头配合') return { misplaced: [], sorted: names, position };
  // Only the lead unit (and leads a 牵头 clause of the section names) may stand first; the units after it keep the order.
  let lead = 0;
  if (leadFirst && written.length) {
    const leads = sectionLeads(written[0].clause.owner, doc);
    lead = 1;
    while (lead < written.length && leads.has(written[lead].unit.name)) lead++;
  }
  const rest = written.slice(lead).filter((w) => position.has(w));
  // One placed unit or none after the lead: nothing can stand out of order, and each slot keeps its name
  // (what the steps below give, without their dozen arrays: most lists of a seed end here).
  if (rest.length <= 1) return { misplaced: [], sorted: names, position };
  // Units in a totally ordered group: one longest ordered run stays, the others are misplaced.
  const strict = rest.filter((w) => !isLoose(position.get(w)!));
  const kept = longestOrdered(strict.map((w) => position.get(w)!.rank));
  const keptUnits = strict.filter((_, i) => kept.has(i));
  const misplaced = strict.filter((_, i) => !kept.has(i));
  // Units of a loosely ordered group (institutions): misplaced only against a kept unit whose order with them is judged.
  for (const w of rest) {
    const p = position.get(w)!;
    if (!isLoose(p)) continue;
    const at = written.indexOf(w);
    const wrong = keptUnits.some((o) => {
      const q = position.get(o)!;
      const oAt = written.indexOf(o);
      return (oAt > at && mustPrecede(q, p)) || (oAt < at && mustPrecede(p, q));
    });
    if (wrong) misplaced.push(w);
  }
  misplaced.sort((a, b) => written.indexOf(a) - written.indexOf(b));
  // Most lists are in order, and their sorted names (a dozen arrays) were ~3 % of the allocation of a seed's analysis.
  return { misplaced, sorted: misplaced.length ? sortedNames(written, lead, position) : names, position };
}

/**
 * The names in canonical order. Units without a place keep their slots; the others fill the
 * remaining slots: first the strictly ordered units that precede the loose group (sorted), then the
 * loose units and the strictly ordered units after them in their written order, the latter sorted
 * among their own slots (气象局 stays before or after 团市委 as the drafter put it).
 */
function sortedNames(written: WrittenUnit[], lead: number, position: Map<WrittenUnit, Place>): string[] {
  const slots = written.map((w, i) => i >= lead && position.has(w));
  const placed = written.filter((_, i) => slots[i]);
  const byRank = (a: WrittenUnit, b: WrittenUnit) => position.get(a)!.rank - position.get(b)!.rank;
  const loose = placed.filter((w) => isLoose(position.get(w)!));
  const firstLoose = loose.length ? Math.min(...loose.map((w) => position.get(w)!.rank)) : Infinity;
  const head = placed.filter((w) => !isLoose(position.get(w)!) && position.get(w)!.rank < firstLoose).sort(byRank);
  const tail = placed.filter((w) => !head.includes(w));
  const tailStrict = tail.filter((w) => !isLoose(position.get(w)!)).sort(byRank);
  let k = 0;
  const ordered = [...head, ...tail.map((w) => (isLoose(position.get(w)!) ? w : tailStrict[k++]))];
  let n = 0;
  return written.map((w, i) => (slots[i] ? ordered[n++] : w).unit.name);
}

/** Indices of one longest non-decreasing subsequence (patience sorting, O(n log n)). */
function longestOrdered(values: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] <= values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) kept.add(i);
  return kept;
}
