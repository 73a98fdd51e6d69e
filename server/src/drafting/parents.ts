/**
 * The plans a new plan implements (issue #20): the plans of the places above it — county → city →
 * province — and the national ones. A county's own city and province plans are preselected by
 * 新建实施方案, so the skeleton's target comes from the nearest parent that states one and the fresh
 * skeleton meets its parents' targets. Places come from seeds/plans/places.json and the department
 * lists' `parent`. Pure.
 */
import places from '../../../seeds/plans/places.json';
import type { PlanEntry } from '../knowledge/plans/registry';

/** What a department list says of its place (seeds/departments/*.json). */
export interface PlaceInfo {
  jurisdiction: string;
  names?: string[];
  parent?: string;
}

const BUNDLED_PARENTS: Readonly<Record<string, string>> = (places as { parents: Record<string, string> }).parents;

/** A place's parent: the department lists first (a user's own list may add a place), then the bundled table. */
function parentOf(name: string, lists: readonly PlaceInfo[]): string | undefined {
  const list = lists.find((l) => l.jurisdiction === name || l.names?.includes(name));
  return list?.parent ?? BUNDLED_PARENTS[list?.jurisdiction ?? name];
}

/** The place as the tables name it: 济宁市兖州区 → 兖州区 (a district named with its city). */
function canonical(name: string, lists: readonly PlaceInfo[]): string {
  const list = lists.find((l) => l.jurisdiction === name || l.names?.includes(name));
  if (list) return list.jurisdiction;
  if (BUNDLED_PARENTS[name]) return name;
  const tail = /^[\u4e00-\u9fff]{2,8}?[市州盟]([\u4e00-\u9fff]{1,8}[县区市旗])$/.exec(name)?.[1];
  return tail && (BUNDLED_PARENTS[tail] || lists.some((l) => l.jurisdiction === tail)) ? tail : name;
}

/** The place and the places above it, nearest first: 乳山市 → [乳山市, 威海市, 山东省]. At most 6 (a cycle in user data stops). */
export function jurisdictionChain(name: string, lists: readonly PlaceInfo[] = []): string[] {
  const chain = [canonical(name.trim(), lists)];
  for (let parent = parentOf(chain[0], lists); parent && !chain.includes(parent) && chain.length < 6; parent = parentOf(parent, lists)) {
    chain.push(parent);
  }
  return chain;
}

/** The place a plan belongs to, from its issuer: 威海市人民政府 → 威海市, 山东省人民政府办公厅 → 山东省. */
export function planPlace(plan: PlanEntry): string | undefined {
  return plan.issuer?.replace(/(人民政府|政府)?(办公厅|办公室)?$/, '') || undefined;
}

const overlaps = (p: PlanEntry, period: [number, number]) => !p.period || (p.period[0] <= period[1] && p.period[1] >= period[0]);

/**
 * The registry's plans a new plan of `jurisdiction` for `period` implements: the national plans and the
 * plans of the places above it, of an overlapping period. A place whose parents are unknown gets the
 * national plans only (guessing a province would cite the wrong one).
 */
export function parentPlans(entries: readonly PlanEntry[], period: [number, number], jurisdiction: string, lists: readonly PlaceInfo[] = []): PlanEntry[] {
  const above = new Set(jurisdictionChain(jurisdiction, lists).slice(1));
  return entries.filter((p) => overlaps(p, period) && (p.level === 'national' || above.has(planPlace(p) ?? '')));
}
