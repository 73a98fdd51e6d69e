/**
 * The layout checks of issue #16 on a rendered export: what LibreOffice made of the .docx, measured
 * from the PDF. Used by test/unit/export-render.test.ts (a few documents) and `npm run export:check`
 * (every seed and real 通知/意见/函/通报/批复).
 */
import { isBodySize, isPageNumber, pages, PT_PER_MM, redInk, redLine, type Page, type Word } from './page-layout';
import type { ExportFormat } from '../../server/src/export/special';

/** GB/T 9704-2012 §5.2: the 版心 on an odd page (mirrored on even pages), in points. */
const MM = PT_PER_MM;
const TOP = 37 * MM;
const BOTTOM = (37 + 225) * MM;
const INNER = 28 * MM;
const OUTER = 26 * MM;
const CHAR4 = 14;

export interface Measured {
  pages: number;
  /** Lines of text per page (the page number not counted), for the pages that hold any. */
  linesPerPage: number[];
  /** Most characters on one 3号 line inside the 版心 (a full-width mark hanging past the edge not counted). */
  maxChars: number;
  /** Pages whose 22 lines are all used, and lines with exactly 28 characters: the grid filled. */
  fullPages: number;
  /** Pages that are mostly table (more lines below 3号 than body lines): not counted in `linesPerPage`. */
  tablePages: number;
  /** Landscape pages (a wide table, GB/T 9704-2012 §8); counted among the table pages too. */
  landscapePages: number;
  fullLines: number;
  /** The 版记 page has a blank page before it (then neither carries a number, §7.5). */
  blankBeforeImprint: boolean;
  problems: string[];
}

const HANGING = /[，。、；：？！”’）》」,.;:!?)]$/;

/** LibreOffice's PDF export drops the blank pages it inserts (before a section that starts on an even page) unless told. */
export const PDF_FORMAT = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/**
 * `imprint`: the document has a 版记 (`printed`: with a 印发 line). `tables`: it holds tables, whose
 * rows (4号 or 五号, off the grid) are not lines of the 22 × 28 grid: on its pages the grid is
 * counted on the other lines, and a page that is mostly table is skipped (issue #16).
 */
