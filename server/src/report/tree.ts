/**
 * The tree of places a folder's plans belong to, with the places that have no plan: under a place
 * that has a plan every place below it is listed (the ones that should answer it); a place without
 * a plan is listed only on the way to one that has. Pure.
 */
import type { DivisionIndex } from './divisions';
import type { PlanFacts } from './build';
import type { TreeNode } from './types';

export function divisionTree(facts: readonly PlanFacts[], index: DivisionIndex): TreeNode[] {
  const plansOf = new Map<string, string[]>();
  for (const f of facts) {
    const code = f.jurisdiction?.division.code;
    if (code) plansOf.set(code, [...(plansOf.get(code) ?? []), f.input.file]);
  }
  // Places on the way to a plan: the plan's place and every place above it.
  const onPath = new Set<string>();
  for (const code of plansOf.keys()) {
    for (let d = index.byCode.get(code); d; d = d.parent ? index.byCode.get(d.parent) : undefined) onPath.add(d.code);
  }
  const node = (code: string): TreeNode => {
    const d = index.byCode.get(code)!;
    const below = index.children.get(code) ?? [];
    const shown = plansOf.has(code) ? below : below.filter((c) => onPath.has(c.code));
    return { code, name: d.name, level: d.level, plans: plansOf.get(code) ?? [], children: shown.map((c) => node(c.code)) };
  };
  const roots = [...onPath].filter((code) => !index.byCode.get(code)!.parent).sort();
  return roots.map(node);
}
