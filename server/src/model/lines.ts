/** Splitting the source into physical lines and telling page numbers from text (GB/T 9704 §7.5). */
import type { SourceLine } from './types';
import { isSpace } from './text';
import { firstIndex } from './search';

/** `— 12 —`, `— 10—`, `- 3 -`, `－ 4 －`: a page number left in the text by PDF extraction. */
const PAGE_NUMBER = /^[—–－-]{1,2} ?\d{1,4} ?[—–－-]{1,2}$/;

/** The lines of `text`, or of the part starting at the line start `from` and ending before the line start `until`. */
export function splitLines(text: string, from = 0, until = Infinity): SourceLine[] {
  const lines: SourceLine[] = [];
  const n = text.length;
  // Line breaks are found with the engine's own search (indexOf), many times faster than a loop over
  // every character; CR is rare, so its next position is looked up again only once passed.
  let nextLf = text.indexOf('\n', from);
  let nextCr = text.indexOf('\r', from);
  let start = from;
  for (;;) {
    if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
    const end = nextLf < 0 ? (nextCr < 0 ? n : nextCr) : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
    lines.push(classify(text, start, end));
    if (end >= n) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (start >= until) break;
  }
  return lines;
}

/** How the lines of a new version relate to the old ones (see `resplit`). */
export interface LineSplice {
  /** Old lines `[0, head)` are unchanged, the same objects at the same indices. */
  head: number;
  /** Old lines from `tail` on are unchanged in text, moved to index `i + lineDelta` and offset `+ delta`. */
  tail: number;
  lineDelta: number;
  delta: number;
}

/**
 * The lines of `text`, a new version of `before` whose lines were `old`: lines wholly before the
 * changed characters are the same objects, lines wholly after them are moved, and only the lines
 * in between are split again. Gives exactly what `splitLines(text)` gives, and where it changed
 * (undefined `splice` when it had to split everything). `known`: the unchanged ends when the
 * editor said where it changed the text (a smaller prefix or suffix is safe too).
 */
export function resplit(before: string, old: readonly SourceLine[], text: string, known?: UnchangedEnds): { lines: SourceLine[]; splice?: LineSplice } {
  const { prefix, suffix } = known ?? unchangedEnds(before, text);
  const delta = text.length - before.length;
  // A line is kept when its characters and the break after it are unchanged (a CRLF break is two).
  // (Both found by binary search: lines are in offset order, and a long document has tens of thousands.)
  const head = firstIndex(0, old.length, (i) => old[i].end + 2 > prefix);
  // A line after the change is kept when the break before it is unchanged too.
  const changedEnd = before.length - suffix;
  const tail = firstIndex(head, old.length, (i) => old[i].start - 1 >= changedEnd);
  const from = head < old.length ? old[head].start : before.length;
  const until = tail < old.length ? old[tail].start + delta : Infinity;
  const middle = splitLines(text, from, until);
  // The re-split part must end exactly where the kept lines begin; anything else is a full split.
  const last = middle[middle.length - 1];
  if (until !== Infinity && (!last || nextLineStart(text, last.end) !== until)) return { lines: splitLines(text) };
  const lines = old.slice(0, head);
  for (const l of middle) lines.push(l);
  for (let i = tail; i < old.length; i++) {
    const l = old[i];
    lines.push(delta === 0 ? l : { start: l.start + delta, end: l.end + delta, text: l.text, kind: l.kind });
  }
  return { lines, splice: { head, tail, lineDelta: head + middle.length - tail, delta } };
}

function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** How many characters at the start and at the end (not overlapping) two versions of a text share. */
export interface UnchangedEnds {
  prefix: number;
  suffix: number;
}

function unchangedEnds(a: string, b: string): UnchangedEnds {
  const n = Math.min(a.length, b.length);
  // Compare long pieces first: the engine compares strings natively, many times faster than a
  // character loop, and an edit usually leaves almost all of a long document alone.
  const piece = 2048;
  let prefix = 0;
  while (prefix + piece <= n && a.slice(prefix, prefix + piece) === b.slice(prefix, prefix + piece)) prefix += piece;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const la = a.length;
  const lb = b.length;
  let suffix = 0;
  while (suffix + piece <= n - prefix && a.slice(la - suffix - piece, la - suffix) === b.slice(lb - suffix - piece, lb - suffix)) suffix += piece;
  while (suffix < n - prefix && a.charCodeAt(la - 1 - suffix) === b.charCodeAt(lb - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

function classify(text: string, start: number, end: number): SourceLine {
  const raw = text.slice(start, end);
  let a = 0;
  let b = raw.length;
  while (a < b && isSpace(raw.charCodeAt(a))) a++;
  while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
  let kind: SourceLine['kind'] = 'text';
  if (a === b) kind = 'blank';
  else if (b - a <= 16 || raw.charCodeAt(a) === 42 /* * */) {
    // Short lines only: a page number (possibly in `**` bold marks) is a dozen characters at most.
    const core = raw.slice(a, b).replace(/^\*\*|\*\*$/g, '');
    if (core.length === 0) kind = 'blank';
    else if (core.length <= 12 && PAGE_NUMBER.test(core.replace(/\s+/g, ' '))) kind = 'page-number';
  }
  return { start, end, text: raw, kind };
}
