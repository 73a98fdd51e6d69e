/**
 * The distinctive parts of the special formats of GB/T 9704-2012 §10 measured on a rendered export
 * (issue #16), beside the checks every export gets (export-check.ts): the 信函's issuer's name and red
 * double lines, the 令's 标志 and 令号, the 纪要's mark and attendance labels. Used by
 * test/unit/export-render.test.ts and `npm run export:check` on the crafted 函, 令 and 纪要 of
 * test/office/special/.
 */
import type { ExportFormat } from '../../server/src/export/special';
import { isPageNumber, pages, PT_PER_MM, redInk, redRules, type Line, type Page } from './page-layout';

const MM = PT_PER_MM;
/** §5.2.2: the top of the 版心, its left edge on odd and even pages, its width. */
const TOP = 37 * MM;
const LEFT = { odd: 28 * MM, even: 26 * MM };
const WIDTH = 156 * MM;
const CHAR3 = 16;
/**
 * A cell of the 28-character grid. LibreOffice starts text on the grid at a whole cell: an indent of two
 * 3号 characters (32 pt, 2.03 cells) puts the first character in the fourth cell, as in every paragraph.
 */
const CELL = WIDTH / 28;
const indentOnGrid = (chars: number) => Math.ceil((chars * CHAR3) / CELL - 0.01) * CELL;
/** How far a measured edge may stand from the standard's: a rendering with substitute fonts, read at 144 dpi. */
const TOLERANCE = 1.5 * MM;

