/**
 * Edits and ranges for pieces of a block's joined text. A block joins lines the PDF wrapped, so a
 * joined index is turned back into the user's real characters through `Block.map`; an edit built
 * here replaces only the characters it names and never removes a line break the user kept.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Block, GongwenDocument } from '../../model/types';
import { firstIndex } from '../../model/search';

/** LSP position of an original offset (lines are the parser's physical lines). */
export function positionAt(doc: GongwenDocument, offset: number): Position {
  const lines = doc.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - (lines[lo]?.start ?? 0) };
}

export function offsetAt(doc: GongwenDocument, pos: Position): number {
  const line = doc.lines[pos.line];
  return line ? line.start + pos.character : doc.text.length;
}

/** Original range of the joined characters `[from, to)` of a block. */
export function joinedRange(doc: GongwenDocument, block: Block, from: number, to: number): Range {
  const a = block.start + block.map[from];
  const b = to > from ? block.start + block.map[to - 1] + 1 : a;
  return { start: positionAt(doc, a), end: positionAt(doc, b) };
}

/** Replace the joined characters `[from, to)`; each character keeps its own place in the original. */
export function joinedEdit(doc: GongwenDocument, block: Block, from: number, to: number, newText: string): TextEdit {
  return { range: joinedRange(doc, block, from, to), newText };
}

/** Insert before the joined character `at` (or after the last one when `at` is the text's length). */
export function joinedInsert(doc: GongwenDocument, block: Block, at: number, newText: string): TextEdit {
  const offset = block.start + (at < block.map.length ? block.map[at] : block.map[block.map.length - 1] + 1);
  const p = positionAt(doc, offset);
  return { range: { start: p, end: p }, newText };
}

/** The block whose joined text holds the start of `range`, and the joined index of that start. */
export function locate(doc: GongwenDocument, range: Range): { block: Block; index: number } | undefined {
  const offset = offsetAt(doc, range.start);
  const line = range.start.line;
  // Blocks are in line order and share no line: the last one starting at or before the line is the
  // only candidate (a binary search — rules call this for every citation and unit of a long document).
  const block = doc.blocks[firstIndex(0, doc.blocks.length, (i) => doc.blocks[i].firstLine > line) - 1];
  if (!block || line < block.firstLine || line > block.lastLine) return undefined;
  const map = block.map;
  const relative = offset - block.start;
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] === relative) return { block, index: mid };
    if (map[mid] < relative) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Whitespace inside a line as PDF and Word extraction leave it (ASCII, NBSP, ideographic space). */
export const SPACE = /[ \t\u00a0\u3000]/;

/** CJK ideograph (and 〇). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** Full-width Chinese punctuation (，。；：？！、（）《》“”…—). */
export function isChinesePunctuation(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[，。；：？！、（）《》〈〉“”‘’…—〔〕【】]/.test(ch);
}

/** True when joined index `i` lies in a URL or e-mail address (a run of printable ASCII with `://`, `www.` or `@`). */
export function inUrl(text: string, i: number): boolean {
  let a = i;
  let b = i;
  const ascii = (ch: string) => ch > ' ' && ch <= '~';
  while (a > 0 && i - a < 200 && ascii(text[a - 1])) a--;
  while (b < text.length && b - i < 200 && ascii(text[b])) b++;
  const token = text.slice(a, b);
  return /:\/\/|^www\.|@[A-Za-z0-9-]{1,63}\./i.test(token);
}

/** Full-width digits to ASCII. */
export function toAscii(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

/** The block and the joined characters `[from, to)` whose original range is `range`; undefined when it is not one piece of a block. */
export function locateRange(doc: GongwenDocument, range: Range): { block: Block; from: number; to: number } | undefined {
  const start = locate(doc, range);
  if (!start) return undefined;
  const end = offsetAt(doc, range.end) - start.block.start; // relative, as the map is
  const map = start.block.map;
  if (end <= map[start.index]) return { block: start.block, from: start.index, to: start.index };
  for (let k = start.index; k < map.length; k++) {
    if (map[k] + 1 === end) return { block: start.block, from: start.index, to: k + 1 };
    if (map[k] >= end) break;
  }
  return undefined;
}

/**
 * Replace the joined characters `[from, to)` by `newText` as ONE edit that keeps whatever stands
 * between them in the original: a line break the PDF put into a name, the blank lines and a
 * `— 12 —` page-number line stay where they are. The common start and end of the old and new
 * text are left alone; the differing middle is written piece by piece into the original pieces
 * (runs of characters that were adjacent in the original), a longer or shorter new text taking or
 * giving up its extra characters in the last piece. One edit, so a fix is applied whole or not at
 * all when certain edits are merged (`disjointEdits` drops an overlapping edit, not a whole fix).
 */
export function joinedReplace(doc: GongwenDocument, block: Block, from: number, to: number, newText: string): TextEdit {
  const map = block.map;
  const base = block.start; // map entries count from here
  const old = block.text.slice(from, to);
  let p = 0;
  const limit = Math.min(old.length, newText.length);
  while (p < limit && old[p] === newText[p]) p++;
  let s = 0;
  while (s < limit - p && old[old.length - 1 - s] === newText[newText.length - 1 - s]) s++;
  const a = from + p;
  const b = to - s;
  const middle = newText.slice(p, newText.length - s);
  if (a >= b) {
    // Nothing of the old text goes: an insertion after the kept start (before the kept end when there is no start).
    const offset = base + (p > 0 ? map[a - 1] + 1 : from < map.length ? map[from] : (map[map.length - 1] ?? -1) + 1);
    const pos = positionAt(doc, offset);
    return { range: { start: pos, end: pos }, newText: middle };
  }
  // Pieces of the old middle: runs of joined characters adjacent in the original.
  const pieces: Array<[number, number]> = [];
  let start = a;
  for (let k = a + 1; k <= b; k++) {
    if (k === b || map[k] !== map[k - 1] + 1) {
      pieces.push([start, k]);
      start = k;
    }
  }
  let out = '';
  let used = 0;
  pieces.forEach(([x, y], i) => {
    const last = i === pieces.length - 1;
    const take = last ? middle.length - used : Math.min(y - x, middle.length - used);
    out += middle.slice(used, used + take);
    used += take;
    if (!last) out += doc.text.slice(base + map[y - 1] + 1, base + map[pieces[i + 1][0]]);
  });
  return { range: { start: positionAt(doc, base + map[a]), end: positionAt(doc, base + map[b - 1] + 1) }, newText: out };
}
