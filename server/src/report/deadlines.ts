/**
 * Deadlines a plan sets for the plans below it: `各区市于2021年12月31日前制定实施方案`,
 * `各县（市、区）要在2022年6月底前出台具体实施方案`. Scanned block by block with bounded patterns. Pure.
 */
import type { GongwenDocument, Range } from '../model/types';

export interface Deadline {
  /** YYYY-MM-DD; a month without a day (6月底前) is its last day. */
  date: string;
  /** The sentence as written, for the report. */
  text: string;
  range: Range;
}

/** 于/在 + date + 前, then within a clause a verb of making and the kind of document. */
const DEADLINE = /(?:于|在)\s?([0-9０-９]{4})\s?年\s?([0-9０-９]{1,2})\s?月\s?(?:([0-9０-９]{1,2})\s?日|底|末)?\s?(?:之)?前[^。；]{0,24}?(?:制定|制订|出台|印发|研究制定|编制)[^。；]{0,16}?(?:实施方案|工作方案|方案|实施意见|实施细则|具体措施)/g;
const LOWER = /各(?:区市|县市区|县（市、区）|区（市）|市（区）|县区|区县|市|县|区|镇|街道|乡镇)/;

const ascii = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function statedDeadlines(doc: GongwenDocument): Deadline[] {
  const out: Deadline[] = [];
  for (const block of doc.blocks) {
    for (const m of block.text.matchAll(DEADLINE)) {
      const at = m.index!;
      // Only a deadline for the plans of lower governments: 各区市, 各县（市、区） … in the same sentence.
      const sentenceStart = Math.max(block.text.lastIndexOf('。', at) + 1, at - 40);
      if (!LOWER.test(block.text.slice(sentenceStart, at))) continue;
      const year = Number(ascii(m[1]));
      const month = Number(ascii(m[2]));
      if (month < 1 || month > 12) continue;
      const day = m[3] ? Number(ascii(m[3])) : lastDay(year, month);
      if (day < 1 || day > lastDay(year, month)) continue;
      const startOffset = block.start + block.map[sentenceStart];
      const endOffset = block.start + block.map[at + m[0].length - 1] + 1;
      out.push({
        date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        text: block.text.slice(sentenceStart, at + m[0].length),
        range: { start: positionAt(doc, startOffset), end: positionAt(doc, endOffset) },
      });
    }
  }
  return out;
}

function positionAt(doc: GongwenDocument, offset: number): Range['start'] {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - (doc.lines[lo]?.start ?? 0) };
}

/** The 成文日期 as YYYY-MM-DD (else the 印发 date), when it is a real date. */
export function issuedDate(doc: GongwenDocument): string | undefined {
  for (const d of [doc.notice.成文日期, doc.notice.印发?.date]) {
    if (!d) continue;
    const year = Number(ascii(d.year.replace(/\s+/g, '')));
    const month = Number(ascii(d.month.replace(/\s+/g, '')));
    const day = Number(ascii(d.day.replace(/\s+/g, '')));
    if (year >= 1949 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month)) {
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  return undefined;
}
