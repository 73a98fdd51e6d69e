/**
 * The document's own date, and which edition of the format standard was in force on it.
 *
 * GB/T 9704-2012 and the 党政机关公文处理工作条例 took effect on 2012-07-01. Before that,
 * GB/T 9704-1999 and the 国家行政机关公文处理办法 (2000) applied, under which the 成文日期 was
 * written in Chinese numerals (二〇〇七年三月二十九日). A rule whose requirement changed between the
 * editions asks `before9704_2012(doc)` and judges the document by the edition of its own date.
 *
 * This is the one place that reads where a document's date is printed; when the model learns more
 * places (the date at the end of an 意见, under the title in parentheses …) only `documentDate` changes.
 */
import type { GongwenDocument, IssueDate } from '../../model/types';
import { toAscii } from './joined';

/** Chinese numerals and the zeros drafters write for 〇, as digits. */
const HAN_DIGIT: Record<string, string> = {
  〇: '0', 零: '0', '○': '0', O: '0', Ｏ: '0', '0': '0', '０': '0',
  一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

const ARABIC = /^[0-9０-９]+$/;

/** 二〇二二 → 2022, 二ＯＯ八 → 2008 (digit by digit); Arabic digits to ASCII. */
export function yearDigits(s: string): string {
  return ARABIC.test(s) ? toAscii(s) : [...s].map((c) => HAN_DIGIT[c] ?? c).join('');
}

/** 七 → 7, 十二 → 12, 二十一 → 21; full-width digits to ASCII; leading zeros dropped. */
export function monthDay(s: string): string {
  if (ARABIC.test(s)) return String(Number(toAscii(s)));
  const ten = s.indexOf('十');
  if (ten < 0) return HAN_DIGIT[s] ?? s;
  const tens = ten === 0 ? 1 : Number(HAN_DIGIT[s[0]]);
  const units = ten === s.length - 1 ? 0 : Number(HAN_DIGIT[s[s.length - 1]]);
  return String(tens * 10 + units);
}

/** A calendar date as far as the document states it (a 文号 gives the year only). */
export interface DocumentDate {
  year: number;
  month?: number;
  day?: number;
  /** Where it was read. */
  source: '成文日期' | '印发日期' | '发文字号';
}

function fromIssueDate(date: IssueDate | undefined, source: DocumentDate['source']): DocumentDate | undefined {
  if (!date) return undefined;
  const year = Number(yearDigits(date.year.replace(/\s/g, '')));
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return undefined;
  const month = Number(monthDay(date.month.replace(/\s/g, '')));
  const day = Number(monthDay(date.day.replace(/\s/g, '')));
  return {
    year,
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : undefined,
    day: Number.isInteger(day) && day >= 1 && day <= 31 ? day : undefined,
    source,
  };
}

/** The document's date: its 成文日期, else the 印发日期 of the 版记, else the year of its 发文字号. */
export function documentDate(doc: GongwenDocument): DocumentDate | undefined {
  const issued = fromIssueDate(doc.notice.成文日期, '成文日期') ?? fromIssueDate(doc.notice.印发?.date, '印发日期');
  if (issued) return issued;
  const year = doc.notice.发文字号?.year;
  if (year && /^[0-9０-９]{4}$/.test(year)) {
    const y = Number(toAscii(year));
    if (y >= 1900 && y <= 2100) return { year: y, source: '发文字号' };
  }
  return undefined;
}

/** The day GB/T 9704-2012 and the 条例 took effect. */
export const GBT9704_2012_IN_FORCE = { year: 2012, month: 7, day: 1 } as const;

/**
 * True when the document is dated before 2012-07-01, so GB/T 9704-1999 applied. A document
 * with no date, or known only to be of 2012 (a 文号 year), is judged by the current edition.
 */
export function before9704_2012(doc: GongwenDocument): boolean {
  const date = documentDate(doc);
  if (!date) return false;
  if (date.year !== GBT9704_2012_IN_FORCE.year) return date.year < GBT9704_2012_IN_FORCE.year;
  return date.month !== undefined && date.month < GBT9704_2012_IN_FORCE.month;
}
