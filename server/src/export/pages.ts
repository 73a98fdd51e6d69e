/**
 * The pagination engine (issue #16, "Decisions: Pagination"): the pieces the export writes
 * (content.ts) laid out on the pages of the 通用格式 of GB/T 9704-2012 with the same numbers the
 * WordprocessingML uses (layout.ts, wordml.ts), so that the print preview shows the pages LibreOffice
 * and Word print. Pure. Vertical positions are in twips from the top of the 版心; every line on the grid
 * takes the grid's pitch (an exact line height), the 版头's 标志 and its red line their own heights.
 *
 * Rules followed, as the export sets them: 22 lines of 28 cells (lines.ts breaks the lines, with 避头尾);
 * spacing before a paragraph kept at the top of a page too (LibreOffice does, for a .docx); no widow or
 * orphan control (the export sets none); a paragraph kept with the next (`w:keepNext`: the last body
 * paragraph with the 署名, a heading standing alone with its text) moves whole to the next page with it;
 * the documents issued and the 附件 start a new page; the 版记 at the bottom of the next even page, with a
 * blank page before it when the text ends on an even page (then neither is numbered, §7.5).
 */
import type { Piece } from './content';
import { CHAR_3, CHAR_4, LINE_PITCH, LINES_PER_PAGE, CHARS_PER_LINE, LOGO_LINE, logoSpace, RED_LINE_GAP_PT, RED_LINE_SZ, SIZE, TEXT_WIDTH } from './layout';
import { balanceTitle, jointLogo, widthOf } from './title';
import { breakLines } from './lines';
import { isLandscape, LANDSCAPE_HEIGHT, landscapeRuns } from './landscape';
import { layRows, sliceRow, type LaidRow } from './table-layout';

/** The 版心's height, 225 mm, in twips. */
export const BODY_HEIGHT = Math.round((225 * 1440) / 25.4);

export type LineStyle = 'logo' | 'title' | 'body' | 'heading' | 'label' | 'imprint' | 'row';

export interface LaidLine {
  text: string;
  /** The piece's role (content.ts). */
  kind: string;
  style: LineStyle;
  /** Top of the line from the top of the 版心, and its height, in twips. */
  y: number;
  height: number;
  align: 'left' | 'center' | 'right';
  /** Indents from the 版心's left and right edges, in cells of the grid (one 3号 character). */
  left: number;
  right: number;
  placeholder?: boolean;
  /** The red separator line below this line (§7.2.6), or a 版记 rule above/below it (§7.4.1). */
  rule?: 'red' | 'imprint-top' | 'imprint-bottom';
  /** Where the line's text starts and ends in the source, when found there. */
  from?: number;
  to?: number;
  /** A table row (style `row`): its cells, ruled, as table.ts writes them (table-layout.ts). */
  row?: LaidRow;
}

export interface LaidPage {
  /** 1-based; the printed page number where `numbered`. */
  number: number;
  lines: LaidLine[];
  blank: boolean;
  /** The page holds the 版记. */
  imprint: boolean;
  /**
   * §7.5: "公文的版记页前有空白页的，空白页和版记页均不编排页码": false for the blank page before the 版记 and
   * for the 版记 page after it; a 版记 page with no blank page before it is numbered like any other.
   */
  numbered: boolean;
  /** A landscape page of a wide table (landscape.ts, §8): its 版心 225 mm wide, 156 mm high. */
  landscape?: boolean;
}

/** The text ended on an even page, so a blank page stands before the 版记 (the export writes it, wordml.ts). */
export const blankBeforeImprint = (pages: readonly LaidPage[]): boolean => pages.some((p) => p.blank);

interface Block {
  piece: Piece;
  lines: LaidLine[];
  before: number;
  after: number;
  keepNext: boolean;
  pageBreakBefore: boolean;
  /** On a landscape page (a wide table and its 附件 title, landscape.ts). */
  landscape?: boolean;
  /** A table's header rows, repeated at the top of every page the table runs on to (w:tblHeader). */
  header?: LaidLine[];
  /** A table row that may split: LibreOffice breaks it after any line, a single one left or carried over too. */
  splitAnywhere?: boolean;
}

