/**
 * title-spacing — a title typed with spaces between its characters (`关 于 印 发 … 的 通 知`): GB/T 9704-2012
 * §7.3.1 lays the title out as one or more lines of running text, spacing being the typesetter's work; spaces
 * typed in the text stay in every copy (search, citation, the 附件说明) and break it. Read where titles stand:
 * the top lines of the document and of each part (the model does not take a spaced line for a title, so the
 * lines are judged here). Certain only when most neighbouring characters are spaced and the squeezed line
 * ends with a document kind (通知, 方案, 办法 …); a letterhead `某 某 县 人 民 政 府 文 件` does not. The fix
 * removes the spaces, keeping one between two Latin or figure words (`GB 50016`).
 */
import { t } from '../../l10n';
import { DOCUMENT_KIND } from '../../model/genre';
import type { Finding, Rule } from '../types';

/** How many lines from the top of the document, and of each later part, may hold its title. */
const TOP_LINES = 12;
const PART_LINES = 4;
const HAN = '[\\u4e00-\\u9fff〇《》（）“”、]';
const SPACED_PAIR = new RegExp(`${HAN}[ \\u3000\\u00a0]+(?=${HAN})`, 'g');
const JOINED_PAIR = new RegExp(`${HAN}(?=${HAN})`, 'g');

/**
 * The line squeezed of its spaces. One stays between two Latin or figure words of two characters or more
 * (`GB 50016`); spaced single figures (`2 0 2 4`) were spaced like the characters around them.
 */
export function squeeze(s: string): string {
  return s.replace(/[ \u3000\u00a0]+/g, (m, at: number) => {
    const before = /[A-Za-z0-9]+$/.exec(s.slice(Math.max(0, at - 20), at))?.[0].length ?? 0;
    const after = /^[A-Za-z0-9]+/.exec(s.slice(at + m.length, at + m.length + 20))?.[0].length ?? 0;
    return before >= 2 && after >= 2 ? ' ' : '';
  });
}

function spacedTitle(line: string): boolean {
  const body = line.trim();
  if (body.length < 8 || /[。，；：！？,;:]/.test(body)) return false;
  const spaced = body.match(SPACED_PAIR)?.length ?? 0;
  const joined = body.match(JOINED_PAIR)?.length ?? 0;
  if (spaced < 4 || spaced < 2 * joined) return false;
  const squeezed = squeeze(body);
  return squeezed.length >= 8 && squeezed.length <= 80 && DOCUMENT_KIND.test(squeezed);
}

export const titleSpacing: Rule = {
  id: 'title-spacing',
  description: '标题的字与字之间打了空格（关 于 印 发 … 的 通 知）',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const lines = new Set<number>();
    for (let i = 0; i < Math.min(TOP_LINES, doc.lines.length); i++) lines.add(i);
    for (const part of doc.parts.slice(1)) for (let i = part.range.start.line; i < Math.min(part.range.start.line + PART_LINES, doc.lines.length); i++) lines.add(i);
    const out: Finding[] = [];
    for (const n of [...lines].sort((a, b) => a - b)) {
      const text = doc.lines[n].text;
      if (!spacedTitle(text)) continue;
      const from = text.length - text.trimStart().length;
      const to = text.trimEnd().length;
      const range = { start: { line: n, character: from }, end: { line: n, character: to } };
      const right = squeeze(text.slice(from, to));
      out.push({
        range,
        message: t('标题“{0}”的字与字之间打了空格，应写作“{1}”（GB/T 9704-2012 第7.3.1条：标题的排布由排版完成，不在文字中加空格）。', text.slice(from, to), right),
        fixes: [{ title: t('删去标题中的空格'), edits: [{ range, newText: right }], preferred: true }],
      });
    }
    return out;
  },
};
