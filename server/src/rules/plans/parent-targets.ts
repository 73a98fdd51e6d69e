/**
 * The parents whose targets a document's targets are held against, nearest first: its upper
 * documents in the workspace (configured, then cited), then the registry entries it cites from the
 * nearest level up (city, province, national).
 */
import type { GongwenDocument, Target } from '../../model/types';
import type { PlanKnowledge } from '../../knowledge/plans';
import type { WorkspaceDocs } from '../../workspace';
import { documentTitle, registryParents, shortName, upperDocuments } from '../../knowledge/plans/documents';
import { metricKey } from '../../knowledge/plans/titles';

export interface ParentTarget {
  /** How the message names the parent: 《title》 (文号) or the upper document's name. */
  parent: string;
  comparator: '>=' | '>' | '≈';
  value: number;
  unit: string;
  /** The wording, e.g. 达到17%. */
  text: string;
}

type Parent = { name: string; source: { metric: string; year?: number; unit: string; comparator: ParentTarget['comparator']; value: number; text: string }[] };

function parents(doc: GongwenDocument, plans: PlanKnowledge, workspace: WorkspaceDocs): Parent[] {
  const out: Parent[] = [];
  for (const upper of upperDocuments(doc, plans, workspace)) {
    const title = documentTitle(upper);
    out.push({
      name: title ? `${shortName(upper)}《${title}》` : shortName(upper),
      source: upper.targets.map((x) => ({ ...x, text: `${x.comparatorText}${x.value}${x.unit}` })),
    });
  }
  for (const e of registryParents(doc, plans)) {
    out.push({
      name: e.docNumber ? `《${e.title}》（${e.docNumber}）` : `《${e.title}》`,
      source: e.targets.map((x) => ({ ...x, text: `${x.comparator === '>' ? '超过' : '达到'}${x.value}${x.unit}` })),
    });
  }
  return out;
}

/**
 * The strictest parent target for the same metric, year and unit. A plan answers to every level above
 * it, and the order in which it cites them says nothing of their level: a county that cites its
 * province's plan (16%) before its city's (17%) is still held to 17%. On a tie the nearest is named.
 */
export function parentTarget(target: Target, doc: GongwenDocument, plans: PlanKnowledge, workspace: WorkspaceDocs): ParentTarget | undefined {
  if (target.year === undefined) return undefined;
  const key = metricKey(target.metric);
  let best: ParentTarget | undefined;
  for (const p of parents(doc, plans, workspace)) {
    const hit = p.source.find((s) => s.year === target.year && s.unit === target.unit && metricKey(s.metric) === key);
    if (!hit) continue;
    const candidate: ParentTarget = { parent: p.name, comparator: hit.comparator, value: hit.value, unit: hit.unit, text: hit.text };
    if (!best || candidate.value > best.value || (candidate.value === best.value && candidate.comparator === '>' && best.comparator !== '>')) best = candidate;
  }
  return best;
}

/** A county may aim higher, never lower: below the parent's value, or only 达到 where the parent says 超过. */
export function weaker(target: Target, parent: ParentTarget): boolean {
  if (target.value !== parent.value) return target.value < parent.value;
  return parent.comparator === '>' && target.comparator !== '>';
}
