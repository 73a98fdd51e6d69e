/**
 * The exported 公文 as WordprocessingML (ECMA-376 Part 1): the pieces of content.ts laid out by the
 * numbers of layout.ts. Written by hand rather than through the `docx` library so that the export is
 * synchronous (the CLI's `main` returns its exit code, issue #18) and the bundle stays small; the
 * XML is what Word itself writes for these properties, element order as the schema requires.
 */
import type { MarkerKind } from '../model/types';
import type { Piece } from './content';
import {
  CHAR_3, CHAR_4, CHAR_SPACE, FONT, FOOTER, IMPRINT_LINE, LINE_PITCH, LINES_PER_PAGE, LOGO_LINE, LOGO_SIZE, logoSpace, MARGIN, PAGE, RED, RED_LINE_GAP_PT, RED_LINE_SZ, SIZE, TEXT_WIDTH,
  type FontName,
} from './layout';
import { balanceTitle, jointLogo, widthOf } from './title';
import { tableXml } from './table';
import { LETTER_FOOTER, LETTER_HEADER } from './special';
import { bodyWithLandscape, sectionEnd } from './landscape';

/** Text as XML character data: markup escaped, and the characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/FFFF) dropped. */
export const escapeXml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface RunStyle {
  font: FontName;
  size: number;
  bold?: boolean;
  color?: string;
  /** Horizontal scale in percent (w:w), for a 发文机关标志 too long for the 版心. */
  scale?: number;
  /** A placeholder the drafter must fill: highlighted. */
  mark?: boolean;
}

/** One run; tabs and line breaks inside the text become w:tab / w:br. */
export function run(text: string, s: RunStyle): string {
  const props =
    `<w:rPr><w:rFonts w:ascii="${s.font}" w:eastAsia="${s.font}" w:hAnsi="${s.font}" w:cs="${s.font}"/>` +
    (s.bold ? '<w:b/><w:bCs/>' : '') +
    (s.color ? `<w:color w:val="${s.color}"/>` : '') +
    (s.scale && s.scale !== 100 ? `<w:w w:val="${s.scale}"/>` : '') +
    `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>` +
    (s.mark ? '<w:highlight w:val="yellow"/>' : '') +
    '</w:rPr>';
  const body = text
    .split(/(\t|\n)/)
    .filter((x) => x !== '')
    .map((x) => (x === '\t' ? '<w:tab/>' : x === '\n' ? '<w:br/>' : `<w:t xml:space="preserve">${escapeXml(x)}</w:t>`))
    .join('');
  return `<w:r>${props}${body}</w:r>`;
}

interface ParaStyle {
  align?: 'left' | 'center' | 'right' | 'both' | 'distribute';
  /** First-line indent in characters (w:firstLineChars, hundredths). */
  firstChars?: number;
  leftChars?: number;
  rightChars?: number;
  hangingChars?: number;
  /** Indents in twips, negative to reach past the 版心 (信函格式's 170 mm lines). */
  leftTwips?: number;
  rightTwips?: number;
  /** Lengths in twips, for a reader that ignores the *Chars forms. */
  charWidth?: number;
  before?: number;
  after?: number;
  /** Exact line height in twips; the grid's pitch by default. */
  line?: number;
  /** Off for text not set on the 28-character grid (title, 版头, page numbers, 版记). */
  grid?: boolean;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  border?: string;
  tabs?: string;
  sectPr?: string;
}

