/**
 * Breaking a paragraph into lines of the 22 × 28 grid (GB/T 9704-2012 §5.2.4) the way LibreOffice
 * breaks the exported .docx, for the pagination engine (pages.ts). Pure.
 *
 * 避头尾 implemented: a closing mark (。，、；：？！）》”’ and the like) never starts a line. A stop or
 * comma (。，、；：？！) hangs past the right edge, as Word and LibreOffice allow; a closing bracket or
 * quote (）》”), or a second mark, pulls the last character down with it (as LibreOffice's renders do).
 * An opening mark (（《“‘〔「『) never ends a line. A run of Latin letters or figures (`2021-2025`) is not
 * broken except after a hyphen or where it alone is longer than the line.
 */

/** Marks that may not start a line. */
const NO_START = /^[，。、；：？！）》〕」』”’%·…—,.;:!?)\]]$/u;
/** The marks that may hang past the right edge (LibreOffice's hanging punctuation): the others pull a character down. */
const HANGS = /^[，。、．,.：；？！]$/u;
/** Marks that may not end a line. */
const NO_END = /^[（《〔「『“‘([]$/u;
/** Characters of a word or figure that LibreOffice does not break inside (`16.1%`, `2021`). */
const WORD = /^[0-9A-Za-z.%]$/;

/**
 * How LibreOffice sets Latin text on the 22 × 28 grid, found by measuring its renders of the exports
 * (pdftotext word boxes, `npm run export:check`). A Chinese character or full-width mark takes a cell. A
 * run of Latin letters, figures, spaces and marks is set at its own width — a letter or figure about 0.63 of
 * a cell (`kg/m3` 49.4 pt at 15.79 pt a cell), a stop, colon, slash or middle dot 0.34, a space 0.31 — and
 * the Chinese character after it starts at the next cell: the run takes whole cells (`3、` two cells,
 * `: kg/m3` five). A half-width mark right after a Chinese character takes that character's script and a
 * cell (`密度:`), and a quote or dash right after a letter or figure takes theirs (`“5·13”`: the closing
 * quote is in the Latin run). With these the engine puts the same first line on 334 of the 347 pages of the
 * 23 exports without tables as LibreOffice (294 with a flat 0.7 of a cell for every Latin character).
 */
const LATIN = 0.63;
const LATIN_NARROW = 0.34;
const NARROW = /^[.,:;'/!|·]$/;
const ALNUM = /^[0-9A-Za-z]$/;
/**
 * Dashes and quotes take the script of the character before them: one cell after a Chinese character,
 * but at the start of a paragraph they are Latin, about 1.25 cells (`——` or `“` and 23 characters
 * fill a first line of 26 cells in LibreOffice's renders).
 */
export const LEADING_MARK_CELLS = 1.25;
const WEAK = /^[—–“”‘’]$/;

/**
 * How wide Latin text is, in cells: on the grid (`ON_GRID`, above), or off it, in a table cell, where
 * a cell is one character of the table's size and LibreOffice sets a figure at its own width (about
 * 0.64 of a Chinese character in the test renders: `1037` 26.7 pt at 10.5 pt).
 */
export interface LatinWidths {
  half: number;
  /** A stop, colon, slash or middle dot. */
  narrow: number;
  space: number;
  leading: number;
  /**
   * A stop or comma may hang past the right edge. Not in a table cell: LibreOffice keeps it inside the
   * cell and takes the last character down with it (033's narrow columns: `成危害后` / `果，或满足`).
   */
  hang: boolean;
  /**
   * The space Word's and LibreOffice's autospacing (w:autoSpaceDE/DN, on by default) puts between a Chinese
   * character and a Latin letter or figure beside it, in cells (off the grid: about 0.22 of a character,
   * `第` `1` `号` in the renders; on the grid the run's whole cells take it in).
   */
  autoSpace: number;
  /** On the grid: a Latin run ends on a whole cell, and half-width marks and quotes take their neighbour's script. */
  grid: boolean;
}
export const ON_GRID: LatinWidths = { half: LATIN, narrow: LATIN_NARROW, space: 0.31, leading: LEADING_MARK_CELLS, hang: true, autoSpace: 0, grid: true };
export const OFF_GRID: LatinWidths = { half: 0.64, narrow: 0.64, space: 0.32, leading: 1, hang: false, autoSpace: 0.22, grid: false };
/**
 * `\p{Script=Han}` written out (Unicode 17, as Node 20's ICU 78 has it): the bundler makes the property escape a
 * `new RegExp`, built when the module loads, and V8 then builds the set from ICU's tables, ~3.6 M instructions and
 * ICU's data paged in at every start of the CLI, a lint included (callgrind, issue #18). test/unit/pages.test.ts
 * checks it against `\p{Script=Han}` over every code point.
 */
export const HAN = /[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\u{16fe2}-\u{16fe3}\u{16ff0}-\u{16ff6}\u{20000}-\u{2a6df}\u{2a700}-\u{2b81d}\u{2b820}-\u{2cead}\u{2ceb0}-\u{2ebe0}\u{2ebf0}-\u{2ee5d}\u{2f800}-\u{2fa1d}\u{30000}-\u{3134a}\u{31350}-\u{33479}]/u;
const wide = (c: string | undefined) => c !== undefined && c.codePointAt(0)! >= 0x2000;

/** The cells of each character of a paragraph. */
function widths(chars: string[], latin: LatinWidths): number[] {
  let leading = true;
  /** Whether each character belongs to a run of Latin text (on the grid: the run ends on a whole cell). */
  const inRun: boolean[] = [];
  const w = chars.map((c, i) => {
    inRun[i] = false;
    if (leading && WEAK.test(c)) return latin.leading;
    leading = false;
    const run = (cells: number) => {
      inRun[i] = true;
      return cells;
    };
    if (latin.grid && WEAK.test(c) && ALNUM.test(chars[i - 1] ?? '')) return run(latin.narrow);
    if (c === ' ') return run(latin.space);
    if (wide(c)) return 1;
    if (latin.grid && !ALNUM.test(c) && wide(chars[i - 1])) return 1;
    if (latin.grid) return run(NARROW.test(c) ? latin.narrow : latin.half);
    // Between a letter or figure and a Chinese character only (`。2.违法`: none around the marks).
    const spaced = (k: number) => (ALNUM.test(c) && k >= 0 && k < chars.length && HAN.test(chars[k]) ? latin.autoSpace : 0);
    return run(latin.half + spaced(i - 1) + spaced(i + 1));
  });
  if (!latin.grid) return w;
  // The character after a run starts at the next cell: the run's last character takes what is left of it.
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!inRun[i]) continue;
    sum += w[i];
    if (i + 1 < chars.length && !inRun[i + 1]) {
      w[i] += Math.ceil(sum - 0.02) - sum;
      sum = 0;
    }
  }
  return w;
}

export interface BrokenLine {
  text: string;
  /** Offset of the line's first code unit in the paragraph's text. */
  start: number;
}

/**
 * `text` in lines of at most `first` cells (the first line) and `rest` cells (the others); line breaks
 * in the text (`\n`) are kept.
 */
export function breakLines(text: string, first: number, rest: number, latin: LatinWidths = ON_GRID): BrokenLine[] {
  const out: BrokenLine[] = [];
  let offset = 0;
  for (const part of text.split('\n')) {
    for (const l of breakPart(Array.from(part), out.length === 0 ? first : rest, rest, latin)) out.push({ text: l.text, start: offset + l.start });
    offset += part.length + 1;
  }
  return out.length ? out : [{ text: '', start: 0 }];
}

function breakPart(chars: string[], first: number, rest: number, latin: LatinWidths): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let i = 0;
  let unit = 0;
  if (chars.length === 0) return [{ text: '', start: 0 }];
  const cells = widths(chars, latin);
  while (i < chars.length) {
    const room = (lines.length === 0 ? first : rest) + 0.01;
    let w = 0;
    let j = i;
    while (j < chars.length && w + cells[j] <= room) w += cells[j++];
    if (j < chars.length && j > i) {
      // A stop or comma hangs past the edge after a Chinese character, not after Latin text (LibreOffice).
      if (latin.hang && HANGS.test(chars[j]) && !NO_START.test(chars[j + 1] ?? '') && wide(chars[j - 1])) j++;
      else {
        let k = j;
        // Back off while the next line would start with a closing mark or this one end with an opening one.
        while (k > i + 1 && (NO_START.test(chars[k]) || NO_END.test(chars[k - 1]))) k--;
        // Not inside a run of Latin letters or figures, unless the run fills the line.
        let m = k;
        while (m > i + 1 && WORD.test(chars[m]) && WORD.test(chars[m - 1])) m--;
        if (m > i + 1) k = m;
        while (k > i + 1 && NO_END.test(chars[k - 1])) k--;
        j = k;
      }
    }
    if (j === i) j = i + 1;
    const text = chars.slice(i, j).join('');
    lines.push({ text, start: unit });
    unit += text.length;
    i = j;
  }
  return lines;
}
