/** The canonical order of a responsibility list, shared by `unit-order` and its quick fix. */
import type { Heading, ResponsibilityList } from '../../model/types';
import type { DepartmentList } from '../../knowledge/departments';
import type { WrittenUnit } from './analysis';

export interface OrderCheck {
  /** Units standing out of the canonical order (not in the longest ordered run). */
  misplaced: WrittenUnit[];
  /** The list's names in canonical order, lead units kept in front. */
  sorted: string[];
  /** Position of each unit in the list; -1 when the list does not know it. */
  position: Map<WrittenUnit, number>;
}

/** Lead units named by a 牵头 clause of an enclosing section (（由市教育局、团市委牵头…）). */
function sectionLeads(owner: Heading | undefined, clauses: readonly ResponsibilityList[]): Set<string> {
  const leads = new Set<string>();
  for (let h = owner?.parent; h; h = h.parent) {
    for (const c of clauses) if (c.owner === h && c.form === '牵头配合') for (const u of c.units) leads.add(u.name);
  }
  return leads;
}

export function checkOrder(all: WrittenUnit[], list: DepartmentList, leadFirst: boolean, clauses: readonly ResponsibilityList[]): OrderCheck {
  // A repeated unit is unit-duplicate's finding; order is judged on first mentions.
  const seen = new Set<unknown>();
  const written = all.filter((w) => !seen.has(w.identity) && seen.add(w.identity));
  const position = new Map<WrittenUnit, number>();
  for (const w of written) position.set(w, typeof w.identity === 'string' ? -1 : list.units.indexOf(w.identity));
  // A 牵头 list names the lead units in the order of their part in the task.
  if (leadFirst && written[0]?.clause.form === '牵头配合') return { misplaced: [], sorted: written.map((w) => w.unit.name), position };
  let lead = 0;
  if (leadFirst && written.length) {
    const leads = sectionLeads(written[0].clause.owner, clauses);
    lead = 1;
    while (lead < written.length && leads.has(written[lead].unit.name)) lead++;
  }
  const rest = written.slice(lead).filter((w) => (position.get(w) ?? -1) >= 0);
  const kept = longestOrdered(rest.map((w) => position.get(w) ?? -1));
  const misplaced = rest.filter((_, i) => !kept.has(i));
  const tail = written.slice(lead);
  const known = tail.filter((w) => (position.get(w) ?? -1) >= 0).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const unknown = tail.filter((w) => (position.get(w) ?? -1) < 0);
  const sorted = [...written.slice(0, lead), ...known, ...unknown].map((w) => w.unit.name);
  return { misplaced, sorted, position };
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
