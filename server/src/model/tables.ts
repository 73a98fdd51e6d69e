/**
 * Tables in plain text (issue #16). Two shapes are recognised, and only when the shape is certain
 * (precision first: a run of lines that merely looks tabular stays paragraphs):
 *
 * - `tab-rows`: a row a line, cells separated by TAB (a Word or web table copied as text; the
 *   .docx reader writes a Word table's rows this way too). At least three rows with the same number
 *   of cells, nothing but blank lines between them.
 * - `cell-lines`: a cell a line, as PDF and web extraction give a table: a header row of column
 *   labels starting with 序号, then records each starting with its 序号 (1, 2, 3 …), blank lines
 *   between groups. A group with one line per column is a row of its own; a group that is not
 *   (a cell over several lines, cells merged with the row above) cannot be aligned with certainty,
 *   so its lines are kept in order as one row that is not aligned (`aligned: false`).
 *
 * Cells keep their place in the source, so rules still read their text (a half-width bracket in a
 * cell is still wrong), but the structure stages never read a cell as a heading, title or 主送.
 */
import type { Range, SourceLine } from './types';
import { isSpace } from './text';
import { isAttachmentLabel } from './shapes';

/** One cell: its text (lines of a cell joined by line breaks) and where it stands. */
export interface TableCell {
  text: string;
  range: Range;
}

export interface TableRow {
  cells: TableCell[];
  /** False when the cells could not be put under their columns (see the file comment): cells are the lines, in order. */
  aligned: boolean;
  /** A row the width of the table that names a section of it (`（一）海事部分`). */
  section?: boolean;
}

export interface Table {
  shape: 'tab-rows' | 'cell-lines';
  columns: number;
  /** How many rows at the top are the header (repeated on every page when printed). */
  headerRows: number;
  rows: TableRow[];
  firstLine: number;
  lastLine: number;
  range: Range;
}

/** A line's cells as offsets within the line, spaces trimmed; a cell may be empty (start === end). */
export type Segment = [number, number];

export interface TableFind {
  tables: Table[];
  /** For every line inside a table, its cells (what blocks.ts makes a block of each). */
  cellsOf: Map<number, Segment[]>;
}

const trim = (text: string, a: number, b: number): Segment => {
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return [a, b];
};

function tabSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  for (;;) {
    const tab = text.indexOf('\t', from);
    const end = tab < 0 ? text.length : tab;
    out.push(trim(text, from, end));
    if (tab < 0) return out;
    from = tab + 1;
  }
}

const cellOf = (lines: SourceLine[], line: number, [a, b]: Segment): TableCell => ({
  text: lines[line].text.slice(a, b),
  range: { start: { line, character: a }, end: { line, character: b } },
});

/** Leading TABs only (a row whose first cells are empty still counts), but some cell must hold text. */
const MIN_TAB_ROWS = 3;

function tabTables(lines: SourceLine[], out: TableFind): void {
  let run: number[] = [];
  let count = 0;
  const flush = () => {
    if (run.length >= MIN_TAB_ROWS) {
      const rows: TableRow[] = run.map((l) => ({ cells: tabSegments(lines[l].text).map((s) => cellOf(lines, l, s)), aligned: true }));
      for (const l of run) out.cellsOf.set(l, tabSegments(lines[l].text).filter(([a, b]) => b > a));
      out.tables.push(made('tab-rows', count, 0, rows, lines, run[0], run[run.length - 1]));
    }
    run = [];
    count = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    const segs = l.kind === 'text' && l.text.includes('\t') ? tabSegments(l.text) : undefined;
    const filled = segs ? segs.filter(([a, b]) => b > a).length : 0;
    if (!segs || segs.length < 2 || filled === 0) {
      flush();
      continue;
    }
    if (segs.length !== count) flush();
    count = segs.length;
    run.push(i);
  }
  flush();
}

function made(shape: Table['shape'], columns: number, headerRows: number, rows: TableRow[], lines: SourceLine[], first: number, last: number): Table {
  return {
    shape,
    columns,
    headerRows,
    rows,
    firstLine: first,
    lastLine: last,
    range: { start: { line: first, character: 0 }, end: { line: last, character: lines[last].text.length } },
  };
}

