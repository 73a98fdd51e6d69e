/**
 * A table of the model (model/tables.ts) as a Word table (issue #16): as wide as the 版心, ruled
 * all round, the header row repeated at the top of every page it runs over (w:tblHeader), rows
 * never split across pages when short.
 *
 * Size: GB/T 9704-2012 fixes no size for tables; offices set them one step or more below the body's
 * 3号 so that a row fits its columns, in 仿宋_GB2312 like the body (header row in 黑体). Here 4号
 * (14 pt, the size of the 版记) for tables of up to five columns, and 五号 (10.5 pt) for wider ones:
 * at 4号 a column of a 12-column 裁量基准 would hold two characters a line. Tables are off the
 * 22 × 28 grid (their line height is their own), as the 版头 and 版记 are.
 */
import type { Table, TableRow } from '../model/types';
import { FONT, TEXT_WIDTH } from './layout';
import { paragraph, run } from './wordml';
import { widthOf } from './title';
import { isLandscape, LANDSCAPE_WIDTH } from './landscape';

/** Font sizes in half-points: 4号 14 pt, 五号 10.5 pt. */
export const TABLE_SIZE = { narrow: 28, wide: 21 } as const;
/** Tables with more columns than this are set in 五号. */
export const NARROW_COLUMNS = 5;
/** Cell margin left and right: 1 mm, in twips. */
const CELL_MARGIN = 57;
/** Between the cells of a row that could not be aligned, run on in one paragraph. */
export const RUN_ON = '｜';
/** Table rules: 0.5 pt (eighths of a point), what offices' templates use. */
const RULE = 4;

/** The table's width: the 版心's, 156 mm, or 225 mm on a landscape page (landscape.ts). */
export const tableWidth = (table: Table) => (isLandscape(table) ? LANDSCAPE_WIDTH : TEXT_WIDTH);

/** Cell margin left and right, in twips (for the pagination engine). */
export const CELL_PADDING = CELL_MARGIN;

/** Single spacing (1.15 of the size, as Word's own), tighter than the body's grid: a cell line's height in twips. */
export const cellLineHeight = (table: Table) => Math.round(tableSize(table) * 10 * 1.15);

/** A row of short cells stays on one page (w:cantSplit); a long one may split (a row taller than a page that may not split would be cut off). */
export const isShortRow = (table: Table, row: TableRow) => row.cells.length <= table.columns && row.cells.every((c) => widthOf(c.text) <= 60);

export function tableSize(table: Table): number {
  return table.columns > NARROW_COLUMNS ? TABLE_SIZE.wide : TABLE_SIZE.narrow;
}

/**
 * Column widths in twips summing to the 版心's width. A row is as high as its tallest cell, so the
 * widths follow how much text each column holds on average (its aligned rows, header aside): a
 * column of long clauses gets the room, a column of 从轻 / 罚款 no more than it needs; never less
 * than two characters and the cell margins.
 */
export function columnWidths(table: Table, width: number = tableWidth(table)): number[] {
  const sums = new Array<number>(table.columns).fill(0);
  let count = 0;
  table.rows.forEach((row, i) => {
    if (i < table.headerRows || !row.aligned || row.cells.length !== table.columns) return;
    count++;
    row.cells.forEach((c, k) => (sums[k] += widthOf(c.text)));
  });
  const least = 2 * tableSize(table) * 10 + 2 * CELL_MARGIN;
  const want = sums.map((s) => Math.max(2, count ? s / count : 1));
  const total = want.reduce((a, b) => a + b, 0);
  // Each column its share of what is left after every column has its least width.
  const spare = Math.max(0, width - least * table.columns);
  const widths = want.map((w) => least + Math.floor((w / total) * spare));
  widths[widths.length - 1] += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A cell of a row as the table writes it: its text, first column and span, alignment, and 黑体 for a header's cells. */
export interface RowCell {
  text: string;
  from: number;
  span: number;
  align: 'center' | 'left' | 'both';
  bold: boolean;
}

/** The cells a row is written as (tableXml) and laid out as (table-layout.ts). */
export function rowCells(table: Table, row: TableRow, header: boolean): RowCell[] {
  if (row.section) return [{ text: row.cells.map((c) => c.text).join(''), from: 0, span: table.columns, align: 'left', bold: false }];
  if (row.aligned && row.cells.length === table.columns) {
    return row.cells.map((c, k) => ({ text: c.text, from: k, span: 1, align: header || widthOf(c.text) <= 4 ? 'center' : 'both', bold: header }));
  }
  // Not aligned (model/tables.ts): the 序号 in the first column, and across the others the row's
  // cells in their order, run on in one paragraph with ｜ between them (a paragraph a cell would
  // give a line to every 从轻 or 罚款: 033 took more pages so than as plain paragraphs).
  const serial = /^[0-9]{1,4}$/.test(row.cells[0]?.text ?? '');
  const rest = serial ? row.cells.slice(1) : row.cells;
  return [
    { text: serial ? row.cells[0].text : '', from: 0, span: 1, align: serial ? 'center' : 'left', bold: false },
    { text: rest.map((c) => c.text).join(RUN_ON), from: 1, span: table.columns - 1, align: 'both', bold: false },
  ];
}

/** `spaced`: an empty line of the grid after the table, before the text that follows it. */
export function tableXml(table: Table, spaced = true): string {
  const size = tableSize(table);
  const width = tableWidth(table);
  const widths = columnWidths(table, width);
  const line = cellLineHeight(table);
  const para = (text: string, header: boolean, align: 'center' | 'left' | 'both') =>
    paragraph(text ? run(text, { font: header ? FONT.黑体 : FONT.仿宋, size }) : '', { align, grid: false, line });
  const cell = (width: number, span: number, paras: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>${paras || para('', false, 'left')}</w:tc>`;
  const sum = (from: number, to: number) => widths.slice(from, to).reduce((a, b) => a + b, 0);

  const rowXml = (row: TableRow, index: number): string => {
    const header = index < table.headerRows;
    // A header row is repeated on every page; a row of short cells stays on one page.
    const short = isShortRow(table, row);
    const trPr = `<w:trPr>${header || short ? '<w:cantSplit/>' : ''}${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    const cells = rowCells(table, row, header)
      .map((c) => cell(sum(c.from, c.from + c.span), c.span, para(c.text, c.bold, c.align)))
      .join('');
    return `<w:tr>${trPr}${cells}</w:tr>`;
  };

  const rule = (side: string) => `<w:${side} w:val="single" w:sz="${RULE}" w:space="0" w:color="000000"/>`;
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${width}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(rule).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    table.rows.map(rowXml).join('') +
    '</w:tbl>' +
    (spaced ? paragraph('') : '')
  );
}
