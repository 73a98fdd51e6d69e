/**
 * title-mismatch — the plan title the notice names (`现将《…》印发给你们`, `关于印发…的通知`)
 * is the title of the attached plan (GB/T 9704-2012 §7.3.1: the title names the 事由). Line
 * breaks, spaces, bracket width and dash forms are ignored: `range-dash` and
 * `punctuation-width` report those on their own.
 */
import type { Range } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';

/** The comparable form of a title. */
export function normaliseTitle(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[-‐‑–－~～﹣―—]+/g, '—')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"]/g, '"');
}

const inside = (r: Range, outer: Range) =>
  (r.start.line > outer.start.line || (r.start.line === outer.start.line && r.start.character >= outer.start.character)) &&
  (r.end.line < outer.end.line || (r.end.line === outer.end.line && r.end.character <= outer.end.character));

export const titleMismatch: Rule = {
  id: 'title-mismatch',
  description: '通知中所称方案标题与所附方案标题一致',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc }) {
    const plan = doc.notice.方案标题;
    // Only a notice that issues a document (印发/发布/批转) names the document it carries.
    if (!plan || !doc.genre?.action || doc.genre.action === '转发') return [];
    const expected = normaliseTitle(plan.text);
    const out: Finding[] = [];
    const shown = plan.text.replace(/[\s\u3000]+/g, '');
    // A notice may issue several documents at once (印发…等5个办法): each carried title is a right name.
    const carried = new Set(doc.parts.filter((p) => (p.kind === 'issued' || p.kind === 'forwarded') && p.title).map((p) => normaliseTitle(p.title!.text)));
    carried.add(expected);
    const several = carried.size > 1;

    const body = doc.notice.正文;
    if (body && body.text.includes('印发') && !several) {
      // The document issued is the one the 印发 sentence names (`现将《…》印发给你们`, `《…》…现印发`),
      // not a superior document the notice cites as its basis (`根据《…的通知》`).
      const quoted = doc.citations.filter((c) => inside(c.range, body.range) && !/(的通知|的意见|的决定)$/.test(c.title));
      const named = quoted.find((c) => carried.has(normaliseTitle(c.title))) ?? quoted[0];
      if (named && !carried.has(normaliseTitle(named.title))) {
        out.push({ range: named.range, message: t('正文中所称方案《{0}》与所附方案标题“{1}”不一致。', named.title, shown) });
      }
    }

    const title = doc.notice.标题;
    const m = title && /关于印发(.{2,120}?)的通知$/.exec(title.text.replace(/[\s\u3000]+/g, ''));
    if (title && m && !/等\S{0,3}个/.test(m[1])) {
      const named = m[1].replace(/^《(.*)》$/, '$1');
      if (!carried.has(normaliseTitle(named))) {
        out.push({ range: title.range, message: t('通知标题中所称方案“{0}”与所附方案标题“{1}”不一致。', named, shown) });
      }
    }
    return out;
  },
};
