/** Find references (issue #5): from a clause of an upper plan, every clause in the workspace that implements it. */
import type { Location, Position } from 'vscode-languageserver-types';
import { alignDocuments } from '../align/align';
import { lowerDocuments } from '../knowledge/plans/documents';
import type { FeatureContext } from './types';
import { clauseAt } from './plan-nav';

export function references(ctx: FeatureContext, position: Position): Location[] {
  const clause = clauseAt(ctx.doc, position);
  if (!clause) return [];
  const out: Location[] = [];
  for (const lower of lowerDocuments(ctx.doc, ctx.knowledge.plans, ctx.workspace)) {
    for (const a of alignDocuments(lower, ctx.doc)) {
      if (a.match?.clause.heading === clause) out.push({ uri: lower.uri, range: a.clause.heading.range });
    }
  }
  return out;
}
