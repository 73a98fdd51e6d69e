/**
 * The targets table: indicators (metric, year, unit) × plans. A cell is weaker than the parent's
 * when the nearest parent that states the same indicator — the plan above it in the folder, then the
 * one above that, then the registered plans it cites — has a higher figure (`weaker`, the rule
 * target-below-upper's test); inconsistent when target-conflict found the plan stating it twice. Pure.
 */
import type { Target } from '../model/types';
import type { PlanKnowledge } from '../knowledge/plans';
import { registryParents } from '../knowledge/plans/documents';
import { metricKey } from '../knowledge/plans/titles';
import { weaker, type ParentTarget } from '../rules/plans/parent-targets';
import type { PlanFacts } from './build';
import type { Indicator, TargetCell, TargetTable } from './types';

/** The metric as a reader knows it: the first plan's words without its place (全市, 我县). */
const shownMetric = (metric: string) => metric.replace(/\s+/g, '').replace(/^(全市|全区|全县|全省|全国|全镇|我市|我区|我县|我省|本市|本区|本县|本省|本地区|本地|全)/, '');

const keyOf = (metric: string, year: number, unit: string) => `${metricKey(metric)}|${year}|${unit}`;

/** The plan's targets by indicator, in document order. */
function stated(f: PlanFacts): Map<string, Target[]> {
  const out = new Map<string, Target[]>();
  for (const t of f.input.doc.targets) {
    if (t.year === undefined) continue;
    const key = keyOf(t.metric, t.year, t.unit);
    out.set(key, [...(out.get(key) ?? []), t]);
  }
  return out;
}

const wording = (t: { comparatorText: string; value: number; unit: string }) =>
  t.comparatorText === '以上' ? `${t.value}${t.unit}以上` : `${t.comparatorText}${t.value}${t.unit}`;

function parentOf(f: PlanFacts, key: string, statedBy: Map<PlanFacts, Map<string, Target[]>>, knowledge: PlanKnowledge): (ParentTarget & { file?: string }) | undefined {
  const seen = new Set<PlanFacts>([f]);
  for (let p = f.primary; p && !seen.has(p); p = p.primary) {
    seen.add(p);
    const hit = statedBy.get(p)?.get(key)?.[0];
    if (hit) return { parent: p.report.jurisdiction?.name ?? p.input.file, file: p.input.file, comparator: hit.comparator, value: hit.value, unit: hit.unit, text: wording(hit) };
  }
  for (const e of registryParents(f.input.doc, knowledge)) {
    const hit = e.targets.find((x) => keyOf(x.metric, x.year, x.unit) === key);
    if (hit) return { parent: `《${e.title}》`, comparator: hit.comparator, value: hit.value, unit: hit.unit, text: `${hit.comparator === '>' ? '超过' : '达到'}${hit.value}${hit.unit}` };
  }
  return undefined;
}

export function targetTable(plans: readonly PlanFacts[], knowledge: PlanKnowledge): TargetTable {
  const statedBy = new Map(plans.map((f) => [f, stated(f)]));
  const indicators = new Map<string, Indicator & { plans: number; registered: boolean }>();
  for (const [f, keys] of statedBy) {
    for (const [key, ts] of keys) {
      const i = indicators.get(key) ?? { id: key, metric: shownMetric(ts[0].metric), year: ts[0].year!, unit: ts[0].unit, plans: 0, registered: false };
      i.plans++;
      if (!i.registered) i.registered = registryParents(f.input.doc, knowledge).some((e) => e.targets.some((x) => keyOf(x.metric, x.year, x.unit) === key));
      indicators.set(key, i);
    }
  }
  // An indicator one plan alone states (培训…30余人次) is not a comparison; a registered parent's makes it one.
  const shown = [...indicators.values()]
    .filter((i) => i.plans >= 2 || i.registered)
    .sort((a, b) => b.plans - a.plans || a.year - b.year || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
  const cells: TargetCell[] = [];
  for (const i of shown) {
    for (const f of plans) {
      const ts = statedBy.get(f)!.get(i.id);
      if (!ts) continue;
      const first = ts[0];
      const lines = new Set(ts.map((t) => t.range.start.line));
      const inconsistent = f.input.diagnostics.some((d) => d.code === 'target-conflict' && lines.has(d.range.start.line));
      const parent = parentOf(f, i.id, statedBy, knowledge);
      cells.push({
        indicator: i.id,
        file: f.input.file,
        value: first.value,
        comparator: first.comparator,
        text: wording(first),
        line: first.range.start.line + 1,
        belowParent: parent ? ts.some((t) => weaker(t, parent)) : false,
        inconsistent,
        ...(parent ? { parent: { name: parent.parent, ...(parent.file ? { file: parent.file } : {}), value: parent.value, text: parent.text } } : {}),
        others: [...new Set(ts.slice(1).map((t) => t.value).filter((v) => v !== first.value))],
      });
    }
  }
  return { indicators: shown.map(({ id, metric, year, unit }) => ({ id, metric, year, unit })), columns: plans.map((f) => f.input.file), cells };
}
