/**
 * Joining physical lines into logical paragraphs (blocks).
 *
 * PDF-extracted text breaks sentences at the end of every printed line, often with a blank
 * line between, and drops `— 12 —` page numbers in the middle of a sentence. A block ends
 * where the text says so: a sentence-final mark at the end of a line, a heading marker, an
 * indented line, a date or 文号 line. The join never copies text: `map` keeps, for each
 * character of the joined text, its offset in the original.
 */
import type { Block, SourceLine } from './types';
import { matchMarker, type MarkerMatch } from './markers';
import { CLOSERS, SENTENCE_END, displayWidth, hasCjk, isSpace } from './text';
import { isDateLine, isDocNumberLine } from './notice-lines';

export interface ParsedBlock extends Block {
  /** Set when the block starts with a heading marker. */
  marker?: MarkerMatch;
  /** Offset (in `text`) where the heading title starts, after the marker. */
  titleStart?: number;
  special?: 'date' | 'doc-number' | 'note' | 'cc' | 'printed';
}

interface LineInfo {
  line: number;
  /** Content bounds in the original text, indents and `**` removed. */
  cs: number;
  ce: number;
  content: string;
  indented: boolean;
  cjk: boolean;
  width: number;
  marker?: MarkerMatch;
  special?: ParsedBlock['special'];
}

/** `[bookmark: _GoBack]` and similar Word artefacts; skipped when joining. */
const ARTEFACT = /\[bookmark: ?[^\]\n]{0,40}\]/g;

function lineInfo(text: string, l: SourceLine, index: number): LineInfo {
  let cs = l.start;
  let ce = l.end;
  let indent = 0;
  while (cs < ce && isSpace(text.charCodeAt(cs))) {
    indent += text.charCodeAt(cs) === 0x3000 ? 2 : 1;
    cs++;
  }
  while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
  if (text.startsWith('**', cs)) cs += 2;
  if (ce - cs >= 2 && text.startsWith('**', ce - 2)) ce -= 2;
  while (cs < ce && isSpace(text.charCodeAt(cs))) cs++;
  const content = text.slice(cs, ce);
  return {
    line: index,
    cs,
    ce,
    content,
    indented: indent >= 2,
    cjk: hasCjk(content),
    // Width as printed, indent included: a wrapped first line of a paragraph is full too.
    width: indent + displayWidth(content),
    marker: matchMarker(content.replace(ARTEFACT, '')),
  };
}

/**
 * The printed line width when the text was wrapped by a PDF (most lines share one width),
 * or 0 when lines are paragraphs (Word export).
 */
