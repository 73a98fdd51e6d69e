/**
 * A lens above each clause naming its match in each upper plan: `↑ 威海 （四）壮大科普人才队伍 0.83`
 * (issue #5; off with `gongwen.codeLens.upper`). A click runs the client command `OPEN_UPPER_CLAUSE`
 * with the upper clause's uri and range (issue #20): VS Code opens it beside, its heading selected.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';
import { clauseLabel, upperMatches } from './plan-nav';

/** Registered by the VS Code client (client/src/commands/open-upper.ts); other clients show the lens as text. */
export const OPEN_UPPER_CLAUSE = 'gongwen.openUpperClause';

export function codeLenses(ctx: FeatureContext): CodeLens[] {
  if (!ctx.settings.codeLens?.upper) return [];
  const out: CodeLens[] = [];
  for (const h of ctx.doc.allHeadings) {
    for (const m of upperMatches(ctx, h)) {
      const title = `↑ ${m.name} ${clauseLabel(m.match.clause.heading)} ${m.match.score.toFixed(2)}`;
      out.push({ range: h.range, command: { title, command: OPEN_UPPER_CLAUSE, arguments: [m.upper.uri, m.match.clause.heading.range] } });
    }
  }
  return out;
}
