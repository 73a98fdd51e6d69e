/**
 * heading-end-mark — a heading standing on its own line ends without a 句号 (GB/T 9704-2012 §7.3.3 sets
 * the headings 一、（一）1.（1） apart from the text as titles; GB/T 15834-2011 leaves the end of a title
 * unmarked). Only what the model's heading tree makes certain:
 *
 * - the heading has headings under it, so it is a heading and not a numbered sentence
 *   (`八、本通知自印发之日起执行。`), its title is one short phrase (no comma, semicolon or colon), and
 *   nothing but the 句号 follows it on its line;
 * - a first-level `一、` heading is then reported on its own; a `（一）`, `1.` or `（1）` heading only when
 *   the other standalone headings of its kind in the same part clearly go without the mark (offices differ
 *   on second-level headings, so the document's own practice decides).
 *
 * A run-in heading (`（一）指导思想。坚持……`) keeps its 句号. The fix deletes the mark.
 */
import { t } from '../../l10n';
import type { GongwenDocument, Heading } from '../../model/types';
import type { Finding, Rule } from '../types';

/** The longest title taken for a heading phrase; a longer one may be a sentence. */
const MAX_TITLE = 30;
const MARKED_KINDS: ReadonlySet<Heading['kind']> = new Set(['chinese', 'paren-chinese', 'arabic', 'paren-arabic']);

/** For a heading that stands alone as a title: whether its line ends with a 句号 (and where), else undefined. */
function standalone(doc: GongwenDocument, h: Heading): { marked: boolean; at: number } | undefined {
  if (!MARKED_KINDS.has(h.kind) || h.children.length === 0) return undefined;
  if (h.range.start.line !== h.range.end.line || h.title.length > MAX_TITLE || /[，,；;：:、？！]/.test(h.title)) return undefined;
  const line = doc.lines[h.range.end.line].text;
  if (line.slice(h.range.end.character).trim() !== '') return undefined; // text runs on: a run-in heading
  const body = line.slice(0, h.range.end.character).trimEnd();
  const last = body[body.length - 1];
  if (last === '。') return { marked: true, at: body.length - 1 };
  return /[。.．，；：]/.test(last ?? '') ? undefined : { marked: false, at: body.length };
}

export const headingEndMark: Rule = {
  id: 'heading-end-mark',
  description: '独占一行的标题末尾不加句号（一、总体要求。→ 一、总体要求）',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const out: Finding[] = [];
    // Peers are the headings of one kind under one part's tree (each part is numbered on its own).
    const partOf = (h: Heading) => {
      let root = h;
      while (root.parent) root = root.parent;
      return doc.parts.findIndex((p) => p.headings.includes(root));
    };
    const seen = doc.allHeadings.map((h) => ({ h, s: standalone(doc, h), part: partOf(h) }));
    for (const { h, s, part } of seen) {
      if (!s?.marked) continue;
      if (h.kind !== 'chinese') {
        const peers = seen.filter((p) => p.h.kind === h.kind && p.part === part && p.s);
        const bare = peers.filter((p) => !p.s!.marked).length;
        if (bare < 2 || bare < 2 * (peers.length - bare)) continue;
      }
      const range = { start: { line: h.range.end.line, character: s.at }, end: { line: h.range.end.line, character: s.at + 1 } };
      out.push({
        range,
        message: h.kind === 'chinese'
          ? t('标题“{0}{1}”独占一行，末尾不加句号（GB/T 9704-2012 第7.3.3条，GB/T 15834-2011）。', h.marker, h.title)
          : t('标题“{0}{1}”独占一行，末尾不加句号；本文同级独占一行的标题都不加（GB/T 9704-2012 第7.3.3条，GB/T 15834-2011）。', h.marker, h.title),
        fixes: [{ title: t('删去标题末尾的句号'), edits: [{ range, newText: '' }], preferred: true }],
      });
    }
    return out;
  },
};