const TITLE_CHARS = Math.floor(TEXT_WIDTH / (SIZE.二号 * 10));
const RED_LINE = RED_LINE_GAP_PT * 20 + (RED_LINE_SZ / 8) * 20;
const IMPRINT_CHARS = Math.floor((TEXT_WIDTH - 2 * CHAR_4) / CHAR_4);
const IMPRINT_CELL = CHAR_4 / CHAR_3;
/**
 * 信函格式: where LibreOffice starts the text under the first page's header (标志 and double line, special.ts),
 * from the top of the 版心: 18.3 mm, measured on the crafted 函 (test/office/special/letter.txt).
 */
const LETTER_BODY_TOP = Math.round(18.3 * (1440 / 25.4));

/** `start`: the line's offset in its piece's text; `slice`: the index of a split row's line (joinRowSlices). */
type Line = Omit<LaidLine, 'y'> & { start?: number; slice?: number };
const line = (text: string, kind: string, style: LineStyle, o: Partial<Line> = {}): Line => ({ text, kind, style, height: LINE_PITCH, align: 'left', left: 0, right: 0, ...o });

/**
 * A cell of the grid is 156 mm / 28 = 15.79 pt, a 3号 character 16 pt: an indent of two characters (what
 * the export writes, in twips) takes 2.03 cells, so a first line holds 25 characters, not 26.
 */
const CELL = TEXT_WIDTH / CHARS_PER_LINE;
const cells = (chars: number) => (chars * CHAR_3) / CELL;

/** Lines of a text on the grid, the first `firstIndent` characters in, the others `leftIndent`. */
function gridLines(text: string, kind: string, o: { firstIndent?: number; leftIndent?: number; right?: number; align?: LaidLine['align']; style?: LineStyle; placeholder?: boolean } = {}): Line[] {
  const width = CHARS_PER_LINE - cells(o.right ?? 0);
  return breakLines(text, width - cells(o.firstIndent ?? 0), width - cells(o.leftIndent ?? 0)).map((l, i) =>
    line(l.text, kind, o.style ?? 'body', { start: l.start, left: i === 0 ? o.firstIndent ?? 0 : o.leftIndent ?? 0, right: o.right ?? 0, align: o.align ?? 'left', placeholder: o.placeholder }),
  );
}