export function checkExport(pdf: string, expect: { title: string; imprint: boolean; printed?: boolean; tables?: boolean; format?: ExportFormat }): Measured {
  const format = expect.format ?? 'general';
  const ps = pages(pdf);
  const problems: string[] = [];
  const say = (p: Page | undefined, what: string) => problems.push(p ? `page ${p.number}: ${what}` : what);
  const linesPerPage: number[] = [];
  let maxChars = 0;
  let fullPages = 0;
  let fullLines = 0;
  let tablePages = 0;
  let blankBeforeImprint = false;
  let landscapePages = 0;
  for (const [i, p] of ps.entries()) {
    const odd = p.number % 2 === 1;
    if (p.width > p.height) {
      landscapePages++;
      tablePages++;
      for (const problem of checkLandscape(p)) say(p, problem);
      continue;
    }
    const left = odd ? INNER : OUTER;
    const right = p.width - (odd ? OUTER : INNER);
    const text = p.lines.filter((l) => !isPageNumber(l));
    const numbers = p.lines.filter(isPageNumber);
    if (text.length === 0) {
      // The blank page before an even 版记 page: no page number on it (§7.5).
      if (numbers.length) say(p, 'a blank page carries a page number');
      continue;
    }
    const small = expect.tables ? text.filter((l) => l.height < 19.5) : [];
    const counted = text.length - small.length;
    if (small.length > counted) tablePages++;
    else {
      linesPerPage.push(counted);
      if (counted > 22) say(p, `${counted} lines (at most 22)`);
      if (counted === 22) fullPages++;
    }
    for (const l of text) {
      // The 信函's issuer's name stands in the first page's header, 30 mm from the top edge (§10.1; special-check.ts).
      if (format === 'letter' && i === 0 && l.y0 < TOP) continue;
      if (l.y0 < TOP - 3 || l.y1 > BOTTOM + 3) say(p, `a line outside the 版心: ${l.text.slice(0, 20)}`);
      if (!isBodySize(l)) continue;
      const chars = l.x1 > right + 3 && HANGING.test(l.text) ? l.chars - 1 : l.chars;
      maxChars = Math.max(maxChars, chars);
      if (chars === 28) fullLines++;
      if (chars > 28) say(p, `${chars} characters on a line: ${l.text}`);
      if (l.x0 < left - 3 || (l.x1 > right + 3 && !HANGING.test(l.text))) say(p, `a line outside the 版心 side to side: ${l.text.slice(0, 20)}`);
    }
    // §7.5: "版记页前有空白页的，空白页和版记页均不编排页码": the 版记 page after a blank page carries no number;
    // one without a blank page before it is numbered like any other (below).
    const afterBlank = i > 0 && ps[i - 1].lines.every(isPageNumber);
    if (expect.imprint && i === ps.length - 1 && afterBlank) {
      blankBeforeImprint = true;
      if (numbers.length) say(p, `the 版记 page after a blank page carries a page number (${numbers[0].text})`);
      continue;
    }
    // §10.1: the first page of a 信函 carries no number.
    if (format === 'letter' && i === 0) {
      if (numbers.length) say(p, `the first page of a 信函 carries a page number (${numbers[0].text})`);
      continue;
    }
    // §7.5: `— N —` 4号, 7 mm below the 版心 (±3 mm here), one character in from the outer edge.
    if (numbers.length !== 1) say(p, `${numbers.length} page numbers`);
    else {
      const n = numbers[0];
      if (n.text.replace(/\D/g, '') !== String(p.number)) say(p, `page number reads ${n.text}`);
      if (Math.abs(n.y0 - (BOTTOM + 7 * MM)) > 3 * MM) say(p, `page number ${((n.y0 - BOTTOM) / MM).toFixed(1)} mm below the 版心`);
      const inset = odd ? right - n.x1 : n.x0 - left;
      // LibreOffice 7.4 does not mirror the margins of a section that starts on an even page (the 版记's):
      // there the 版心 stands 2 mm (the 订口 less the outer margin) to the right; Word mirrors it.
      if (Math.abs(inset - CHAR4) > 3 + 2 * MM) say(p, `page number ${inset.toFixed(1)} pt from the 版心's ${odd ? 'right' : 'left'} edge (one 4号 character: 14 pt)`);
    }
  }
  const first = ps[0];
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  if (!first) say(undefined, 'no page');
  else {
    const firstText = squeeze(first.lines.map((l) => l.text).join(''));
    if (!firstText.includes(squeeze(expect.title).slice(0, 8))) say(first, 'the title is not on page 1');
    // §7.2.6: the red line as wide as the 版心, below the 发文字号 (the 信函's double lines and the 令's absence
    // of a line: special-check.ts).
    if (format !== 'letter' && format !== 'order') {
      // §7.2.4: the 发文机关标志's top 35 mm below the top of the 版心 (when no 份号/密级/紧急程度 line stands above it).
      const logo = first.lines[0];
      const ink = logo ? redInk(pdf, 1, logo) : undefined;
      if (ink && ink.share >= 0.5 && ink.top !== undefined && Math.abs(ink.top - TOP - 35 * MM) > 1.5 * MM) say(first, `the 标志 ${((ink.top - TOP) / MM).toFixed(1)} mm below the top of the 版心 (35)`);
      const red = redLine(pdf, 1);
      // The 发文字号: the last line above the red line (a joint 标志 takes several lines above it).
      const number = red ? first.lines.filter((l) => l.y1 <= red.y).pop() : undefined;
      if (!red) say(first, 'no red line');
      else {
        if (Math.abs(red.x1 - red.x0 - 156 * MM) > 3 * MM) say(first, `red line ${((red.x1 - red.x0) / MM).toFixed(1)} mm wide (156)`);
        if (number && (red.y < number.y1 || red.y - number.y1 > 8 * MM)) say(first, `red line ${((red.y - number.y1) / MM).toFixed(1)} mm below the 发文字号 (4)`);
      }
    }
  }
  const last = ps[ps.length - 1];
  if (last && last.lines.filter((l) => !isPageNumber(l)).length === 0) say(last, 'the last page is empty');
  if (expect.imprint && last) {
    // §7.4: the 版记 on the last page, an even one, at the bottom of the 版心.
    if (last.number % 2 !== 0) say(last, 'the 版记 page is odd');
    const printed = last.lines.filter((l) => !isPageNumber(l)).pop();
    if (!printed || (expect.printed && !/印发$/.test(squeeze(printed.text)))) say(last, 'the last line is not the 印发 line');
    else if (BOTTOM - printed.y1 > 12) say(last, `the 版记 ends ${((BOTTOM - printed.y1) / MM).toFixed(1)} mm above the bottom of the 版心`);
  }
  return { pages: ps.length, linesPerPage, maxChars, fullPages, tablePages, landscapePages, fullLines, blankBeforeImprint, problems };
}

