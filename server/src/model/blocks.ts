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
import { ORDER_LINE, isDateLine, isDocNumberLine } from './notice-lines';
import type { Layout, Reuse } from './reuse';
import type { LineSplice } from './lines';
import { DOCUMENT_KIND, titleCore } from './genre';
import { isAttachmentLabel, isAttendanceLine, isBoxTitle, isTocLine } from './shapes';
import type { Segment } from './tables';
import { isHeadMark } from './head-marks';

export interface ParsedBlock extends Block {
  /** Set when the block starts with a heading marker. */
  marker?: MarkerMatch;
  /** Offset (in `text`) where the heading title starts, after the marker. */
  titleStart?: number;
  /** Lines of a fixed shape; `keywords` is the 主题词 line of documents before 2012 (版记). */
  special?: 'date' | 'doc-number' | 'note' | 'cc' | 'printed' | 'keywords';
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

function lineInfo(l: SourceLine, index: number): LineInfo {
  const shape = lineShape(l.text);
  // Written out in full so that every LineInfo has one shape and the loop's property reads stay fast.
  return {
    line: index,
    cs: l.start + shape.cs,
    ce: l.start + shape.ce,
    content: shape.content,
    indented: shape.indented,
    cjk: shape.cjk,
    width: shape.width,
    marker: shape.marker,
    special: undefined,
  };
}

/** What a line's own text says about it; offsets relative to the line's start. */
function lineShape(text: string): Omit<LineInfo, 'line' | 'special'> {
  let cs = 0;
  let ce = text.length;
  let indent = 0;
  while (cs < ce && isSpace(text.charCodeAt(cs))) {
    indent += text.charCodeAt(cs) === 0x3000 ? 2 : 1;
    cs++;
  }
  while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
  if (text.startsWith('**', cs)) cs += 2;
  if (ce - cs >= 2 && text.startsWith('**', ce - 2)) ce -= 2;
  // Conversion debris before a paragraph (`@@  五、…`, a Markdown `## `): not the document's text.
  while (cs + 1 < ce && (text[cs] === '@' || text[cs] === '#') && text[cs + 1] === text[cs]) {
    const c = text[cs];
    while (cs < ce && text[cs] === c) cs++;
  }
  while (cs < ce && isSpace(text.charCodeAt(cs))) cs++;
  const content = text.slice(cs, ce);
  return {
    cs,
    ce,
    content,
    indented: indent >= 2,
    cjk: hasCjk(content),
    // Width as printed, indent included: a wrapped first line of a paragraph is full too.
    width: indent + displayWidth(content),
    marker: matchMarker(content.includes('[bookmark') ? content.replace(ARTEFACT, '') : content),
  };
}

/** How many long lines have each printed width: what `wrapWidth` decides from. */
function widthCounts(widths: Iterable<number>): Layout {
  const counts = new Map<number, number>();
  let long = 0;
  for (const w of widths) {
    if (w < 20) continue;
    long++;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return { counts, long, width: 0 };
}

/**
 * The printed line width when the text was wrapped by a PDF (most lines share one width),
 * or 0 when lines are paragraphs (Word export).
 */
function wrapWidth({ counts, long }: Layout): number {
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

const TITLE_END = /(通知|方案|意见|请示|的函|纪要|年[）)])$/;
/** `第52号` on its own line under `××人民政府令`: the 令号 ends the 版头 (GB/T 9704-2012 §10.2). */
const ORDER_SERIAL = /^[（(]?第[\s\u3000]*[0-9０-９一二三四五六七八九十百零〇]{1,6}[\s\u3000]*号[）)]?$/;

/**
 * A line that is a paragraph of its own, whatever surrounds it: a 专栏 title (its items follow), a
 * 目录 line (its entries follow), a 附件N label (an attachment's body follows, parts.ts); before the
 * first heading also a web page's own line and a 令's 版头 with its 令号.
 */
function standsAlone(content: string, seenHeading: boolean): boolean {
  if (isBoxTitle(content) || isTocLine(content) || isAttachmentLabel(content) || isAttendanceLine(content)) return true;
  return !seenHeading && (isChromeText(content) || ORDER_LINE.test(content) || isHeadMark(content));
}
/** `（2016-2020 年）` on its own line: the end of a plan title, not a 附注. */
const YEAR_RANGE_LINE = /^[（(] ?\d{4} ?[-—–~～－至] ?\d{4} ?年? ?[）)]$/;

/** A line as wide as the PDF's printed lines (a little short counts: justified text, a closing mark). */
function isFull(info: LineInfo, width: number): boolean {
  return width > 0 && info.width >= width - 4;
}

/** Where the joining loop stands: the lines of the block being built, and whether a heading was seen. */
interface LoopState {
  parts: LineInfo[];
  seenHeading: boolean;
}

/**
 * Decide for the next text line whether it starts a new block; settles its `special` and whether
 * its marker counts (both adjusted on `info`). The decision reads only `state` and the line.
 */
function startsBlock(state: LoopState, info: LineInfo, width: number): boolean {
  const { parts, seenHeading } = state;
  const prev = parts.length ? parts[parts.length - 1] : undefined;
  // By code: `content[length - 1]` made a new one-character string per line for a CJK character.
  const last = prev ? prev.content.charCodeAt(prev.content.length - 1) : NaN;
  const prevEnds = !!prev && (SENTENCE_END_CODES.has(last) || CLOSER_CODES.has(last));
  info.special = classifySpecial(info, seenHeading);

  // A marker counts as a heading where a new paragraph may begin.
  if (info.marker) {
    const prevIsHeadingLine = parts.length === 1 && !!parts[0].marker;
    const mayStart = !prev || prevEnds || info.indented || width === 0 || !isFull(prev, width) || prevIsHeadingLine || isBoxTitle(prev.content);
    if (!mayStart) info.marker = undefined;
  }
  const headingLineEnded =
    !!prev && !!parts[0].marker && parts.length === 1 && !parts[0].content.includes('。') && !(isFull(prev, width) && !SENTENCE_END_CODES.has(last));
  return (
    !prev ||
    !!info.marker ||
    standsAlone(info.content, seenHeading) ||
    (parts.length === 1 && standsAlone(parts[0].content, seenHeading)) ||
    (!seenHeading && ORDER_SERIAL.test(prev.content)) ||
    !!info.special ||
    (!!prev.special && prev.special !== 'cc') ||
    info.indented ||
    !info.cjk ||
    !prev.cjk ||
    (!!prev && SENTENCE_END_CODES.has(last)) ||
    headingLineEnded ||
    (!seenHeading && !insideTitleMarks(parts) && !YEAR_RANGE_LINE.test(info.content) && (TITLE_END.test(prev.content) || info.content.startsWith('关于'))) ||
    // The title of a further document issued at once (`进一步支持文化企业发展的规定`): a short line of its
    // own, not a printed line a PDF wrapped, that ends in a document kind.
    (seenHeading && parts.length <= 2 && !isFull(prev, width) && prev.content.length <= 40 && !/[，。；：,;:、]/.test(prev.content) && DOCUMENT_KIND.test(titleCore(prev.content)) && !insideTitleMarks(parts) && !YEAR_RANGE_LINE.test(info.content))
  );
}

export function buildBlocks(text: string, lines: SourceLine[], reuse?: Reuse, cells?: ReadonlyMap<number, Segment[]>): ParsedBlock[] {
  const infos: LineInfo[] = [];
  lines.forEach((l, i) => {
    if (l.kind === 'text') infos.push(lineInfo(l, i));
  });
  if (cells?.size) return withCells(text, lines, infos, cells, reuse);
  const layout = widthCounts(infos.map((i) => i.width));
  layout.width = wrapWidth(layout);
  reuse?.setLayout(layout);

  const blocks: ParsedBlock[] = [];
  const maps = new MapBuffer(mapChunk(text));
  const state: LoopState = { parts: [], seenHeading: false };
  for (const info of infos) {
    if (startsBlock(state, info, layout.width) && state.parts.length) {
      blocks.push(makeBlock(text, state.parts, lines, maps, reuse));
      state.parts = [];
    }
    if (info.marker) state.seenHeading = true;
    state.parts.push(info);
  }
  if (state.parts.length) blocks.push(makeBlock(text, state.parts, lines, maps, reuse));
  return blocks;
}

/**
 * The blocks of a document holding tables: the lines around the tables joined as usual (a table
 * ends the paragraph before it), every cell a block of its own. Always built whole (parse.ts).
 */
function withCells(text: string, lines: SourceLine[], infos: LineInfo[], cells: ReadonlyMap<number, Segment[]>, reuse?: Reuse): ParsedBlock[] {
  const layout = widthCounts(infos.filter((i) => !cells.has(i.line)).map((i) => i.width));
  layout.width = wrapWidth(layout);
  reuse?.setLayout(layout);
  const blocks: ParsedBlock[] = [];
  const maps = new MapBuffer(mapChunk(text));
  const state: LoopState = { parts: [], seenHeading: false };
  const flush = () => {
    if (state.parts.length) blocks.push(makeBlock(text, state.parts, lines, maps, reuse));
    state.parts = [];
  };
  for (const info of infos) {
    const segments = cells.get(info.line);
    if (segments) {
      flush();
      const start = lines[info.line].start;
      for (const [a, b] of segments) {
        if (b <= a) continue;
        const map = maps.take(b - a);
        for (let k = 0; k < b - a; k++) map[k] = a + k;
        blocks.push({ text: text.slice(start + a, start + b), map, start, firstLine: info.line, lastLine: info.line, cell: true });
      }
      continue;
    }
    if (startsBlock(state, info, layout.width)) flush();
    if (info.marker) state.seenHeading = true;
    state.parts.push(info);
  }
  flush();
  return blocks;
}

/**
 * The blocks of a new version, from the previous version's blocks and where its lines changed
 * (`splice`, from lines.ts `resplit`). The joining loop runs again only from the block before the
 * change until, past the change, it starts a block exactly where an old block started and in the
 * same state; from there the old blocks are moved, not rebuilt. Undefined when the printed line
 * width changed (every decision may differ): the caller builds all blocks again.
 * Gives exactly what `buildBlocks` gives (test/unit/incremental.test.ts).
 */
export function rebuildBlocks(text: string, lines: SourceLine[], old: readonly ParsedBlock[], oldLines: readonly SourceLine[], splice: LineSplice, previous: Reuse, reuse: Reuse): ParsedBlock[] | undefined {
  const { head, tail, lineDelta, delta } = splice;
  // The width, from the previous counts less the lines that went and plus the lines that came.
  const before = previous.layout();
  if (!before || old.length === 0) return undefined;
  const layout: Layout = { counts: new Map(before.counts), long: before.long, width: 0 };
  const count = (w: number, by: number) => {
    if (w < 20) return;
    layout.long += by;
    layout.counts.set(w, (layout.counts.get(w) ?? 0) + by);
  };
  for (let i = head; i < tail; i++) if (oldLines[i].kind === 'text') count(lineShape(oldLines[i].text).width, -1);
  for (let i = head; i < tail + lineDelta; i++) if (lines[i].kind === 'text') count(lineShape(lines[i].text).width, 1);
  for (const [w, c] of layout.counts) if (c === 0) layout.counts.delete(w);
  layout.width = wrapWidth(layout);
  if (layout.width !== before.width) return undefined;
  reuse.setLayout(layout);

  // Restart at the block before the first one the change touches; the blocks before it stand.
  let touched = old.findIndex((b) => b.lastLine >= head);
  if (touched < 0) touched = old.length;
  const restart = Math.max(0, touched - 1);
  const blocks: ParsedBlock[] = [];
  for (let k = 0; k < restart; k++) blocks.push(kept(old[k], previous, reuse));
  const firstMarker = old.findIndex((b) => !!b.marker);
  const seenBefore = (k: number) => firstMarker >= 0 && firstMarker < k;
  // The loop's state just before the restart block's first line: the lines of the block before it.
  const state: LoopState = { parts: restart > 0 ? partsOf(old[restart - 1], lines) : [], seenHeading: seenBefore(restart) };
  let pendingIsKept = restart > 0; // those parts are a block already in `blocks`
  const firstLine = restart > 0 ? old[restart].firstLine : 0;
  const maps = new MapBuffer(1 << 10); // the few blocks around the change
  const byFirstLine = new Map<number, number>();
  for (let k = restart; k < old.length; k++) byFirstLine.set(old[k].firstLine, k);

  for (let x = firstLine; x < lines.length; x++) {
    if (lines[x].kind !== 'text') continue;
    const info = lineInfo(lines[x], x);
    const wasSeen = state.seenHeading;
    const starts = startsBlock(state, info, layout.width);
    // The restart block's first line is unchanged and so is the state before it: it must start a block.
    if (pendingIsKept && !starts) return undefined;
    if (starts && state.parts.length) {
      if (!pendingIsKept) blocks.push(makeBlock(text, state.parts, lines, maps, reuse));
      pendingIsKept = false;
      state.parts = [];
      // Past the change, at the start of an old block, in the state the old loop was in: the rest is as before.
      const k = x >= tail + lineDelta ? byFirstLine.get(x - lineDelta) : undefined;
      if (k !== undefined && sameStart(old[k], info) && (wasSeen || !!info.marker) === (seenBefore(k) || !!info.marker)) {
        for (let j = k; j < old.length; j++) blocks.push(moved(old[j], delta, lineDelta, previous, reuse));
        return blocks;
      }
    }
    if (info.marker) state.seenHeading = true;
    state.parts.push(info);
  }
  if (state.parts.length && !pendingIsKept) blocks.push(makeBlock(text, state.parts, lines, maps, reuse));
  return blocks;
}

/** The loop's parts for an old block, as the loop held them: only the first line keeps a marker or a special. */
function partsOf(block: ParsedBlock, lines: SourceLine[]): LineInfo[] {
  const parts: LineInfo[] = [];
  for (let i = block.firstLine; i <= block.lastLine; i++) {
    if (lines[i].kind !== 'text') continue;
    const info = lineInfo(lines[i], i);
    info.marker = parts.length ? undefined : block.marker;
    info.special = parts.length ? undefined : block.special;
    parts.push(info);
  }
  return parts;
}

function sameStart(block: ParsedBlock, info: LineInfo): boolean {
  const a = block.marker;
  const b = info.marker;
  const sameMarker = a === b || (!!a && !!b && a.kind === b.kind && a.marker === b.marker && a.number === b.number && a.length === b.length);
  return sameMarker && block.special === info.special;
}

/** An old block the change did not reach, the same object, with what was kept for it. */
function kept(block: ParsedBlock, previous: Reuse, reuse: Reuse): ParsedBlock {
  const entry = previous.entryOf(block);
  if (entry) reuse.remember(block, entry);
  return block;
}

/** An old block after the change: same text and map, moved by the change's length and lines. */
function moved(block: ParsedBlock, delta: number, lineDelta: number, previous: Reuse, reuse: Reuse): ParsedBlock {
  if (delta === 0 && lineDelta === 0) return kept(block, previous, reuse);
  const next: ParsedBlock = { ...block, start: block.start + delta, firstLine: block.firstLine + lineDelta, lastLine: block.lastLine + lineDelta };
  const entry = previous.entryOf(block);
  if (entry) reuse.remember(next, entry);
  return next;
}

const SENTENCE_END_CODES = new Set([...SENTENCE_END].map((c) => c.charCodeAt(0)));
const CLOSER_CODES = new Set([...CLOSERS].map((c) => c.charCodeAt(0)));

/** True while a 《 opened in the block has not been closed: a cited title never ends a block. */
function insideTitleMarks(parts: LineInfo[]): boolean {
  let depth = 0;
  for (const p of parts) {
    const s = p.content;
    // Most lines hold neither mark: one native search each, no string per character (allocation profile, issue #18).
    if (!s.includes('《') && !s.includes('》')) continue;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      depth += c === 0x300a ? 1 : c === 0x300b ? -1 : 0;
    }
  }
  return depth > 0;
}

/** Module constants, not literals in `classifySpecial`: a literal makes a new RegExp object at every line. */
const KEYWORDS_LINE = /^主题词\s*[:：]/;
const PRINTED_LINE = /\d\s*日\s*印发$/;

function classifySpecial(info: LineInfo, seenHeading: boolean): ParsedBlock['special'] {
  const c = info.content;
  if (c.startsWith('抄送')) return 'cc';
  if (c.startsWith('主题词') && KEYWORDS_LINE.test(c)) return 'keywords';
  if (isDateLine(c)) return 'date';
  if (seenHeading) {
    if (c.length <= 60 && c.endsWith('印发') && PRINTED_LINE.test(c)) return 'printed';
    return undefined;
  }
  if (isDocNumberLine(c)) return 'doc-number';
  if (isNoteText(c)) return 'note';
  return undefined;
}

/**
 * A line of the web page around a published document (breadcrumbs, the metadata table: 索引号,
 * 发布机构, 发文日期 …): not part of the 公文, never its title, 主送 or 版头. Such a line stands alone.
 */
const CHROME = /(作者[:：]|来源[:：]|时间[:：]\s*\d{4}-|索引号|组配分类|信息分类|发布机构|生成日期|发文日期|生效时间|废止时间|信息来源|浏览次数|内容概述|主题分类|发布日期|归档时间|当前位置|您所在的位置|您的位置|首页\s*[>＞»\-]|字号[:：]|视力保护色|浏览量|文件标题[:：]|公文目录|繁体中文|打印本页|关闭窗口|下载地址|点击此处)/;

export function isChromeText(c: string): boolean {
  return c.length <= 300 && CHROME.test(c);
}

/** `（此件公开发布）`, `（联系电话：…）`: a 附注 line (GB/T 9704-2012 §7.3.6), not a plan title's year range. */
export function isNoteText(c: string): boolean {
  return c.length <= 40 && /^[（(][^（()）]{2,36}[）)]$/.test(c) && !YEAR_RANGE_LINE.test(c);
}

/** A block map holds one offset per character joined, so a document's maps never need more than its length: a seed-sized file takes a buffer of its size, not 256 KB zero-filled. */
const mapChunk = (text: string) => Math.max(1 << 10, Math.min(1 << 16, text.length + 1));

/**
 * The maps of many blocks cut from a few large buffers: allocating thousands of small typed arrays
 * (one per paragraph) costs more than filling them. A buffer lives while any block's map is in it.
 */
class MapBuffer {
  private buffer = new Int32Array(0);
  private used = 0;

