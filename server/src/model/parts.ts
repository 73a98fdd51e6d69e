/**
 * The documents inside a file after its covering document — issued plans, forwarded documents,
 * 附件 bodies — and, within each, which numbered paragraphs are headings. A numbered list after a
 * lead-in (`重大事件包括：` 1. 2. 3.), the items of a 专栏 box, the 附件说明 list and a 目录 are not
 * headings: they restart freely and are not compared with the numbering around them.
 */
import type { ParsedBlock } from './blocks';
import { matchMarker, type MarkerMatch } from './markers';
import { rankOf, type MarkerKind } from './types';
import { SENTENCE_END, hasCjk } from './text';
import { DOCUMENT_KIND, titleCore } from './genre';
import { isDocNumberLine } from './notice-lines';
import { asciiDigits } from './numbering';
import { isAttachmentLabel, isBoxTitle, isTocLine, withoutPage } from './shapes';

/** `附件1：某某申请表` on one line, after the covering document. */
const LABEL_WITH_TITLE = /^附件[0-9０-９一二三四五六七八九十]{1,3}[:：]?(.{2,60})$/;
const squeeze = (s: string) => s.replace(/[\s\u3000*]+/g, '');


const endsSentence = (t: string) => SENTENCE_END.has(t[t.length - 1]) || /[，、,]$/.test(t);

/** A line that may be a title: short, no sentence end, some CJK, no marker or fixed shape. */
function titleLike(b: ParsedBlock): boolean {
  return !b.marker && !b.special && hasCjk(b.text) && b.text.length <= 80 && !endsSentence(b.text);
}

/**
 * The title of another document starting at block `i`: a title-like line ending in a document
 * kind (办法, 实施方案, 报告 …), followed by what starts a document (a heading, a 文号, a 主送,
 * a paragraph of text or a 目录).
 */
export function isPartTitle(blocks: readonly ParsedBlock[], i: number): boolean {
  const b = blocks[i];
  if (!titleLike(b) || b.text.length < 4) return false;
  if (/^(根据|按照|为了?|经|现将|请|各|附件|专栏|注[:：])/.test(b.text)) return false;
  if (!DOCUMENT_KIND.test(titleCore(b.text))) return false;
  const next = blocks[i + 1];
  if (!next) return false;
  return (
    !!next.marker ||
    next.special === 'doc-number' ||
    isDocNumberLine(next.text) ||
    /[：:]$/.test(next.text) ||
    next.text.length >= 30 ||
    isTocLine(next.text)
  );
}

export interface RawPart {
  kind: 'issued' | 'forwarded' | 'attachment';
  start: number;
  end: number;
  titleAt: number;
  labelAt: number;
}

/**
 * Splits blocks [from, to) — what follows the covering document — into parts. `firstKind` is what
 * the cover carries: an issued or forwarded document, or (a cover that carries none) attachments.
 */
export function splitParts(blocks: readonly ParsedBlock[], from: number, to: number, firstKind: RawPart['kind']): RawPart[] {
  const parts: RawPart[] = [];
  if (from >= to) return parts;
  let cur: RawPart = { kind: firstKind, start: from, end: to, titleAt: -1, labelAt: -1 };
  const open = (kind: RawPart['kind'], start: number) => {
    if (start > cur.start) {
      parts.push({ ...cur, end: start });
      cur = { kind, start, end: to, titleAt: -1, labelAt: -1 };
    } else cur.kind = kind;
  };
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b.cell) continue; // a table's cell is never a label or a title (tables.ts)
    // Squeezed only where the label can be (it starts with 附件): squeezing every block was ~5 % of a seed's parse.
    const inline = !b.marker && !endsSentence(b.text) && b.text.includes('附') ? LABEL_WITH_TITLE.exec(squeeze(b.text)) : null;
    if (!b.marker && (isAttachmentLabel(b.text) || inline)) {
      // `附件` right above the first issued plan labels that plan; elsewhere it starts an attachment.
      const labelsFirst = i === from && firstKind !== 'attachment';
      if (!labelsFirst) open('attachment', i);
      cur.labelAt = i;
      if (inline) cur.titleAt = i;
      continue;
    }
    const atStart = i === cur.start || (cur.labelAt === i - 1 && cur.titleAt < 0);
    if (cur.titleAt < 0 && atStart && titleLike(b)) {
      cur.titleAt = i;
      continue;
    }
    if (cur.kind !== 'attachment' && i > cur.start && isPartTitle(blocks, i)) {
      open(cur.kind, i);
      cur.titleAt = i;
    }
  }
  parts.push(cur);
  return parts;
}

