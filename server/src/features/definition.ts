/**
 * Go to definition / peek (issue #5): from a citation 《…》 to the cited workspace document; from
 * any clause (heading or task item, anywhere in its section) to its best match in each upper document.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import { citedDocument } from '../knowledge/plans/documents';
import type { GongwenDocument } from '../model/types';
import type { FeatureContext } from './types';
import { citationAt, clauseAt, upperMatches } from './plan-nav';

/** Where a document begins to be itself: its plan title, else its first line. */
function titleLocation(doc: GongwenDocument): Location {
  const range = doc.notice.方案标题?.range ?? doc.notice.标题?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: doc.uri, range };
}

export function definition(ctx: FeatureContext, position: Position): Location[] {
  const citation = citationAt(ctx.doc, position);
  if (citation) {
    const cited = citedDocument(citation.title, ctx.doc, ctx.workspace);
    if (cited) return [titleLocation(cited)];
  }
  const clause = clauseAt(ctx.doc, position);
  if (!clause) return [];
  return upperMatches(ctx, clause).map((m) => ({ uri: m.upper.uri, range: m.match.clause.heading.range }));
}
