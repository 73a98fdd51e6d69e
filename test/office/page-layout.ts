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
  const dpi = 72;
  const ppm = poppler('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const [w, h] = [+header[1], +header[2]];
  const data = ppm.subarray(header[0].length);
  for (let y = 0; y < h; y++) {
    let x0 = -1;
    let x1 = -1;
    let count = 0;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      if (data[i] > 180 && data[i + 1] < 90 && data[i + 2] < 90) {
        if (x0 < 0) x0 = x;
        x1 = x;
        count++;
      }
    }
    // A rule, not the red characters of the 标志: a long unbroken run.
    if (count > w / 2 && count > (x1 - x0) * 0.95) return { y: (y * 72) / dpi, x0: (x0 * 72) / dpi, x1: ((x1 + 1) * 72) / dpi };
  }
  return undefined;
}

export function exists(file: string): boolean {
  return fs.existsSync(file);
}