function block(p: Piece, previous: Piece | undefined, next: Piece | undefined): Block[] {
  const b = (lines: Line[], o: Partial<Omit<Block, 'lines' | 'piece'>> = {}): Block => ({ piece: p, lines: lines as LaidLine[], before: 0, after: 0, keepNext: false, pageBreakBefore: false, ...o });
  const ph = 'placeholder' in p && p.placeholder ? true : undefined;
  switch (p.kind) {
    case 'logo': {
      // 信函格式 (§10.1): the 标志 and its double line stand in the first page's header, the text below it.
      if (p.format === 'letter') return [b([line(p.text, p.kind, 'logo', { height: LETTER_BODY_TOP, align: 'center', placeholder: ph })])];
      // A joint 标志 (title.ts jointLogo, written by wordml.ts): the names stacked, 文件 beside them, taking no line of its own.
      const ls = (jointLogo(p.text)?.names ?? p.text.split('\n')).map((t) => line(t, p.kind, 'logo', { height: LOGO_LINE, align: 'center', placeholder: ph }));
      return [b(ls, { before: logoSpace(p.format) })];
    }
    case 'doc-number':
      // 信函: flush right under the double line; 令: the 令号 two lines under the 标志, a line before the text, no red line (wordml.ts).
      if (p.format === 'letter') return [b([line(p.text, p.kind, 'body', { align: 'right', placeholder: ph })])];
      if (p.format === 'order') return [b([line(p.text, p.kind, 'body', { align: 'center', placeholder: ph })], { before: 2 * LINE_PITCH, after: LINE_PITCH })];
      return [b([line(p.text, p.kind, 'body', { align: 'center', placeholder: ph, rule: 'red' })], { before: 2 * LINE_PITCH, after: RED_LINE })];
    case 'title':
      return [b(balanceTitle(p.text, TITLE_CHARS).map((t) => line(t, p.kind, 'title', { align: 'center', placeholder: ph })), { before: 2 * LINE_PITCH - RED_LINE_GAP_PT * 20 })];
    case 'addressee':
      return [b(gridLines(p.text, p.kind), { before: LINE_PITCH })];
    case 'paragraph':
      return [b(gridLines(p.text, p.kind, { firstIndent: 2 }), { keepNext: next?.kind === 'signature' })];
    case 'heading': {
      const centred = p.marker === 'chapter' || p.marker === 'section';
      // A heading with its sentence run on: LibreOffice gives the first line one cell less (the change of font
      // between the two runs; measured: such lines hold 24 characters where a plain paragraph's hold 25).
      const ls = gridLines(p.head + p.rest, p.kind, centred ? { align: 'center', style: 'heading' } : { firstIndent: 2, style: 'heading' });
      return [b(ls, { keepNext: centred || !p.rest })];
    }
    case 'attachment-note': {
      const lead = /^附件[:：]/.exec(p.text)?.[0].length ?? 0;
      const numbered = /^附件[:：][0-9０-９]{1,2}[.．]/.test(p.text) || !p.first;
      const hang = p.first ? lead + (numbered ? 1.5 : 0) : 1.5;
      const left = p.first ? 2 + hang : 2 + 3 + 1.5;
      const keepNext = next?.kind === 'signature' || next?.kind === 'attachment-note';
      return [b(gridLines(p.text, p.kind, { firstIndent: left - hang, leftIndent: left }), { before: p.first ? LINE_PITCH : 0, keepNext })];
    }
    case 'signature': {
      const after = previous?.kind === 'attachment-note' ? 2 : 3;
      const date = next?.kind === 'date' ? widthOf(next.text) : 7;
      const widest = Math.max(...p.text.split('\n').map(widthOf));
      const right = Math.max(0, 4 + (date - widest) / 2);
      return [b(gridLines(p.text, p.kind, { align: 'right', right, placeholder: ph }), { before: after * LINE_PITCH, keepNext: true })];
    }
    case 'date':
      return [b(gridLines(p.text, p.kind, { align: 'right', right: 4, placeholder: ph }))];
    case 'note':
      return [b(gridLines(p.text, p.kind, { firstIndent: 2 }))];
    case 'part-start': {
      const out: Block[] = [];
      if (p.label) out.push(b([line(p.label, p.kind, 'label')], { pageBreakBefore: true, keepNext: true }));
      if (p.title) {
        const ls = balanceTitle(p.title, TITLE_CHARS).map((t) => line(t, p.kind, 'title', { align: 'center' }));
        out.push(b(ls, { before: p.label ? LINE_PITCH : 0, after: LINE_PITCH, pageBreakBefore: !p.label, keepNext: true }));
      }
      return out.length ? out : [b([line('', p.kind, 'body')], { pageBreakBefore: true })];
    }
    case 'imprint':
      return [];
    case 'table': {
      // As table.ts writes it (table-layout.ts): a row a block, as high as its tallest cell; a row that may
      // not split (w:cantSplit) one line, moved whole to the next page; one that may, a line per line of its
      // cells; the header rows kept with the first row and repeated on every page the table runs on to.
      const rows = layRows(p.table);
      const rowLine = (r: LaidRow, height = r.height) => line(r.cells.map((c) => c.lines[0] ?? '').join(''), p.kind, 'row', { row: r, height });
      const header = rows.filter((r) => r.header).map((r) => rowLine(r) as LaidLine);
      const out = rows.map((r) => {
        if (r.header) return b([rowLine(r)], { keepNext: true });
        // A slice a line high, the last with the rule under the row.
        const ls = r.cantSplit ? [rowLine(r)] : Array.from({ length: r.lines }, (_, k) => ({ ...rowLine(sliceRow(r, k, k + 1), r.lineHeight + (k === r.lines - 1 ? r.height - r.lines * r.lineHeight : 0)), slice: k }));
        return b(ls, { header, splitAnywhere: !r.cantSplit });
      });
      // table.ts: an empty line of the grid after a table on the page of the text, unless a new page follows.
      if (!isLandscape(p.table) && next && next.kind !== 'part-start') out.push(b([line('', p.kind, 'body')]));
      return out;
    }
    default: {
      // A piece this engine does not know yet: its text, one paragraph.
      const text = (p as { text?: unknown }).text;
      return [b(gridLines(typeof text === 'string' ? text : '', (p as Piece).kind))];
    }
  }
}