export interface HeadingItem {
  index: number;
  marker: MarkerMatch;
  /** Where in the block's text the marker stands (a 第一条 run into its 第一章 line); 0 by default. */
  offset?: number;
  /** Where the heading's text ends, when another heading follows in the same block. */
  end?: number;
}

/**
 * `第一章　总则　　第一条　为…`, `1、总　则　　1.1　编制目的`: web copies run the first heading of a
 * chapter or a 预案's first level into its line.
 */
const RUN_IN = /^(.{1,30}?)[\s\u3000]+(?=第[一二三四五六七八九十百零〇]{1,6}条|[0-9０-９]{1,2}[.．][0-9０-９])/;

const norm = (s: string) => s.replace(/[\s\u3000、.．]+/g, '');
const LIST_KINDS: ReadonlySet<MarkerKind> = new Set(['arabic', 'paren-arabic']);
/** `附件：1．…` (附件说明, GB/T 9704-2012 §7.3.4), `注：1．…` under a form: the list's first item. */
const NOTE_LIST = /(?:^|[^\u4e00-\u9fff])?(附件|注|说明|备注)[:：][0-9０-９]{1,2}[.．、](?![0-9０-９])/;
const NOTES_TITLE = /^(填写说明|填表说明|说明|注|备注|注释)[:：]?$/;
/** What a block needs for NOTE_LIST, NOTES_TITLE or a closing colon: a colon, or 注 / 说. */
const NOTE_CHARS = /[：:注说]/;
/** How many plain paragraphs a list item may run on over before the list is taken to have ended. */
const MAX_ITEM_PARAGRAPHS = 3;

/**
 * The headings among blocks [from, to) of one part, and the part's numbering scheme. Blocks of a
 * 目录 and the items of lists are left out; in a decimal part `1、总则` and `1总则` are its first level.
 */
export function headingItems(blocks: readonly ParsedBlock[], from: number, to: number): { items: HeadingItem[]; scheme: 'plan' | 'articles' | 'decimal' } {
  const skip = tableOfContents(blocks, from, to);
  tableCells(blocks, from, to, skip);
  listItems(blocks, from, to, skip);
  let deep = 0;
  let articles = false;
  for (let i = from; i < to; i++) {
    const m = blocks[i].marker;
    if (!m || skip.has(i)) continue;
    if (m.kind === 'decimal' && (m.depth ?? 1) >= 2) deep++;
    if (m.kind === 'article' || m.kind === 'chapter') articles = true;
  }
  const scheme = articles ? 'articles' : deep >= 2 ? 'decimal' : 'plan';
  const items: HeadingItem[] = [];
  let lastTop = 0;
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    const m = b.marker;
    if (!m || skip.has(i)) continue;
    let heading: MarkerMatch | undefined = m;
    if (m.kind === 'decimal' && m.depth === 1) {
      // `1总则` counts only as the next first-level heading of a decimal part.
      if (scheme !== 'decimal' || m.number !== lastTop + 1) heading = undefined;
    } else if (scheme === 'decimal' && m.kind === 'arabic' && m.number === lastTop + 1 && b.text.length <= 40 && !b.text.includes('。')) {
      heading = { ...m, kind: 'decimal', depth: 1 };
    }
    if (!heading) continue;
    if (heading.kind === 'decimal' && heading.depth === 1) lastTop = heading.number;
    const runIn = heading.kind === 'chapter' || heading.kind === 'section' || heading.kind === 'decimal' ? RUN_IN.exec(b.text.slice(m.length)) : null;
    const inner = runIn ? matchMarker(b.text.slice(m.length + runIn[0].length)) : undefined;
    if (runIn && inner && (inner.kind === 'article' || inner.kind === 'decimal')) {
      const at = m.length + runIn[0].length;
      items.push({ index: i, marker: heading, end: at });
      items.push({ index: i, marker: inner, offset: at });
    } else items.push({ index: i, marker: heading });
  }
  return { items, scheme };
}