function wrapWidth(infos: LineInfo[]): number {
  const counts = new Map<number, number>();
  let long = 0;
  for (const i of infos) {
    if (i.width < 20) continue;
    long++;
    counts.set(i.width, (counts.get(i.width) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of counts) {
    const near = c + (counts.get(w - 1) ?? 0) + (counts.get(w - 2) ?? 0);
    if (near > bestCount || (near === bestCount && w > best)) {
      best = w;
      bestCount = near;
    }
  }
  return bestCount >= 5 && bestCount >= long * 0.2 ? best : 0;
}

const TITLE_END = /(通知|方案|意见|年[）)])$/;
/** `（2016-2020 年）` on its own line: the end of a plan title, not a 附注. */
const YEAR_RANGE_LINE = /^[（(] ?\d{4} ?[-—–~～－至] ?\d{4} ?年? ?[）)]$/;

export function buildBlocks(text: string, lines: SourceLine[]): ParsedBlock[] {
  const infos: LineInfo[] = [];
  lines.forEach((l, i) => {
    if (l.kind === 'text') infos.push(lineInfo(text, l, i));
  });
  const width = wrapWidth(infos);
  const isFull = (i: LineInfo) => width > 0 && i.width >= width - 4;

  const blocks: ParsedBlock[] = [];
  let parts: LineInfo[] = [];
  let seenHeading = false;
  const flush = () => {
    if (parts.length) blocks.push(makeBlock(text, parts));
    parts = [];
  };

  for (const info of infos) {
    const prev = parts.length ? parts[parts.length - 1] : undefined;
    const last = prev ? prev.content[prev.content.length - 1] : '';
    const prevEnds = !!prev && (SENTENCE_END.has(last) || CLOSERS.has(last));
    info.special = classifySpecial(info, seenHeading);

    // A marker counts as a heading where a new paragraph may begin.
    if (info.marker) {
      const prevIsHeadingLine = parts.length === 1 && !!parts[0].marker;
      const mayStart = !prev || prevEnds || info.indented || width === 0 || !isFull(prev) || prevIsHeadingLine;
      if (!mayStart) info.marker = undefined;
    }
    const headingLineEnded =
      !!prev && !!parts[0].marker && parts.length === 1 && !parts[0].content.includes('。') && !(isFull(prev) && !SENTENCE_END.has(last));
    const breakHere =
      !prev ||
      !!info.marker ||
      !!info.special ||
      (!!prev.special && prev.special !== 'cc') ||
      info.indented ||
      !info.cjk ||
      !prev.cjk ||
      (!!prev && SENTENCE_END.has(last)) ||
      headingLineEnded ||
      (!seenHeading && !insideTitleMarks(parts) && !YEAR_RANGE_LINE.test(info.content) && (TITLE_END.test(prev.content) || info.content.startsWith('关于')));
    if (breakHere) flush();
    if (info.marker) seenHeading = true;
    parts.push(info);
  }
  flush();
  return blocks;
}

/** True while a 《 opened in the block has not been closed: a cited title never ends a block. */
function insideTitleMarks(parts: LineInfo[]): boolean {
  let depth = 0;
  for (const p of parts) for (const ch of p.content) depth += ch === '《' ? 1 : ch === '》' ? -1 : 0;
  return depth > 0;
}

function classifySpecial(info: LineInfo, seenHeading: boolean): ParsedBlock['special'] {
  const c = info.content;
  if (c.startsWith('抄送')) return 'cc';
  if (isDateLine(c)) return 'date';
  if (seenHeading) {
    if (c.length <= 60 && /印发$/.test(c) && /\d\s*日\s*印发$/.test(c)) return 'printed';
    return undefined;
  }
  if (isDocNumberLine(c)) return 'doc-number';
  if (c.length <= 40 && /^[（(][^（()）]{2,36}[）)]$/.test(c) && !YEAR_RANGE_LINE.test(c)) return 'note';
  return undefined;
}

function makeBlock(text: string, parts: LineInfo[]): ParsedBlock {
  let joined = '';
  // One typed array sized for every character of the parts; artefacts only make it shorter.
  const map = new Int32Array(parts.reduce((n, p) => n + (p.ce - p.cs), 0));
  let length = 0;
  for (const p of parts) {
    const raw = text.slice(p.cs, p.ce);
    // Skip Word artefacts while keeping every other character's original offset.
    let from = 0;
    ARTEFACT.lastIndex = 0;
    let m: RegExpExecArray | null;
    const keep: Array<[number, number]> = [];
    while ((m = ARTEFACT.exec(raw))) {
      keep.push([from, m.index]);
      from = m.index + m[0].length;
    }
    keep.push([from, raw.length]);
    for (const [a, b] of keep) {
      joined += raw.slice(a, b);
      for (let k = a; k < b; k++) map[length++] = p.cs + k;
    }
  }
  const first = parts[0];
  const block: ParsedBlock = {
    text: joined,
    map: map.subarray(0, length),
    firstLine: first.line,
    lastLine: parts[parts.length - 1].line,
  };
  if (first.marker) {
    block.marker = first.marker;
    block.titleStart = first.marker.length;
  }
  if (first.special) block.special = first.special;
  return block;
}

/** Original offsets of the joined range [from, to) of a block. */
export function blockOffsets(block: Block, from: number, to: number): [number, number] {
  if (block.map.length === 0) return [0, 0];
  const a = block.map[Math.min(from, block.map.length - 1)];
  const b = to <= 0 ? a : block.map[Math.min(to, block.map.length) - 1] + 1;
  return [a, Math.max(a, b)];
}