export interface SpecialMeasured {
  /** What was measured, in mm, for docs/export.md. */
  figures: Record<string, number>;
  problems: string[];
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
const mm = (pt: number) => Math.round((pt / MM) * 10) / 10;

/** `logo`: the 标志's text; `number`: the 发文字号 or 令号. */
export function checkSpecial(pdf: string, format: Exclude<ExportFormat, 'general'>, expect: { logo: string; number?: string }): SpecialMeasured {
  const ps = pages(pdf);
  const problems: string[] = [];
  const figures: Record<string, number> = {};
  const first = ps[0];
  if (!first) return { figures, problems: ['no page'] };
  const say = (p: Page, what: string) => problems.push(`page ${p.number}: ${what}`);
  const rules = redRules(pdf, 1);
  const logo = first.lines.find((l) => squeeze(l.text) === squeeze(expect.logo));
  if (!logo) return { figures, problems: [`page 1: no line reads ${expect.logo}`] };
  // The 标志's characters (above a rule that crosses its box): red, and their top edge.
  const ink = redInk(pdf, 1, { ...logo, y1: Math.min(logo.y1, ...rules.filter((r) => r.y0 > logo.y0).map((r) => r.y0 - 0.5)) });
  figures.logoRed = Math.round(ink.share * 100) / 100;
  if (ink.share < 0.5 || ink.top === undefined) say(first, `the 标志 is not red (${ink.share.toFixed(2)} of its ink)`);
  const centre = (l: Line) => (l.x0 + l.x1) / 2 - (LEFT.odd + WIDTH / 2);
  if (Math.abs(centre(logo)) > 3 * MM) say(first, `the 标志 stands ${mm(centre(logo))} mm off the centre`);

  if (format === 'letter') {
    // §10.1: the issuer's name 30 mm from the top edge of the page; a red double line 4 mm under it and another
    // 20 mm from the bottom edge, both 170 mm long; no page number on the first page (export-check.ts).
    if (ink.top !== undefined) {
      figures.logoFromPageTop = mm(ink.top);
      if (Math.abs(ink.top - 30 * MM) > TOLERANCE) say(first, `the issuer's name ${mm(ink.top)} mm from the top edge (30)`);
    }
    if (rules.length !== 2) say(first, `${rules.length} red rules (the two double lines)`);
    else {
      const [upper, lower] = rules;
      figures.upperBelowLogo = mm(upper.y0 - (ink.bottom ?? logo.y1));
      figures.lowerFromBottom = mm(first.height - lower.y1);
      figures.upperLength = mm(upper.x1 - upper.x0);
      figures.lowerLength = mm(lower.x1 - lower.x0);
      for (const r of rules) if (Math.abs(r.x1 - r.x0 - 170 * MM) > 2 * MM) say(first, `a double line ${mm(r.x1 - r.x0)} mm long (170)`);
      if (Math.abs(upper.y0 - (ink.bottom ?? logo.y1) - 4 * MM) > TOLERANCE) say(first, `the upper double line ${figures.upperBelowLogo} mm under the name (4)`);
      if (Math.abs(first.height - lower.y1 - 20 * MM) > TOLERANCE) say(first, `the lower double line ${figures.lowerFromBottom} mm from the bottom edge (20)`);
      // A double line: two rules of red at a finer reading, the upper line thick over thin, the lower thin over thick.
      const fine = redRules(pdf, 1, 288);
      rules.forEach((r, k) => {
        const bands = fine.filter((b) => b.y0 >= r.y0 - 1 && b.y1 <= r.y1 + 1);
        const [a, b] = bands.map((x) => x.y1 - x.y0);
        if (bands.length !== 2) say(first, `the line at ${mm(r.y0)} mm is not double (${bands.length} rules)`);
        else if (k === 0 ? a <= b : a >= b) say(first, `the ${k === 0 ? 'upper line is not thick over thin' : 'lower line is not thin over thick'} (${mm(a)} and ${mm(b)} mm)`);
      });
    }
    const number = first.lines[first.lines.indexOf(logo) + 1];
    if (expect.number && (!number || squeeze(number.text) !== squeeze(expect.number))) say(first, `the 发文字号 does not follow the double line`);
    else if (number && LEFT.odd + WIDTH - number.x1 > CHAR3) say(first, `the 发文字号 is not flush right (${mm(LEFT.odd + WIDTH - number.x1)} mm in)`);
  }

  if (format === 'order') {
    // §10.2: the 标志 20 mm below the top of the 版心; the 令号 centred under it; no red line.
    if (ink.top !== undefined) {
      figures.logoBelowTextTop = mm(ink.top - TOP);
      if (Math.abs(ink.top - TOP - 20 * MM) > TOLERANCE) say(first, `the 标志 ${figures.logoBelowTextTop} mm below the top of the 版心 (20)`);
    }
    const number = first.lines[first.lines.indexOf(logo) + 1];
    if (!number || squeeze(number.text) !== squeeze(expect.number ?? '')) say(first, `the 令号 ${expect.number} does not follow the 标志`);
    else {
      figures.numberBelowLogo = mm(number.y0 - logo.y1);
      if (Math.abs(centre(number)) > CHAR3) say(first, `the 令号 stands ${mm(centre(number))} mm off the centre`);
    }
    if (rules.length) say(first, `a red rule at ${mm(rules[0].y0)} mm (a 令 has none)`);
  }

  if (format === 'minutes') {
    // §10.3 and §7.2.4: the mark's top 35 mm below the top of the 版心, as in the 通用格式.
    if (ink.top !== undefined) {
      figures.logoBelowTextTop = mm(ink.top - TOP);
      if (Math.abs(ink.top - TOP - 35 * MM) > TOLERANCE) say(first, `the 纪要 mark ${figures.logoBelowTextTop} mm below the top of the 版心 (35)`);
    }
    // §10.3: the ××纪要 mark; 出席/列席/请假 two characters in, their names wrapped under the first name.
    const labelled = ps.flatMap((p) => p.lines.filter((l) => /^(出席|列席|请假)[:：]/.test(l.text)).map((l) => ({ p, l })));
    figures.attendanceLabels = labelled.length;
    if (!labelled.some(({ l }) => l.text.startsWith('出席')) || !labelled.some(({ l }) => l.text.startsWith('列席'))) say(first, 'no 出席 or 列席 line');
    for (const { p, l } of labelled) {
      const left = p.number % 2 ? LEFT.odd : LEFT.even;
      if (Math.abs(l.x0 - left - indentOnGrid(2)) > 3) say(p, `${l.text.slice(0, 3)} ${(l.x0 - left).toFixed(1)} pt in (two characters on the grid: ${indentOnGrid(2).toFixed(1)})`);
      const next = p.lines[p.lines.indexOf(l) + 1];
      const label = /^[^:：]+[:：]/.exec(l.text)![0].length;
      if (next && !isPageNumber(next) && !/^(出席|列席|请假)/.test(next.text) && next.y0 - l.y1 < 10) {
        // Under the first name: the label's characters further in, a cell each.
        figures.wrapUnderFirstName = mm(next.x0 - l.x0 - label * CELL);
        if (Math.abs(next.x0 - l.x0 - label * CELL) > 3) say(p, `the names after ${l.text.slice(0, 3)} wrap ${(next.x0 - l.x0).toFixed(1)} pt right of the label (under the first name: ${(label * CELL).toFixed(1)})`);
      }
    }
  }
  return { figures, problems };
}