/**
 * The first `目录` line among blocks [from, to) and where the body starts: where the first entry
 * comes again (its line may run on into the next heading). Blocks [toc, body) are the contents.
 */
export function contentsBlocks(blocks: readonly ParsedBlock[], from: number, to: number): { toc: number; body: number } | undefined {
  for (let i = from; i < to; i++) {
    if (!isTocLine(blocks[i].text)) continue;
    let first = -1;
    for (let j = i + 1; j < to && first < 0; j++) if (blocks[j].marker) first = j;
    if (first < 0) return undefined;
    const key = norm(withoutPage(blocks[first].text));
    for (let j = first + 1; j < to; j++) if (norm(blocks[j].text).startsWith(key)) return { toc: i, body: j };
    return undefined;
  }
  return undefined;
}

/** A `目录` line and its entries, up to where the body repeats the first entry. */
function tableOfContents(blocks: readonly ParsedBlock[], from: number, to: number): Set<number> {
  const skip = new Set<number>();
  const contents = contentsBlocks(blocks, from, to);
  if (contents) for (let k = contents.toc; k < contents.body; k++) skip.add(k);
  else unlabelledContents(blocks, from, to, skip);
  return skip;
}

/** How many entries a contents list printed without its `目录` line must have to be taken for one. */
const MIN_ENTRIES = 4;

/**
 * A contents list whose `目录` line was lost (web copies): the part opens with a run of short numbered
 * lines only (`1 总则` `1.1编制目的` …), and the body then starts over with the first of them.
 */
function unlabelledContents(blocks: readonly ParsedBlock[], from: number, to: number, skip: Set<number>): void {
  let first = from;
  while (first < to && !blocks[first].marker) first++;
  if (first >= to) return;
  const key = norm(blocks[first].text);
  // An entry is a short numbered line, or a short chapter line whose number the copy lost.
  const entry = (b: ParsedBlock) => (b.marker ? b.text.length <= 40 && !/[。；]/.test(b.text) : b.text.length <= 20 && !/[，。；：,;:]/.test(b.text));
  for (let j = first + 1; j < to && entry(blocks[j]); j++) {
    if (!norm(blocks[j].text).startsWith(key)) continue;
    // The body's first chapter line (`1 总则`) stands right before the repeated first entry (`1.1`).
    const above = blocks[j - 1].marker;
    const end = above && above.number === 1 && rankOf(above) < rankOf(blocks[first].marker!) ? j - 1 : j;
    if (end - first >= MIN_ENTRIES) for (let k = first; k < end; k++) skip.add(k);
    return;
  }
}

/** A table flattened to one cell per line: its rows start with a cell that is only the row number. */
const ROW_NUMBER = /^[0-9０-９]{1,4}$/;
/** How many cells a table's header row may have before its first row. */
const HEADER_CELLS = 12;
/** How far past its last row number a table's cells may run. */
const LAST_ROW_CELLS = 40;

/**
 * Numbered paragraphs inside such a table are the content of its cells (a law's （一）（二） quoted
 * in a cell, one list per row), not headings: from the first row number to the end of the last row.
 */
function tableCells(blocks: readonly ParsedBlock[], from: number, to: number, skip: Set<number>): void {
  let rows: number[] = [];
  const flush = () => {
    if (rows.length >= 3) {
      let end = rows[rows.length - 1] + 1;
      while (end < to && end - rows[rows.length - 1] < LAST_ROW_CELLS && !endsTable(blocks[end])) end++;
      // The table starts at its header row (`序号` …), where a group row may stand before row 1.
      let start = rows[0];
      for (let k = rows[0] - 1; k >= Math.max(from, rows[0] - HEADER_CELLS); k--) if (/^序\s*号$/.test(blocks[k].text.trim())) start = k;
      for (let k = start; k < end; k++) skip.add(k);
    }
    rows = [];
  };
  for (let i = from; i < to; i++) {
    const t = blocks[i].text.trim();
    if (!ROW_NUMBER.test(t)) continue;
    const n = rowNumber(blocks[i]);
    const last = rows[rows.length - 1];
    // Rows go on numbering upwards (a web copy may leave some out: `本文有删减`); a restart is a new table.
    if (last !== undefined && (n <= rowNumber(blocks[last]) || i - last > 200)) flush();
    rows.push(i);
  }
  flush();
}

