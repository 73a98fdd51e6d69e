/**
 * A table laid out for the pagination engine (pages.ts) as table.ts writes it and LibreOffice sets it
 * (issue #16): the columns table.ts gives it (on a landscape page for a wide table, landscape.ts), the
 * table's size (4号 or 五号) and single line height, each cell's text broken at its column's width with
 * the rules of lines.ts (Latin text at its own width, off the grid), each row as high as its tallest
 * cell plus one rule. Pure.
 */
import type { Table, TableRow } from '../model/types';
import { breakLines, OFF_GRID } from './lines';
import { CELL_PADDING, cellLineHeight, columnWidths, isShortRow, rowCells, tableSize, tableWidth } from './table';

/** One cell of a laid row: from the 版心's left edge, in twips; its text in lines. */
export interface LaidCell {
  x: number;
  width: number;
  lines: string[];
  align: 'left' | 'center';
}

export interface LaidRow {
  cells: LaidCell[];
  /** Lines of the tallest cell. */
  lines: number;
  /** A line's height in twips (the table's single spacing). */
  lineHeight: number;
  /** Twips: the lines and the rules, as the renders measure a row. */
  height: number;
  header: boolean;
  /** The row stays on one page (w:cantSplit): a header row, or one of short cells. */
  cantSplit: boolean;
  /** The table's font size in half-points (the preview draws with it). */
  size: number;
}

/**
 * The rules in a row's height, in twips, as measured in the renders: a row of n lines is n lines and
 * one rule (0.5 pt) high (五号: n × 12.05 + 0.5 pt); the header row, under the table's top rule, two.
 */
const RULE = 10;
const HEADER_RULES = 20;

export function layRows(table: Table): LaidRow[] {
  const size = tableSize(table);
  const width = tableWidth(table);
  const widths = columnWidths(table, width);
  const lineHeight = cellLineHeight(table);
  const x = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b, 0));
  const cell = (text: string, from: number, span: number, align: LaidCell['align']): LaidCell => {
    const w = widths.slice(from, from + span).reduce((a, b) => a + b, 0);
    const room = (w - 2 * CELL_PADDING) / (size * 10);
    return { x: x[from], width: w, lines: text ? breakLines(text, room, room, OFF_GRID).map((l) => l.text) : [''], align };
  };
  return table.rows.map((row: TableRow, index): LaidRow => {
    const header = index < table.headerRows;
    const cells = rowCells(table, row, header).map((c) => cell(c.text, c.from, c.span, c.align === 'center' ? 'center' : 'left'));
    const lines = Math.max(...cells.map((c) => c.lines.length));
    return { cells, lines, lineHeight, height: lines * lineHeight + (header ? HEADER_RULES : RULE), header, cantSplit: header || isShortRow(table, row), size };
  });
}

/** The part of a row from line `from` to line `to` (a row split across pages). */
export function sliceRow(row: LaidRow, from: number, to: number): LaidRow {
  const cells = row.cells.map((c) => ({ ...c, lines: c.lines.slice(from, to) }));
  const lines = to - from;
  return { ...row, cells, lines, height: lines * row.lineHeight + RULE };
}
