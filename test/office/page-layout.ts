/**
 * Measures a rendered PDF the way a proof-reader would (issue #16): the lines of each page (words
 * grouped by their vertical position, from poppler's `pdftotext -bbox-layout`), how many characters
 * each holds (CJK 1, ASCII ½), the page number line, and the red line of the 版头 from the pixels
 * of the first page (`pdftoppm`). Poppler is installed by .ci/run when missing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { widthOf } from '../../server/src/export/title';

export const PT_PER_MM = 72 / 25.4;

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface Line {
  text: string;
  chars: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  height: number;
}
export interface Page {
  number: number;
  width: number;
  height: number;
  lines: Line[];
  /** The words as poppler gives them (a page number turned on a landscape page is a column of words, not a line). */
  words: Word[];
}

function poppler(tool: string, args: string[]): Buffer {
  const r = spawnSync(tool, args, { maxBuffer: 1 << 30 });
  if (r.error || r.status !== 0) throw new Error(`${tool} failed (${r.error?.message ?? r.status}): install poppler-utils (.ci/run does this before npm test)`);
  return r.stdout;
}

export function pages(pdf: string): Page[] {
  const xhtml = poppler('pdftotext', ['-bbox-layout', pdf, '-']).toString('utf8');
  const out: Page[] = [];
  for (const m of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: Word[] = [];
    for (const w of m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ x0: +w[1], y0: +w[2], x1: +w[3], y1: +w[4], text: w[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') });
    }
    words.sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
    const lines: Word[][] = [];
    for (const w of words) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last[0].y1 - w.y1) < 4) last.push(w);
      else lines.push([w]);
    }
    out.push({
      number: out.length + 1,
      width: +m[1],
      height: +m[2],
      words,
      lines: lines.map((ws) => {
        ws.sort((a, b) => a.x0 - b.x0);
        const text = ws.map((w) => w.text).join('');
        return { text, chars: widthOf(text), x0: Math.min(...ws.map((w) => w.x0)), x1: Math.max(...ws.map((w) => w.x1)), y0: Math.min(...ws.map((w) => w.y0)), y1: Math.max(...ws.map((w) => w.y1)), height: Math.max(...ws.map((w) => w.y1 - w.y0)) };
      }),
    });
  }
  return out;
}

export const isPageNumber = (l: Line) => /^—\d{1,4}—$/.test(l.text.replace(/\s+/g, ''));
/** A 3号 line: pdftotext's box of a 16 pt line is about 21 pt high (2号 about 29, 4号 about 18). */
export const isBodySize = (l: Line) => l.height > 19.5 && l.height < 23;

/** The rows of red pixels on a page: the topmost red row's position and its width, in points. */
export function redLine(pdf: string, page: number): { y: number; x0: number; x1: number } | undefined {
  const r = redRules(pdf, page)[0];
  return r && { y: r.y0, x0: r.x0, x1: r.x1 };
}

export interface Rule {
  /** Top and bottom of the rule (rows of red pixels next to each other), its ends; in points. */
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

/** A page as RGB pixels (pdftoppm), `dpi` pixels an inch. */
export function pixels(pdf: string, page: number, dpi = 72): { w: number; h: number; rgb: Buffer } {
  const ppm = poppler('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  return { w: +header[1], h: +header[2], rgb: ppm.subarray(header[0].length) };
}
const isRed = (rgb: Buffer, i: number) => rgb[i] > 180 && rgb[i + 1] < 90 && rgb[i + 2] < 90;

/** The red rules of a page, top to bottom: long unbroken runs of red pixels (not the red characters of a 标志). */
export function redRules(pdf: string, page: number, dpi = 72): Rule[] {
  const { w, h, rgb: data } = pixels(pdf, page, dpi);
  const pt = (n: number) => (n * 72) / dpi;
  const rules: Rule[] = [];
  for (let y = 0; y < h; y++) {
    let x0 = -1;
    let x1 = -1;
    let count = 0;
    for (let x = 0; x < w; x++) {
      if (isRed(data, (y * w + x) * 3)) {
        if (x0 < 0) x0 = x;
        x1 = x;
        count++;
      }
    }
    if (!(count > w / 2 && count > (x1 - x0) * 0.95)) continue;
    const last = rules[rules.length - 1];
    if (last && pt(y) - last.y1 < pt(1.5)) last.y1 = pt(y + 1);
    else rules.push({ y0: pt(y), y1: pt(y + 1), x0: pt(x0), x1: pt(x1 + 1) });
  }
  return rules;
}

/**
 * The ink of a box of a page (points): the share of it that is red (the colour of a line of text), and
 * the top and bottom of the red ink (the characters' edges, which the standard measures: pdftotext's box
 * is the font's, taller than the glyphs).
 */
export function redInk(pdf: string, page: number, box: { x0: number; y0: number; x1: number; y1: number }, dpi = 144): { share: number; top?: number; bottom?: number } {
  const { w, rgb } = pixels(pdf, page, dpi);
  const px = (n: number) => Math.round((n * dpi) / 72);
  let red = 0;
  let ink = 0;
  let top: number | undefined;
  let bottom: number | undefined;
  for (let y = px(box.y0); y < px(box.y1); y++) {
    for (let x = px(box.x0); x < px(box.x1); x++) {
      const i = (y * w + x) * 3;
      if (rgb[i] + rgb[i + 1] + rgb[i + 2] > 600) continue;
      ink++;
      if (!isRed(rgb, i)) continue;
      red++;
      top ??= (y * 72) / dpi;
      bottom = ((y + 1) * 72) / dpi;
    }
  }
  return { share: ink ? red / ink : 0, top, bottom };
}

export function exists(file: string): boolean {
  return fs.existsSync(file);
}