const rowNumber = (b: ParsedBlock) => Number(asciiDigits(b.text.trim()));

/** A block after a table that is the document again: a 一、 or 第X条 heading, a 附件 label. */
function endsTable(b: ParsedBlock): boolean {
  const k = b.marker?.kind;
  return k === 'chinese' || k === 'chapter' || k === 'article' || isAttachmentLabel(b.text);
}

/** The last number of items `n；n+1、…；n+2、…` run into one paragraph after item `n`. */
function lastRunIn(text: string, n: number): number {
  for (let at = 0; n < 99; n++) {
    const next = String(n + 1);
    let found = -1;
    for (let k = text.indexOf(next, at); k >= 0 && found < 0; k = text.indexOf(next, k + 1)) {
      const before = text.slice(Math.max(0, k - 3), k);
      const after = text[k + next.length];
      if (/[；;。][\s\u3000]*$/.test(before) && (after === '、' || after === '.' || after === '．') && !/[0-9]/.test(text[k - 1] ?? '')) found = k;
    }
    if (found < 0) return n;
    at = found + next.length;
  }
  return n;
}

/** Numbered lists that are not headings: after a lead-in `…：`, inside a 专栏, in a 附件说明. */
function listItems(blocks: readonly ParsedBlock[], from: number, to: number, skip: Set<number>): void {
  /** Items of one kind numbered on from `expected`; an item may go on over a few paragraphs. */
  const run = (j: number, expected: number, kind?: MarkerKind, anyKind = false) => {
    const first = blocks[j]?.marker;
    if (j >= to || !first || (!anyKind && !LIST_KINDS.has(first.kind)) || (kind && first.kind !== kind)) return;
    const k = kind ?? first.kind;
    for (let gap = 0; j < to && gap <= MAX_ITEM_PARAGRAPHS; j++) {
      const m = blocks[j].marker;
      if (!m) {
        gap++;
        continue;
      }
      // An item's own sub-items (`八、…` then `1、` `2、`) belong to it, not to the headings around.
      if (rankOf(m) > rankOf({ kind: k })) {
        skip.add(j);
        gap = 0;
        continue;
      }
      if (m.kind !== k || m.number !== expected) break;
      skip.add(j);
      expected = lastRunIn(blocks[j].text, m.number) + 1;
      gap = 0;
    }
  };
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (skip.has(i)) continue;
    // A table row with TAB-separated cells (`一、烟叶产品<TAB>20`): its number is the row's, not a heading's.
    if (b.marker && b.text.includes('\t')) {
      skip.add(i);
      continue;
    }
    // `1、保温形式：　；2、保温材料名称：` — items run into one paragraph make a list (a form, a checklist).
    if (b.marker && LIST_KINDS.has(b.marker.kind) && lastRunIn(b.text, b.marker.number) > b.marker.number) {
      run(i, b.marker.number, b.marker.kind);
      continue;
    }
    if (b.marker) continue;
    if (isBoxTitle(b.text)) {
      run(i + 1, 1);
      continue;
    }
    if (!NOTE_CHARS.test(b.text)) continue; // other blocks are not squeezed at all
    const text = squeeze(b.text);
    if (NOTE_LIST.test(text)) run(i + 1, 2, 'arabic');
    // `填写说明` under a form: its own 一、二、 notes, whatever the form's numbering was.
    else if (NOTES_TITLE.test(text)) run(i + 1, 1, undefined, true);
    else if (/[：:]$/.test(text)) run(i + 1, 1);
  }
}