  constructor(private readonly chunk: number) {}

  take(n: number): Int32Array {
    if (this.used + n > this.buffer.length) {
      this.buffer = new Int32Array(Math.max(n, this.chunk));
      this.used = 0;
    }
    const out = this.buffer.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }
}

function makeBlock(text: string, parts: LineInfo[], lines: SourceLine[], maps: MapBuffer, reuse?: Reuse): ParsedBlock {
  const first = parts[0];
  let joined: { text: string; map: Int32Array };
  if (reuse) {
    const entry = reuse.newEntry(joinParts(text, parts, lines[first.line].start, maps));
    joined = entry;
    const block = blockOf(joined, parts, lines);
    reuse.remember(block, entry);
    return block;
  }
  joined = joinParts(text, parts, lines[first.line].start, maps);
  return blockOf(joined, parts, lines);
}

function blockOf(joined: { text: string; map: Int32Array }, parts: LineInfo[], lines: SourceLine[]): ParsedBlock {
  const first = parts[0];
  const block: ParsedBlock = {
    text: joined.text,
    map: joined.map,
    start: lines[first.line].start,
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

/** The parts' text joined without line breaks, and for each character its offset in `text` from `start`. */
function joinParts(text: string, parts: LineInfo[], start: number, maps: MapBuffer): { text: string; map: Int32Array } {
  let joined = '';
  // Room for every character of the parts; artefacts only make it shorter.
  const map = maps.take(parts.reduce((n, p) => n + (p.ce - p.cs), 0));
  let length = 0;
  for (const p of parts) {
    const raw = text.slice(p.cs, p.ce);
    if (!raw.includes('[bookmark')) {
      // The usual line: no Word artefact, every character kept (and no regex run or ranges made for it).
      joined += raw;
      for (let k = 0, base = p.cs - start; k < raw.length; k++) map[length++] = base + k;
      continue;
    }
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
      for (let k = a; k < b; k++) map[length++] = p.cs - start + k;
    }
  }
  return { text: joined, map: map.subarray(0, length) };
}

/** Original offsets of the joined range [from, to) of a block. */
export function blockOffsets(block: Block, from: number, to: number): [number, number] {
  if (block.map.length === 0) return [0, 0];
  const a = block.start + block.map[Math.min(from, block.map.length - 1)];
  const b = to <= 0 ? a : block.start + block.map[Math.min(to, block.map.length) - 1] + 1;
  return [a, Math.max(a, b)];
}