export function paragraph(runs: string, s: ParaStyle = {}): string {
  const cw = s.charWidth ?? CHAR_3;
  const ind: string[] = [];
  if (s.leftChars) ind.push(`w:leftChars="${s.leftChars * 100}" w:left="${Math.round(s.leftChars * cw)}"`);
  if (s.rightChars) ind.push(`w:rightChars="${Math.round(s.rightChars * 100)}" w:right="${Math.round(s.rightChars * cw)}"`);
  if (s.firstChars) ind.push(`w:firstLineChars="${s.firstChars * 100}" w:firstLine="${Math.round(s.firstChars * cw)}"`);
  if (s.leftTwips !== undefined) ind.push(`w:left="${s.leftTwips}"`);
  if (s.rightTwips !== undefined) ind.push(`w:right="${s.rightTwips}"`);
  if (s.hangingChars) ind.push(`w:hangingChars="${s.hangingChars * 100}" w:hanging="${Math.round(s.hangingChars * cw)}"`);
  const pPr =
    '<w:pPr>' +
    (s.keepNext ? '<w:keepNext/>' : '') +
    (s.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (s.border ? `<w:pBdr>${s.border}</w:pBdr>` : '') +
    (s.tabs ? `<w:tabs>${s.tabs}</w:tabs>` : '') +
    (s.grid === false ? '<w:snapToGrid w:val="0"/>' : '') +
    `<w:spacing w:before="${s.before ?? 0}" w:after="${s.after ?? 0}" w:line="${s.line ?? LINE_PITCH}" w:lineRule="exact"/>` +
    (ind.length ? `<w:ind ${ind.join(' ')}/>` : '') +
    `<w:jc w:val="${s.align ?? 'both'}"/>` +
    (s.sectPr ?? '') +
    '</w:pPr>';
  return `<w:p>${pPr}${runs}</w:p>`;
}

/**
 * Text on the grid is scaled to 98 %: a 3号 character (16 pt) is 0.21 pt wider than a cell of the grid
 * (156 mm / 28 = 15.79 pt). Word squeezes it into the cell; LibreOffice gives it two cells (14 characters
 * a line). At 98 % it fits one cell in both, and the eye does not see the difference.
 */
export const GRID_SCALE = 98;
const body = (text: string, extra: Partial<RunStyle> = {}) => run(text, { font: FONT.仿宋, size: SIZE.三号, scale: GRID_SCALE, ...extra });

/** The font of a heading level (§7.3.3): 一、 黑体, （一） 楷体, 1. and （1） 仿宋; 第X章/第X条 and 1/1.1 by analogy. */
export function headingFont(kind: MarkerKind, depth?: number): FontName {
  switch (kind) {
    case 'chapter':
    case 'section':
    case 'article':
    case 'chinese':
      return FONT.黑体;
    case 'paren-chinese':
      return FONT.楷体;
    case 'decimal':
      return (depth ?? 1) === 1 ? FONT.黑体 : (depth ?? 1) === 2 ? FONT.楷体 : FONT.仿宋;
    default:
      return FONT.仿宋;
  }
}

/** The 发文机关标志's characters scaled so that the line fits the 版心. */
export function logoScale(text: string, size: number = LOGO_SIZE): number {
  const natural = Math.max(...text.split('\n').map(widthOf)) * (size * 10);
  return natural <= TEXT_WIDTH ? 100 : Math.max(33, Math.floor((TEXT_WIDTH / natural) * 97));
}

/**
 * The joint 标志 as a borderless table of two cells centred on the 版心: the names, one a line, spread to the
 * same width (w:jc distribute), and 文件 centred on them; a spacer paragraph above it sets its distance
 * from the top of the 版心 (a table has no space before). Names and 文件 are scaled together to fit.
 */
function jointLogoXml(joint: { names: string[]; suffix: string }, before: number, placeholder: boolean): string {
  const char = LOGO_SIZE * 10;
  const gap = char / 2;
  // A quarter of a character to spare, so that a renderer's rounding never wraps the longest name.
  const namesWidth = (Math.max(...joint.names.map(widthOf)) + 0.25) * char;
  const natural = namesWidth + gap + widthOf(joint.suffix) * char;
  const scale = natural <= TEXT_WIDTH ? 100 : Math.max(33, Math.floor((TEXT_WIDTH / natural) * 97));
  const left = Math.round((namesWidth * scale) / 100);
  const right = Math.round(((gap + widthOf(joint.suffix) * char) * scale) / 100);
  const r = (t: string) => run(t, { font: FONT.小标宋, size: LOGO_SIZE, color: RED, scale, mark: placeholder });
  const cell = (w: number, inner: string, centre: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${centre ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>${inner}</w:tc>`;
  const names = joint.names.map((n) => paragraph(r(n), { align: 'distribute', grid: false, line: LOGO_LINE })).join('');
  const suffix = paragraph(r(joint.suffix), { align: 'right', grid: false, line: LOGO_LINE });
  const table =
    `<w:tbl><w:tblPr><w:jc w:val="center"/><w:tblW w:w="${left + right}" w:type="dxa"/>${NO_TABLE_BORDERS}<w:tblLayout w:type="fixed"/>${NO_CELL_MARGINS}</w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${left}"/><w:gridCol w:w="${right}"/></w:tblGrid>` +
    `<w:tr>${cell(left, names, false)}${cell(right, suffix, true)}</w:tr></w:tbl>`;
  return (before > 0 ? paragraph('', { grid: false, line: before }) : '') + table;
}

/** Chars of 4号 on a line of the 版记 (one character in on each side, §7.4.2). */
const IMPRINT_CHARS = Math.floor((TEXT_WIDTH - 2 * CHAR_4) / CHAR_4);

/** Lines a 4号 text takes in the 版记 with its 抄送： hanging indent. */
function imprintLines(text: string): number {
  const w = widthOf(text);
  return w <= IMPRINT_CHARS ? 1 : 1 + Math.ceil((w - IMPRINT_CHARS) / (IMPRINT_CHARS - 3));
}

const border = (side: string, sz: number, color = '000000', space = 0) => `<w:${side} w:val="single" w:sz="${sz}" w:space="${space}" w:color="${color}"/>`;

/**
 * The 版记 (§7.4) on a page of its own at the bottom of the 版心: a table as wide as the 版心 whose top
 * and bottom borders are the thicker lines and whose inner border the thinner one, each row's text
 * one character in. A spacer paragraph of exact height puts it on the bottom edge.
 */
function imprint(p: Extract<Piece, { kind: 'imprint' }>): string {
  const r4 = (text: string) => run(text, { font: FONT.仿宋, size: SIZE.四号 });
  const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="${TEXT_WIDTH}" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
  const rows: string[] = [];
  let lines = 0;
  if (p.cc) {
    const cc = p.cc.replace(/^抄送[:：]?/, '');
    rows.push(cell(paragraph(r4(`抄送：${cc}`), { align: 'left', grid: false, leftChars: 3, hangingChars: 3, charWidth: CHAR_4 })));
    lines += imprintLines(`抄送：${cc}`);
  }
  if (p.printer || p.printed) {
    const tab = `<w:tab w:val="right" w:pos="${TEXT_WIDTH - 2 * CHAR_4}"/>`;
    rows.push(cell(paragraph(r4(`${p.printer ?? ''}\t${p.printed ?? ''}`), { align: 'left', grid: false, tabs: tab })));
    lines += 1;
  }
  const tbl =
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>` +
    // 信函格式 (§10.1): no separator lines.
    (p.format === 'letter'
      ? NO_TABLE_BORDERS
      : `<w:tblBorders>${border('top', IMPRINT_LINE.outer)}<w:left w:val="nil"/>${border('bottom', IMPRINT_LINE.outer)}<w:right w:val="nil"/>${border('insideH', IMPRINT_LINE.inner)}<w:insideV w:val="nil"/></w:tblBorders>`) +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${CHAR_4}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CHAR_4}" w:type="dxa"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid><w:gridCol w:w="${TEXT_WIDTH}"/></w:tblGrid>` +
    rows.map((c) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${c}</w:tr>`).join('') +
    '</w:tbl>';
  // Everything above the 版记 on its page is empty: one paragraph as high as those lines, less the borders' width.
  const spacer = paragraph('', { grid: false, line: Math.max(LINE_PITCH, (LINES_PER_PAGE - lines) * LINE_PITCH - 60) });
  return spacer + tbl;
}

/**
 * Ends a section on the mark of its last paragraph, as Word stores a section break typed at the end of a
 * paragraph: an empty paragraph of its own would take a line, and where the text fills its last page to the 22nd
 * line that line makes a page with nothing on it (Word moves it over; LibreOffice does not). After a table, whose
 * last paragraph is inside a cell, a 1 pt paragraph carries the properties.
 */
export function closeSection(xml: string, sectPrXml: string): string {
  if (!xml.endsWith('</w:p>')) return xml + sectionEnd(sectPrXml);
  const at = xml.lastIndexOf('</w:pPr>');
  if (at < xml.lastIndexOf('<w:p>')) return xml + sectionEnd(sectPrXml);
  return xml.slice(0, at) + sectPrXml + xml.slice(at);
}

/** The body paragraphs of document.xml for the pieces, the 版记 excluded. */
export function pieceXml(p: Piece, previous?: Piece, next?: Piece): string {
  const mark = 'placeholder' in p && p.placeholder ? { mark: true } : {};
  switch (p.kind) {
    case 'head-mark':
      // §7.2.1–7.2.3: flush left on the first lines of the 版心; 密级 and 紧急程度 in 3号黑体 (the standard names no font for the 份号: the body's).
      return paragraph(run(p.text, { font: p.mark === '份号' ? FONT.仿宋 : FONT.黑体, size: SIZE.三号, scale: GRID_SCALE }), { align: 'left' });
    case 'logo': {
      // 信函格式 (§10.1): the 标志 stands in the first page's header (special.ts).
      if (p.format === 'letter') return '';
      // §7.2.4: red, 小标宋, centred, its top 35 mm below the top of the 版心 (the head marks' lines above count);
      // 命令（令）格式 (§10.2): 20 mm.
      const above = p.marks ?? 0;
      const before = Math.max(0, logoSpace(p.format) - above * LINE_PITCH);
      const joint = jointLogo(p.text);
      if (joint) return jointLogoXml(joint, before, !!mark.mark);
      return paragraph(run(p.text, { font: FONT.小标宋, size: LOGO_SIZE, color: RED, scale: logoScale(p.text), ...mark }), { align: 'center', grid: false, before, line: LOGO_LINE });
    }
    case 'doc-number': {
      // §7.2.5: two lines below the 标志, centred; §7.2.6: the red line 4 mm below it, as wide as the 版心.
      const red = border('bottom', RED_LINE_SZ, RED, RED_LINE_GAP_PT);
      // 信函格式 (§10.1): flush right under the double line; 命令 (§10.2): the 令号 centred two lines under the 标志, no red line.
      if (p.format === 'letter') return paragraph(body(p.text, mark), { align: 'right' });
      if (p.format === 'order') return paragraph(body(p.text, mark), { align: 'center', before: 2 * LINE_PITCH, after: LINE_PITCH });
      if (!p.signer) return paragraph(body(p.text, mark), { align: 'center', before: 2 * LINE_PITCH, border: red });
      // 上行文 (§7.2.5): the 文号 one character in from the left, on the line of the 签发人 (one character in
      // from the right): `签发人：` in 3号仿宋, the names in 3号楷体.
      const tab = `<w:tab w:val="right" w:pos="${TEXT_WIDTH - CHAR_3}"/>`;
      const names = run(p.signer.names, { font: FONT.楷体, size: SIZE.三号, scale: GRID_SCALE, ...(p.signer.placeholder ? { mark: true } : {}) });
      return paragraph(body(p.text, mark) + body('\t签发人：') + names, { align: 'left', leftChars: 1, before: 2 * LINE_PITCH, border: red, tabs: tab });
    }
    case 'title':
      // §7.3.1: 2号小标宋, centred, two lines below the red line, broken into balanced lines.
      return paragraph(run(balanceTitle(p.text, Math.floor(TEXT_WIDTH / (SIZE.二号 * 10))).join('\n'), { font: FONT.小标宋, size: SIZE.二号, ...mark }), { align: 'center', grid: false, before: 2 * LINE_PITCH - RED_LINE_GAP_PT * 20 });
    case 'addressee':
      // §7.3.2: one line below the title, flush left.
      return paragraph(body(p.text), { before: LINE_PITCH });
    case 'attendance': {
      // 纪要格式 (§10.3): 出席/列席/请假 in 3号黑体 two characters in, the names in 仿宋 aligned after the colon.
      const label = /^[^:：]+[:：]/.exec(p.text)![0];
      return paragraph(run(label, { font: FONT.黑体, size: SIZE.三号, scale: GRID_SCALE }) + body(p.text.slice(label.length)), { leftChars: 2 + label.length, hangingChars: label.length });
    }
    case 'paragraph':
      // §7.3.5.4: the 署名 and date never stand on a page without body text: the last lines go with them.
      return paragraph(body(p.text), { firstChars: 2, keepNext: next?.kind === 'signature' });
    case 'heading': {
      const font = headingFont(p.marker, p.depth);
      if (p.marker === 'chapter' || p.marker === 'section') return paragraph(run(p.head + p.rest, { font, size: SIZE.三号, scale: GRID_SCALE }), { align: 'center', keepNext: true });
      const head = p.marker === 'article' ? /^第[^条]{1,6}条/.exec(p.head)?.[0] ?? p.head : p.head;
      const rest = p.head.slice(head.length) + p.rest;
      return paragraph(run(head, { font, size: SIZE.三号, scale: GRID_SCALE }) + (rest ? body(rest) : ''), { firstChars: 2, keepNext: !rest });
    }
    case 'attachment-note': {
      // §7.3.4: one line below the body, two characters in; further names aligned under the first.
      const lead = /^附件[:：]/.exec(p.text)?.[0].length ?? 0;
      const numbered = /^附件[:：][0-9０-９]{1,2}[.．]/.test(p.text) || !p.first;
      const hang = lead + (numbered ? 1.5 : 0);
      const keepNext = next?.kind === 'signature' || next?.kind === 'attachment-note';
      return p.first
        ? paragraph(body(p.text), { before: LINE_PITCH, leftChars: 2 + hang, hangingChars: hang, keepNext })
        : paragraph(body(p.text), { leftChars: 2 + 3 + 1.5, hangingChars: 1.5, keepNext });
    }
    case 'signature': {
      // §7.3.5.1 (with a seal): the 署名 centred over the 成文日期, which stands four characters from the right.
      const after = previous?.kind === 'attachment-note' ? 2 : 3;
      const date = next?.kind === 'date' ? widthOf(next.text) : 7;
      const widest = Math.max(...p.text.split('\n').map(widthOf));
      // Centred over the date; a 署名 wider than the room that leaves moves right, at most to the edge.
      return paragraph(body(p.text, mark), { align: 'right', before: after * LINE_PITCH, rightChars: Math.max(0, 4 + (date - widest) / 2), keepNext: true });
    }
    case 'date':
      return paragraph(body(p.text, mark), { align: 'right', rightChars: 4 });
    case 'note':
      // §7.3.6: in parentheses, two characters in, on the line after the date.
      return paragraph(body(p.text), { firstChars: 2 });
    case 'part-start': {
      // §8: an attachment starts a new page, 附件N in 3号黑体 at the top left, its title on the third line.
      const label = p.label ? paragraph(run(p.label, { font: FONT.黑体, size: SIZE.三号, scale: GRID_SCALE }), { align: 'left', pageBreakBefore: true, keepNext: true }) : '';
      const title = p.title ?? '';
      const titleXml = title
        ? paragraph(run(balanceTitle(title, Math.floor(TEXT_WIDTH / (SIZE.二号 * 10))).join('\n'), { font: FONT.小标宋, size: SIZE.二号 }), { align: 'center', grid: false, before: p.label ? LINE_PITCH : 0, after: LINE_PITCH, pageBreakBefore: !p.label, keepNext: true })
        : '';
      return label + titleXml || paragraph('', { pageBreakBefore: true });
    }
    case 'table':
      // Before a part that starts a new page, no empty line after the table (it could make a page of its own).
      return tableXml(p.table, next !== undefined && next.kind !== 'part-start');
    case 'imprint':
      return imprint(p);
  }
}

/** §7.5: the runs of `— N —`, 4号 half-width 宋体, N from a PAGE field (portrait and landscape footers). */
export function pageNumberRuns(): string {
  const r = (text: string) => run(text, { font: FONT.宋体, size: SIZE.四号 });
  const field = `<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:rFonts w:ascii="${FONT.宋体}" w:eastAsia="${FONT.宋体}" w:hAnsi="${FONT.宋体}"/><w:sz w:val="${SIZE.四号}"/><w:szCs w:val="${SIZE.四号}"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>`;
  return r('— ') + field + r(' —');
}

/** Table borders all off, and cells without margins: the tables that only place text (a joint 标志, a turned page number). */
export const NO_TABLE_BORDERS = '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
export const NO_CELL_MARGINS = '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>';

/**
 * §7.5: `— N —`, 4号 half-width 宋体, one character in from the outer edge (odd pages right, even left).
 * `lift`: space under the number, in twips, where the section's footer distance is less than FOOTER (信函格式).
 */
export function footerXml(side: 'odd' | 'even', lift = 0): string {
  const where = side === 'odd' ? { align: 'right' as const, rightChars: 1 } : { align: 'left' as const, leftChars: 1 };
  const p = paragraph(pageNumberRuns(), { ...where, charWidth: CHAR_4, grid: false, after: lift || undefined });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NS}>${p}</w:ftr>`;
}

export const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The footer of the pages §7.5 leaves unnumbered (the blank page before the 版记 and the 版记 page): empty. */
export function blankFooterXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NS}>${paragraph('', { grid: false })}</w:ftr>`;
}

/**
 * A section's properties: A4, the margins (mirrored: the binding side alternates), footers, the 22 × 28 grid.
 * `unnumbered`: the empty footer on odd and even pages alike (a section names its footers, or takes the previous one's).
 */
export function sectPr(opts: { evenPage?: boolean; letter?: boolean; unnumbered?: boolean; footer?: number } = {}): string {
  const [odd, even] = opts.unnumbered ? ['rIdFooterBlank', 'rIdFooterBlank'] : ['rIdFooterOdd', 'rIdFooterEven'];
  return (
    '<w:sectPr>' +
    (opts.letter ? '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' : '') +
    `<w:footerReference w:type="default" r:id="${odd}"/><w:footerReference w:type="even" r:id="${even}"/>` +
    (opts.letter ? '<w:footerReference w:type="first" r:id="rIdFooterFirst"/>' : '') +
    (opts.evenPage ? '<w:type w:val="evenPage"/>' : '') +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.outer}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.binding}" w:header="${opts.letter ? LETTER_HEADER : 851}" w:footer="${opts.footer ?? FOOTER}" w:gutter="0"/>` +
    '<w:pgNumType w:fmt="decimal"/>' +
    '<w:cols w:space="425"/>' +
    // 信函格式 (§10.1): the first page has its own header (标志, double line) and footer (no number).
    (opts.letter ? '<w:titlePg/>' : '') +
    `<w:docGrid w:type="linesAndChars" w:linePitch="${LINE_PITCH}" w:charSpace="${CHAR_SPACE}"/>` +
    '</w:sectPr>'
  );
}

/**
 * word/document.xml: the pieces in order; the 版记 in a section of its own (§7.4). `blankPage`: the
 * pagination engine (pages.ts) ends the text on an even page, so a blank page comes first, a section of
 * one empty paragraph, and neither it nor the 版记 page is numbered (§7.5). The 版记's section starts on an
 * even page all the same: where a renderer with other fonts ends the text a page off from the engine, it
 * adds a blank page of its own and the 版记 still stands on an even page.
 */
export function documentXml(pieces: readonly Piece[], opts: { blankPage?: boolean } = {}): string {
  const letter = pieces.some((p) => p.kind === 'logo' && p.format === 'letter');
  // 信函格式 (§10.1): the lower double line 20 mm from the bottom edge, in the first page's footer: every section's
  // footers stand there, the page numbers lifted back to theirs (docx.ts).
  const footer = letter ? LETTER_FOOTER : undefined;
  const main = pieces.filter((p) => p.kind !== 'imprint');
  const imprints = pieces.filter((p) => p.kind === 'imprint');
  // Wide tables on landscape pages of their own sections (landscape.ts, §8).
  const body = bodyWithLandscape(main, (i) => pieceXml(main[i], main[i - 1], main[i + 1]), (first) => sectPr({ letter: letter && first, footer }));
  let xml = body.xml;
  const mainSectPr = body.lastSectPr ?? sectPr({ letter: letter && !body.landscape, footer });
  if (imprints.length) {
    // The main section ends with an empty paragraph carrying its properties; the 版记's section follows.
    xml = body.lastSectPr ? xml + sectionEnd(mainSectPr) : closeSection(xml, mainSectPr);
    if (opts.blankPage) xml += paragraph('', { grid: false, sectPr: sectPr({ unnumbered: true, footer }) });
    xml += imprints.map((p) => pieceXml(p)).join('') + sectPr({ evenPage: true, unnumbered: opts.blankPage, footer });
  } else {
    // Word wants a paragraph, not a table, last in the body: a 1 pt one, so that it never makes a page.
    if (main[main.length - 1]?.kind === 'table') xml += paragraph('', { grid: false, line: 20 });
    xml += mainSectPr;
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${xml}</w:body></w:document>`;
}
