/**
 * contents-mismatch — a 目录 repeats the body's headings: each entry has the heading of the same
 * number under the same parents, with the same words, and every heading of a level the 目录 lists is
 * in it (drafting practice for long 预案, 办法 and plans; GB/T 9704-2012 has no 目录, so the 目录 is
 * held to the headings it stands for, §7.3.3). Spaces, dot leaders, page numbers and the width of
 * brackets and dashes do not count.
 */
import { tableOfContents } from '../../model/contents';
import { matchMarker } from '../../model/markers';
import { rankOf, type Heading } from '../../model/types';
import { normaliseTitle } from '../format/title-mismatch';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';

const norm = (s: string) => normaliseTitle(s).replace(/[。；;，,：:]+$/, '');
/**
 * Equal, or the heading adds what a 目录 leaves out: a note in brackets at its end (`……框架图（附后）`), or
 * the sentence a run-on heading goes on with after its title (`（二）强化要素保障：加强用地保障。`).
 */
function sameTitle(heading: string, entry: string): boolean {
  const h = norm(heading);
  const e = norm(entry);
  return h === e || (h.startsWith(e) && (/^（[^（）]{1,10}）$/.test(h.slice(e.length)) || /^[：:。；;，,]/.test(h.slice(e.length))));
}

/** A heading as printed: `2.1 指挥机构`, `一、总体要求`. */
const shown = (h: Heading) => `${h.marker}${h.kind === 'decimal' ? ' ' : ''}${h.title}`;

/** How many entries of a level the 目录 must have before a heading of that level missing from it is reported. */
const LEVEL_LISTED = 3;

export const contentsMismatch: Rule = {
  id: 'contents-mismatch',
  description: '目录与正文标题一致',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc }) {
    const contents = tableOfContents(doc);
    if (!contents) return [];
    const out: Finding[] = [];
    const taken = new Set<string>();
    const byKey = new Map(contents.headings.map((h) => [`${rankOf(h.heading)}|${h.key}`, h.heading]));
    const lineStarts = new Set<string>();
    const markers = new Set<string>();
    for (let l = contents.bodyLine; l <= contents.part.range.end.line && l < doc.lines.length; l++) {
      const text = doc.lines[l].text.trim();
      lineStarts.add(norm(text).slice(0, 12));
      const m = matchMarker(text);
      if (m) markers.add(norm(m.marker));
      else if (/^第[一二三四五六七八九十百零〇]{1,6}[章节条]/.test(text)) markers.add(norm(text.replace(/^(第[一二三四五六七八九十百零〇]{1,6}[章节条]).*$/, '$1')));
    }
    // A copy cut short (a web page that ends early) lacks the last headings: only an entry before the
    // last one found in the body is missing from it.
    let lastFound = -1;
    contents.entries.forEach((e, k) => {
      if (byKey.has(`${e.rank}|${e.key}`)) lastFound = k;
    });
    contents.entries.forEach((entry, k) => {
      const id = `${entry.rank}|${entry.key}`;
      const heading = byKey.get(id);
      if (!heading) {
        // A heading line the model did not take for one (run into a paragraph, its title on the next
        // line) is still there: a body line that starts with the entry's number keeps it quiet.
        if (k < lastFound && !lineStarts.has(norm(entry.text).slice(0, 12)) && !markers.has(norm(entry.marker))) out.push({ range: entry.range, message: t('目录中的“{0}”在正文中没有对应的标题。', entry.text) });
        return;
      }
      taken.add(id);
      if (!sameTitle(heading.title, entry.title)) {
        out.push({ range: entry.range, message: t('目录中的“{0}”与正文标题“{1}”不一致。', entry.text, shown(heading)) });
      }
    });
    const listed = new Map<number, number>();
    for (const e of contents.entries) listed.set(e.rank, (listed.get(e.rank) ?? 0) + 1);
    for (const { heading, key } of contents.headings) {
      const rank = rankOf(heading);
      const id = `${rank}|${key}`;
      if (taken.has(id) || (listed.get(rank) ?? 0) < LEVEL_LISTED) continue;
      // Only under a parent the 目录 lists (or at its top level): a level listed for one chapter only is its choice.
      const parentKey = key.includes('>') ? key.slice(0, key.lastIndexOf('>')) : undefined;
      if (parentKey !== undefined && !contents.entries.some((e) => e.key === parentKey)) continue;
      out.push({ range: heading.range, message: t('正文标题“{0}”未列入目录。', shown(heading)) });
    }
    return out;
  },
};
