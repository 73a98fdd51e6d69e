/** Splitting the source into physical lines and telling page numbers from text (GB/T 9704 §7.5). */
import type { SourceLine } from './types';
import { isSpace } from './text';

/** `— 12 —`, `— 10—`, `- 3 -`, `－ 4 －`: a page number left in the text by PDF extraction. */
const PAGE_NUMBER = /^[—–－-]{1,2} ?\d{1,4} ?[—–－-]{1,2}$/;

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      lines.push(classify(text, start, i));
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

function classify(text: string, start: number, end: number): SourceLine {
  const raw = text.slice(start, end);
  let a = 0;
  let b = raw.length;
  while (a < b && isSpace(raw.charCodeAt(a))) a++;
  while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
  const core = raw.slice(a, b).replace(/^\*\*|\*\*$/g, '');
  let kind: SourceLine['kind'] = 'text';
  if (core.length === 0) kind = 'blank';
  else if (core.length <= 12 && PAGE_NUMBER.test(core.replace(/\s+/g, ' '))) kind = 'page-number';
  return { start, end, text: raw, kind };
}
