/**
 * Hover (issue #5): on any line of a clause, the matching clause of each upper plan with its text and
 * similarity; on a citation, what the plan registry knows about the cited document.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { t } from '../l10n';
import { normaliseTitle } from '../knowledge/plans/titles';
import { titleNames } from '../knowledge/plans/documents';
import type { FeatureContext } from './types';
import { contains, citationAt, clauseAt, clauseLabel, upperMatches } from './plan-nav';

const EXCERPT = 160;

export function planHover(ctx: FeatureContext, position: Position): Hover | null {
  const citation = citationAt(ctx.doc, position);
  if (citation) {
    const title = normaliseTitle(citation.title);
    const entry = ctx.knowledge.plans.entries.find((e) => titleNames(title, e));
    if (!entry) return null;
    const lines = [`**《${entry.title}》**`, '', [entry.docNumber, entry.issuer, entry.date].filter(Boolean).join(' · ')];
    for (const x of entry.targets) {
      lines.push(`- ${x.comparator === '>' ? t('{0}年 {1} 超过{2}{3}', x.year, x.metric, x.value, x.unit) : t('{0}年 {1} 达到{2}{3}', x.year, x.metric, x.value, x.unit)}`);
    }
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: citation.range };
  }
  const heading = clauseAt(ctx.doc, position);
  if (!heading) return null;
  const matches = upperMatches(ctx, heading);
  if (!matches.length) return null;
  const parts = matches.map((m) => {
    const h = m.match.clause.heading;
    const body = h.body.map((b) => b.text).join('').replace(/\s+/g, '');
    const text = body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body;
    return `**↑ ${m.name}** ${clauseLabel(h)} — ${t('相似度 {0}', m.match.score.toFixed(2))}\n\n> ${text || clauseLabel(h)}`;
  });
  const value = parts.join('\n\n---\n\n');
  // The heading's range where the cursor is on it; in the body the hover is not tied to a few characters.
  return contains(heading.range, position) ? { contents: { kind: 'markdown', value }, range: heading.range } : { contents: { kind: 'markdown', value } };
}