/** The 版记's lines (§7.4), at the bottom of the 版心: 抄送 with its hanging indent, then the 印发 line. */
function imprintLines(p: Extract<Piece, { kind: 'imprint' }>): LaidLine[] {
  const out: Line[] = [];
  const cell = (n: number) => n * IMPRINT_CELL;
  if (p.cc) {
    const cc = `抄送：${p.cc.replace(/^抄送[:：]?/, '')}`;
    breakLines(cc, IMPRINT_CHARS, IMPRINT_CHARS - 3).forEach((l, i) => out.push(line(l.text, 'imprint', 'imprint', { left: cell(i === 0 ? 1 : 4), right: cell(1) })));
  }
  if (p.printer || p.printed) out.push(line(`${p.printer ?? ''}\u3000${p.printed ?? ''}`, 'imprint', 'imprint', { left: cell(1), right: cell(1) }));
  if (out.length) {
    out[0].rule = 'imprint-top';
    out[out.length - 1].rule = out.length === 1 ? 'imprint-top' : 'imprint-bottom';
  }
  // Placed on the last lines of the page, as the export's spacer puts them.
  return out.map((l, i) => ({ ...l, y: (LINES_PER_PAGE - out.length + i) * LINE_PITCH }));
}

/** The pages of the exported 公文, as LibreOffice lays out the .docx (within the tolerance in docs/export.md). */
export function paginate(pieces: readonly Piece[], source?: string): LaidPage[] {
  const main = pieces.filter((p) => p.kind !== 'imprint');
  // Wide tables, and the 附件 title before each, on landscape pages (landscape.ts).
  const turned = new Set(landscapeRuns(main).flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, k) => from + k)));
  const blocks = main.flatMap((p, i) => block(p, main[i - 1], main[i + 1]).map((b) => (turned.has(i) ? { ...b, landscape: true } : b)));
  // The main section ends on its last paragraph's mark, which takes no line of its own (wordml.ts closeSection).
  const imprints = pieces.filter((p): p is Extract<Piece, { kind: 'imprint' }> => p.kind === 'imprint');
  if (source !== undefined) locate(blocks, source);

  const pages: LaidPage[] = [];
  let page: LaidPage = { number: 1, lines: [], blank: false, imprint: false, numbered: true };
  let y = 0;
  /** The first block that starts on the current page, and the page each block starts on. */
  let pageStartBlock = 0;
  const startPage: number[] = [];
  const newPage = (bi: number) => {
    pages.push(page);
    page = { number: pages.length + 1, lines: [], blank: false, imprint: false, numbered: true, ...(blocks[bi]?.landscape ? { landscape: true } : {}) };
    y = 0;
    pageStartBlock = bi;
    // A table running on to this page: its header rows first.
    for (const h of blocks[bi]?.header ?? []) {
      page.lines.push({ ...h, y });
      y += h.height;
    }
    repeated = page.lines.length;
  };
  /** Lines of a repeated header at the top of the page: a page holding only them is empty for what follows. */
  let repeated = 0;
  const height = () => (page.landscape ? LANDSCAPE_HEIGHT : BODY_HEIGHT);
  const place = (b: Block, from: number, to: number) => {
    for (let li = from; li < to; li++) {
      const l = b.lines[li];
      l.y = y + (li === 0 ? b.before : 0);
      page.lines.push(l);
      y = l.y + l.height + (li === b.lines.length - 1 ? b.after : 0);
    }
  };
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    // A landscape section starts a new page, and so does the portrait one after it.
    if (!!b.landscape !== !!page.landscape) {
      if (page.lines.length) newPage(bi);
      else page.landscape = b.landscape || undefined;
    }
    if (b.pageBreakBefore && page.lines.length) newPage(bi);
    startPage[bi] = pages.length;
    const n = b.lines.length;
    let li = 0;
    while (li < n) {
      // How many of the remaining lines fit on this page.
      let fit = 0;
      for (let m = li, yy = y; m < n; m++, fit++) {
        const top = yy + (m === 0 ? b.before : 0);
        if (top + b.lines[m].height > height() + 1) break;
        yy = top + b.lines[m].height;
      }
      if (fit === n - li) {
        place(b, li, n);
        break;
      }
      // Widows and orphans (LibreOffice's default for the .docx: two lines): no paragraph leaves one line behind or carries one over.
      let take = fit;
      if (!b.splitAnywhere) {
        if (li === 0 && take < 2) take = 0;
        if (n - li - take < 2) take = Math.max(0, n - li - 2);
        if (li === 0 && take < 2) take = 0;
      }
      // A paragraph kept with the next that does not fit moves whole (LibreOffice does not split it).
      if (b.keepNext && li === 0) take = 0;
      // Nothing fits on an empty page (or one holding only the table's repeated header): what fits, at least one line, goes there.
      if (take === 0 && page.lines.length === repeated) take = Math.max(1, fit);
      if (take === 0 && li === 0) {
        // The paragraphs kept with this one (w:keepNext) go with it, when they all stand on this page.
        let from = bi;
        while (from > pageStartBlock && blocks[from - 1].keepNext && startPage[from - 1] === pages.length) from--;
        if (from < bi && from > pageStartBlock) {
          const moved = new Set(blocks.slice(from, bi).flatMap((k) => k.lines));
          page.lines = page.lines.filter((x) => !moved.has(x));
          newPage(from);
          for (let k = from; k < bi; k++) {
            startPage[k] = pages.length;
            place(blocks[k], 0, blocks[k].lines.length);
          }
        } else newPage(bi);
        startPage[bi] = pages.length;
        continue;
      }
      place(b, li, li + take);
      li += take;
      // The rest on the next page; a block placed whole on a page it overfills leaves the next block to start one
      // (else a table's repeated header would stand alone on it).
      if (li < n) newPage(bi);
    }
  }
  pages.push(page);
  if (imprints.length) {
    // The 版记 on an even page (§7.4): the next page when the text ends on an odd one; when it ends on an even
    // one, a blank page first, and then neither page is numbered (§7.5). The export writes that blank page.
    const blank = pages.length % 2 === 0;
    if (blank) pages.push({ number: pages.length + 1, lines: [], blank: true, imprint: false, numbered: false });
    pages.push({ number: pages.length + 1, lines: imprints.flatMap(imprintLines), blank: false, imprint: true, numbered: !blank });
  }
  for (const p of pages) p.lines = joinRowSlices(p.lines).map(({ start: _s, slice: _k, ...l }: LaidLine & { start?: number; slice?: number }) => l);
  return pages;
}