/** Column labels are short and are not sentences. */
const isLabel = (s: string) => s.length > 0 && s.length <= 40 && !/[。；;]$/.test(s) && !s.includes('\t');
const SERIAL = /^[0-9]{1,4}$/;
/** `（一）海事部分`: a row naming a section of the table. */
const SECTION = /^[（(][一二三四五六七八九十]{1,3}[）)].{1,20}部分$/;
const MIN_COLUMNS = 3;
const ITEM = /^[0-9]{1,2}[.．、]/;
/**
 * `1.首次实施…` under `…或满足下列所有条件：` (or under the item before it): the next line of the same
 * cell, so a group that holds one is not a line a column even when the count matches.
 */
const continuesCell = (texts: string[], k: number) => k > 0 && ITEM.test(texts[k]) && (/[:：]$/.test(texts[k - 1]) || ITEM.test(texts[k - 1]));
/** `注：1．…`, `说明：…` under a table: a paragraph after it, not a row. */
const NOTE = /^(注|说明|备注|填表说明|填写说明)[:：]/;

/** Groups of non-blank text lines (blank lines and page numbers separate them), from `from` on. */
function groupsFrom(lines: SourceLine[], from: number): number[][] {
  const groups: number[][] = [];
  let cur: number[] = [];
  for (let i = from; i < lines.length; i++) {
    if (lines[i].kind === 'text') cur.push(i);
    else if (lines[i].kind === 'blank' && cur.length) {
      groups.push(cur);
      cur = [];
    }
  }
  if (cur.length) groups.push(cur);
  return groups;
}

function cellLineTables(lines: SourceLine[], out: TableFind): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'text' || out.cellsOf.has(i) || lines[i].text.trim() !== '序号') continue;
    const content = (l: number) => trim(lines[l].text, 0, lines[l].text.length);
    const textOf = (l: number) => {
      const [a, b] = content(l);
      return lines[l].text.slice(a, b);
    };
    // The header: 序号 and the labels under it up to the first blank line.
    let h = i;
    while (h + 1 < lines.length && lines[h + 1].kind === 'text' && isLabel(textOf(h + 1))) h++;
    if (h + 1 < lines.length && lines[h + 1].kind === 'text') continue; // a long line inside: not a header
    const columns = h - i + 1;
    if (columns < MIN_COLUMNS) continue;
    const rows: TableRow[] = [{ cells: range(i, h).map((l) => cellOf(lines, l, content(l))), aligned: true }];
    let expected = 1;
    let last = h;
    const groups = groupsFrom(lines, h + 1);
    for (const g of groups) {
      const first = textOf(g[0]);
      const indented = isSpace(lines[g[0]].text.charCodeAt(0));
      if (isAttachmentLabel(first) || indented || first === '序号' || NOTE.test(first)) break;
      if (SERIAL.test(first)) {
        // A record's 序号 follows the one before, or repeats it (a slip of the source), or starts again at 1 in a new section.
        const n = Number(first);
        if (n !== expected && n !== expected - 1 && n !== 1) break;
        expected = n + 1;
      } else if (expected === 1 && !(g.length === 1 && SECTION.test(first))) break; // no record yet: not this shape
      if (g.length === 1 && SECTION.test(first)) {
        rows.push({ cells: [cellOf(lines, g[0], content(g[0]))], aligned: false, section: true });
      } else {
        const texts = g.map(textOf);
        rows.push({ cells: g.map((l) => cellOf(lines, l, content(l))), aligned: g.length === columns && !texts.some((t, k) => continuesCell(texts, k)) });
      }
      last = g[g.length - 1];
    }
    // No record, or none with one line per column to confirm the header's count (a label wrapped
    // over two lines would add a column): not certain enough to be a table.
    if (expected === 1 || !rows.some((r, k) => k > 0 && r.aligned)) continue;
    for (let l = i; l <= last; l++) if (lines[l].kind === 'text') out.cellsOf.set(l, [content(l)]);
    out.tables.push(made('cell-lines', columns, 1, rows, lines, i, last));
    i = last;
  }
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

export function findTables(lines: SourceLine[]): TableFind {
  const out: TableFind = { tables: [], cellsOf: new Map() };
  let tabs = false;
  let serial = false;
  // Most documents hold neither shape: one cheap pass decides whether to look at all.
  for (const l of lines) {
    if (l.kind !== 'text') continue;
    if (!tabs && l.text.includes('\t')) tabs = true;
    if (!serial && l.text.length <= 8 && l.text.trim() === '序号') serial = true;
  }
  if (tabs) tabTables(lines, out);
  if (serial) cellLineTables(lines, out);
  out.tables.sort((a, b) => a.firstLine - b.firstLine);
  return out;
}