/**
 * A landscape table page (export/landscape.ts, §8): the sheet turned a quarter clockwise, so the
 * portrait 版心 (天头 37 mm, 下白边 35 mm, 订口 28 mm, 切口 26 mm) stands 35 mm from the left, 37 mm from the
 * right and 26–28 mm from the top and bottom (the export sets 36 and 27 mm: Word mirrors only left and
 * right, see landscape.ts; 1 mm more allowed here). The page number stays where the portrait pages have
 * it on the sheet: in the left margin, turned, 7 mm from the 版心, ending one 4号 character before
 * the sheet's outer edge on odd pages (bottom) and starting one after it on even pages (top).
 */
export function checkLandscape(p: Page): string[] {
  const problems: string[] = [];
  const odd = p.number % 2 === 1;
  const box = { x0: 35 * MM, x1: p.width - 37 * MM, y0: 26 * MM, y1: p.height - 26 * MM };
  const slack = 3 + 1 * MM;
  const inMargin = (w: Word) => w.x1 < box.x0 - slack;
  const numberWords = p.words.filter(inMargin).sort((a, b) => a.y0 - b.y0);
  for (const w of p.words.filter((x) => !inMargin(x))) {
    if (w.x0 < box.x0 - slack || w.x1 > box.x1 + slack || w.y0 < box.y0 - slack || w.y1 > box.y1 + slack) problems.push(`text outside the landscape 版心: ${w.text} at (${(w.x0 / MM).toFixed(0)}, ${(w.y0 / MM).toFixed(0)}) mm`);
  }
  const text = numberWords.map((w) => w.text).join('');
  if (!/^—\d{1,4}—$/.test(text) || text.replace(/\D/g, '') !== String(p.number)) problems.push(`landscape page number reads ${JSON.stringify(text)}`);
  else {
    const n = { x0: Math.min(...numberWords.map((w) => w.x0)), x1: Math.max(...numberWords.map((w) => w.x1)), y0: numberWords[0].y0, y1: numberWords[numberWords.length - 1].y1 };
    // Turned: a character's height runs across the page, its line along the left edge.
    if (n.x1 - n.x0 > 1.5 * CHAR4 || n.y1 - n.y0 < 2 * CHAR4) problems.push('the landscape page number is not turned with the sheet');
    const below = (box.x0 - n.x1) / MM;
    if (Math.abs(below - 7) > 3) problems.push(`landscape page number ${below.toFixed(1)} mm from the 版心 (7)`);
    const inset = odd ? p.height - 26 * MM - n.y1 : n.y0 - 26 * MM;
    if (Math.abs(inset - CHAR4) > 3) problems.push(`landscape page number ${inset.toFixed(1)} pt from the sheet's outer edge of the 版心 (one 4号 character: 14 pt)`);
  }
  return problems;
}