/** The lines of a split row that stand on one page, one row again (each slice carries its line's index in the row as `slice`). */
function joinRowSlices(lines: LaidLine[]): LaidLine[] {
  const out: Array<LaidLine & { slice?: number }> = [];
  for (const l of lines as Array<LaidLine & { slice?: number }>) {
    const prev = out[out.length - 1];
    if (l.row && prev?.row && l.slice && prev.slice === l.slice - 1 && Math.abs(prev.y + prev.height - l.y) < 2) {
      const cells = prev.row.cells.map((c, k) => ({ ...c, lines: [...c.lines, ...(l.row!.cells[k]?.lines ?? [])] }));
      const height = prev.height + l.height;
      out[out.length - 1] = { ...prev, height, slice: l.slice, row: { ...prev.row, cells, lines: prev.row.lines + l.row.lines, height } };
    } else out.push(l);
  }
  return out;
}

/** Pieces that may stand anywhere in the text (the 版头 and 署名 are placed by the standard, not by their place in it). */
const PLACED = new Set(['logo', 'doc-number', 'signature', 'date', 'note']);
const LOOKAHEAD = 4000;

/** Source offsets for the lines: each line's text found in the source (spaces ignored), in the text's order. */
function locate(blocks: Block[], source: string): void {
  const at: number[] = [];
  const kept: string[] = [];
  for (const m of source.matchAll(/[^\s\u3000]+/g)) {
    kept.push(m[0]);
    for (let k = 0; k < m[0].length; k++) at.push(m.index! + k);
  }
  const squeezed = kept.join('');
  let cursor = 0;
  for (const b of blocks) {
    const placed = PLACED.has(b.piece.kind);
    for (const l of b.lines) {
      const text = l.text.replace(/[\s\u3000]/g, '');
      if (!text) continue;
      const key = text.slice(0, 12);
      // The body is searched onwards, in the next few thousand characters: a line the model changed costs a short scan.
      const near = placed ? -1 : squeezed.slice(cursor, cursor + LOOKAHEAD).indexOf(key);
      const i = placed ? squeezed.indexOf(key) : near < 0 ? -1 : cursor + near;
      if (i < 0) continue;
      l.from = at[i];
      l.to = at[Math.min(at.length - 1, i + text.length - 1)] + 1;
      if (!placed) cursor = i + text.length;
    }
  }
}
