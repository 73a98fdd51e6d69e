/**
 * Wide tables on landscape pages (GB/T 9704-2012 §8, 公文中的表格): "A4纸型的表格横排时，页码位置与公文其他
 * 页码保持一致，单页码表头在订口一边，双页码表头在切口一边".
 *
 * Which tables: one whose columns do not each get four characters of 五号 (the wide tables' size,
 * table.ts) in the 版心's 156 mm. A column of three characters breaks every clause into a tall narrow
 * strip (033's 裁量基准 in 12 columns: a page of 11 rows); 156 mm holds nine columns of four 五号
 * characters and 1 mm cell margins, so a table of ten or more columns goes landscape, where 225 mm
 * holds thirteen.
 *
 * The sheet is turned a quarter clockwise: the portrait page's left edge becomes the landscape page's
 * top. On an odd page the left edge is the 订口 and on an even page the 切口, so the table's head is on
 * the binding side of odd pages and the cut side of even ones, as §8 asks, with one orientation for
 * both. The page number stays where the portrait pages print it (under the 版心, one character in from
 * the outer edge): on the landscape page that is the left margin, set in a text box rotated with the
 * sheet (a floating table cell, `w:textDirection tbRl`), low on odd pages and high on even ones.
 *
 * Margins: the portrait 天头 37 mm and 下白边 35 mm become the right and left margins, the 订口 28 mm and
 * 切口 26 mm the top and bottom. Word mirrors only the left and right margins of even pages, so the top
 * and bottom cannot alternate with the page within one section: both are 27 mm, and left and right
 * 36 mm (mirroring leaves them), so the 版心 keeps its 225 mm × 156 mm and each edge is within 1 mm of
 * where the standard puts it on both odd and even pages.
 */
import type { Table } from '../model/types';
import type { Piece } from './content';
import { tableXml } from './table';
import { CHAR_4, LINE_PITCH, mm, PAGE, SIZE } from './layout';
import { NO_CELL_MARGINS, NO_TABLE_BORDERS, NS, pageNumberRuns, paragraph } from './wordml';

/** Tables with more columns than this go landscape (see the file comment). */
export const PORTRAIT_COLUMNS = 9;
export const isLandscape = (table: Table) => table.columns > PORTRAIT_COLUMNS;

/** The landscape 版心: 225 mm wide, 156 mm high, in twips. */
export const LANDSCAPE_WIDTH = mm(225);
export const LANDSCAPE_HEIGHT = mm(156);
/** Margins of a landscape page (see the file comment), in twips. */
export const LANDSCAPE_MARGIN = { top: mm(27), bottom: mm(27), left: mm(36), right: mm(36) };

/** Footer parts of the landscape sections (their own names, apart from the portrait footers). */
export const LANDSCAPE_FOOTERS = { odd: 'footerLandscapeOdd.xml', even: 'footerLandscapeEven.xml' } as const;
export const LANDSCAPE_FOOTER_IDS = { odd: 'rIdFooterLandscapeOdd', even: 'rIdFooterLandscapeEven' } as const;

/**
 * Where the number stands on the landscape page, from the portrait page's numbers (§7.5): its line is
 * 7 mm under the 版心 (portrait y from 269 mm), so its distance from the landscape page's left edge is
 * 297 − 269 − the line's height; along the edge, it ends one 4号 character before the portrait 版心's
 * outer edge on odd pages (portrait x 210 − 26 mm) and starts one character after it on even pages
 * (portrait x 26 mm): portrait x is landscape y.
 */
const NUMBER_LINE = SIZE.四号 * 10 + 60;
const NUMBER_BOX = mm(40);
export const NUMBER_X = mm(297 - 37 - 225 - 7) - NUMBER_LINE;
export const NUMBER_Y = { odd: mm(210 - 26) - CHAR_4 - NUMBER_BOX, even: mm(26) + CHAR_4 } as const;

