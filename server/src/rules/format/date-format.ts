/**
 * date-format — the 成文日期 and the 印发日期 are written in Arabic numerals with the year in
 * full and no leading zero on month or day: `2022年7月12日` (GB/T 9704-2012 §7.3.5.1, §7.4.3).
 * Spaces inside (`2022年 7月 12日`) usually come from PDF extraction: information only.
 * A document dated before 2012-07-01 is judged by GB/T 9704-1999, under which the date was
 * written in Chinese numerals (二〇〇七年三月二十九日): see `dated.ts`.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { GongwenDocument, IssueDate } from '../../model/types';
import { DATE_IN_TEXT } from '../../model/notice-lines';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { SPACE, joinedEdit, locate, toAscii } from './joined';
import { before9704_2012, monthDay, yearDigits } from './dated';

const PARTS = new RegExp(DATE_IN_TEXT.source, 'd');
const ARABIC = /^[0-9０-９]+$/;

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether each of year, month and day is written in Arabic digits. */
const inArabic = (date: { year: string; month: string; day: string }) => [date.year, date.month, date.day].every((p) => ARABIC.test(p.replace(/\s/g, '')));

/**
 * The dates this rule tells to rewrite in Arabic numerals (whole-date fix): a date in Chinese
 * numerals in a document dated from 2012-07-01. `numeral-zero` leaves their zeros alone, so the
 * same characters are not reported twice; in an older document it is `numeral-zero` that reports
 * a wrong zero (二○○七), since the Chinese-numeral date itself is right there.
 */
export function datesToArabic(doc: GongwenDocument): IssueDate[] {
  if (before9704_2012(doc)) return [];
  return [doc.notice.成文日期, doc.notice.印发?.date].filter((d): d is IssueDate => !!d && !inArabic(d));
}

/** A date in figures only (`2024-03-01`, `20171116`): GB/T 9704 writes 年, 月 and 日. */
function figuresOnly(doc: GongwenDocument, date: IssueDate, printed: boolean, old: boolean): Finding | undefined {
  const y = Number(date.year);
  const mo = Number(date.month);
  const d = Number(date.day);
  if (!realDate(y, mo, d)) return undefined;
  const expected = `${y}年${mo}月${d}日`;
  const label = printed ? t('印发日期') : t('成文日期');
  // Before 2012-07-01 the date was written in Chinese numerals: which form is wanted is the drafter's call.
  const message = old
    ? t('{0}“{1}”不规范：日期应写出年、月、日（文件日期早于 2012年7月1日，按 GB/T 9704-1999 检查）。', label, date.text)
    : t('{0}“{1}”不规范：日期应写出年、月、日。应写作“{2}”（GB/T 9704-2012 第7.3.5条）。', label, date.text, expected);
  return { range: date.range, message, fixes: old ? [] : [{ title: t('改为“{0}”', expected), edits: [{ range: date.range, newText: expected }], preferred: true }] };
}

/**
 * `old`: the document is dated before 2012-07-01 (GB/T 9704-1999). Then a date in Chinese numerals
 * is right and one in Arabic numerals is accepted as web copies print it; what both editions ask
 * is still checked: the year in full, a real date, no spaces inside.
 */
function checkDate(doc: GongwenDocument, date: IssueDate, printed: boolean, old: boolean): Finding | undefined {
  const where = locate(doc, date.range);
  if (!where) return undefined;
  const { block, index } = where;
  const m = PARTS.exec(block.text.slice(index, index + date.text.length));
  if (!m || !m.indices) return figuresOnly(doc, date, printed, old);
  const at = (g: number) => index + m.indices![g][0];
  const [year, month, day] = [m[1], m[2], m[3]];
  const problems: string[] = [];
  const edits: TextEdit[] = [];
  let certain = true;
  let onlySpaces = true;

  const y = yearDigits(year);
  const mo = monthDay(month);
  const d = monthDay(day);
  const arabic = ARABIC;
  if (!old) {
    if (!arabic.test(year) || !arabic.test(month) || !arabic.test(day)) problems.push(t('应使用阿拉伯数字'));
    else if (toAscii(year + month + day) !== year + month + day) problems.push(t('数字应为半角阿拉伯数字'));
  }
  if (y.length !== 4) {
    problems.push(t('年份应写全四位'));
    certain = false;
  }
  if (!old && ((arabic.test(month) && toAscii(month) !== mo && /^[0０]/.test(month)) || (arabic.test(day) && toAscii(day) !== d && /^[0０]/.test(day)))) {
    problems.push(t('月、日不编虚位（不加前导 0）'));
  }
  if (problems.length) onlySpaces = false;
  // An old document keeps its numerals: the fix only takes the spaces out.
  if (!old && y !== year) edits.push(joinedEdit(doc, block, at(1), at(1) + year.length, y));
  if (!old && mo !== month) edits.push(joinedEdit(doc, block, at(2), at(2) + month.length, mo));
  if (!old && d !== day) edits.push(joinedEdit(doc, block, at(3), at(3) + day.length, d));
  let spaces = 0;
  const end = index + m[0].length;
  for (let i = index; i < end; i++) {
    if (!SPACE.test(block.text[i])) continue;
    spaces++;
    edits.push(joinedEdit(doc, block, i, i + 1, ''));
  }
  if (spaces) problems.push(t('日期中不应有空格'));
  if (y.length === 4 && /^[0-9]+$/.test(mo + d) && !realDate(Number(y), Number(mo), Number(d))) {
    problems.push(t('不是真实存在的日期'));
    certain = false;
    onlySpaces = false;
  }
  if (problems.length === 0) return undefined;
  const written = m[0];
  const expected = old ? written.replace(/\s/g, '') : `${y}年${mo}月${d}日`;
  const label = printed ? t('印发日期') : t('成文日期');
  let message: string;
  if (old) {
    message = certain
      ? t('{0}“{1}”不规范：{2}。应写作“{3}”（文件日期早于 2012年7月1日，按 GB/T 9704-1999 检查）。', label, written, problems.join('；'), expected)
      : t('{0}“{1}”不规范：{2}（文件日期早于 2012年7月1日，按 GB/T 9704-1999 检查）。', label, written, problems.join('；'));
  } else {
    message = certain
      ? t('{0}“{1}”不规范：{2}。应写作“{3}”（GB/T 9704-2012 第7.3.5条）。', label, written, problems.join('；'), expected)
      : t('{0}“{1}”不规范：{2}（GB/T 9704-2012 第7.3.5条）。', label, written, problems.join('；'));
  }
  return {
    range: date.range,
    message,
    // Spaces alone are what PDF extraction leaves behind: worth knowing, not an error of the drafter.
    severity: onlySpaces ? 'information' : undefined,
    fixes: certain ? [{ title: t('改为“{0}”', expected), edits, preferred: true }] : [],
  };
}

export const dateFormat: Rule = {
  id: 'date-format',
  description: '成文日期、印发日期用阿拉伯数字写全年份，月日不编虚位，是真实日期',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const out: Finding[] = [];
    // The document's own date decides the edition: before 2012-07-01 GB/T 9704-1999 applied (dated.ts).
    const old = before9704_2012(doc);
    const dates: Array<[IssueDate | undefined, boolean]> = [[doc.notice.成文日期, false], [doc.notice.印发?.date, true]];
    for (const [date, printed] of dates) {
      if (!date) continue;
      const f = checkDate(doc, date, printed, old);
      if (f) out.push(f);
    }
    return out;
  },
};