/** A landscape footer: the page number `— N —` in a box at the left margin, turned with the sheet. */
export function landscapeFooterXml(side: 'odd' | 'even'): string {
  // Text turned a quarter clockwise (tbRl): it runs down the page, from the top on even pages (start) and
  // ending at the bottom of its box on odd pages (end), as the portrait numbers stand left and right.
  const p = paragraph(pageNumberRuns(), { align: side === 'odd' ? 'right' : 'left', grid: false, line: NUMBER_LINE - 60 });
  const box =
    '<w:tbl><w:tblPr>' +
    `<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" w:vertAnchor="page" w:horzAnchor="page" w:tblpX="${NUMBER_X}" w:tblpY="${NUMBER_Y[side]}"/>` +
    `<w:tblW w:w="${NUMBER_LINE}" w:type="dxa"/>${NO_TABLE_BORDERS}<w:tblLayout w:type="fixed"/>${NO_CELL_MARGINS}` +
    `</w:tblPr><w:tblGrid><w:gridCol w:w="${NUMBER_LINE}"/></w:tblGrid>` +
    `<w:tr><w:trPr><w:trHeight w:val="${NUMBER_BOX}" w:hRule="exact"/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${NUMBER_LINE}" w:type="dxa"/><w:textDirection w:val="tbRl"/><w:vAlign w:val="center"/></w:tcPr>${p}</w:tc></w:tr>` +
    '</w:tbl>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NS}>${box}${paragraph('', { grid: false, line: 20 })}</w:ftr>`;
}

/**
 * A landscape section's properties: A4 turned, the margins above, the landscape footers, no document
 * grid (a table is off the grid). Numbering runs on from the section before (no w:pgNumType start), so
 * odd and even keep alternating.
 */
export function landscapeSectPr(): string {
  const m = LANDSCAPE_MARGIN;
  return (
    '<w:sectPr>' +
    `<w:footerReference w:type="default" r:id="${LANDSCAPE_FOOTER_IDS.odd}"/><w:footerReference w:type="even" r:id="${LANDSCAPE_FOOTER_IDS.even}"/>` +
    `<w:pgSz w:w="${PAGE.height}" w:h="${PAGE.width}" w:orient="landscape"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="851" w:footer="${mm(10)}" w:gutter="0"/>` +
    '<w:cols w:space="425"/>' +
    `<w:docGrid w:linePitch="${LINE_PITCH}"/>` +
    '</w:sectPr>'
  );
}

/** The paragraph that closes a section (it carries the section's properties): 1 pt high, so that it never makes a page. */
export const sectionEnd = (sectPr: string) => paragraph('', { grid: false, line: 20, sectPr });

/** The pieces that go on landscape pages: each wide table, with the 附件 label and title just before it. */
export function landscapeRuns(pieces: readonly Piece[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  pieces.forEach((p, i) => {
    if (p.kind !== 'table' || !isLandscape(p.table)) return;
    // The attachment's label and title go with its table, rather than stand alone on a portrait page.
    const from = i > 0 && pieces[i - 1].kind === 'part-start' && (runs.length === 0 || runs[runs.length - 1][1] < i - 1) ? i - 1 : i;
    runs.push([from, i]);
  });
  return runs;
}

/**
 * The body's XML with each wide table in a landscape section of its own: the portrait section before it
 * ends (`portrait(first)`: the first section's properties, or a later one's), the table and its title on
 * landscape pages, then portrait again. `lastSectPr`: the body ends in a landscape section, whose
 * properties the document's closing w:sectPr must carry (else an empty portrait page would follow).
 */
export function bodyWithLandscape(pieces: readonly Piece[], xmlOf: (i: number) => string, portrait: (first: boolean) => string): { xml: string; lastSectPr?: string; landscape: boolean } {
  const runs = landscapeRuns(pieces);
  if (runs.length === 0) return { xml: pieces.map((_, i) => xmlOf(i)).join(''), landscape: false };
  let xml = '';
  let first = true;
  let next = 0;
  let lastSectPr: string | undefined;
  // A section starts a new page: its first paragraph needs no page break before it as well.
  const opening = (i: number) => xmlOf(i).replace('<w:pageBreakBefore/>', '');
  /** The first piece after a landscape section, which opens a portrait one. */
  let after = -1;
  const portraitPiece = (i: number) => (i === after ? opening(i) : xmlOf(i));
  for (const [from, to] of runs) {
    const portraitBefore = next < from;
    for (; next < from; next++) xml += portraitPiece(next);
    // The portrait text before the table ends its section (none when one landscape section follows another).
    if (portraitBefore) {
      xml += sectionEnd(portrait(first));
      first = false;
    }
    for (let i = from; i < to; i++) xml += opening(i);
    xml += tableXml((pieces[to] as Extract<Piece, { kind: 'table' }>).table, false);
    next = after = to + 1;
    if (next < pieces.length) xml += sectionEnd(landscapeSectPr());
    else lastSectPr = landscapeSectPr();
  }
  for (; next < pieces.length; next++) xml += portraitPiece(next);
  return { xml, lastSectPr, landscape: true };
}
