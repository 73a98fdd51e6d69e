/**
 * What a fix changed, found from the texts alone (issue #14, "certain means certain"): the changed
 * regions of a character diff of before/after, and whether each lies inside some finding's range.
 * The diff does not know which edit made a change, so a pure insertion or deletion that could
 * equally stand a few characters to the left or right (`、甲、甲` → `、甲`) is accepted at any of
 * those places.
 */
import type { Range } from 'vscode-languageserver-types';

/** A change in `before` coordinates: [start, end) replaced by `inserted`. */
export interface Region {
  start: number;
  end: number;
  inserted: string;
}

/** Physical lines with their start offsets (CRLF, LF or CR, as the parser splits them). */
export function lineStarts(text: string): { starts: number[]; lines: string[] } {
  const starts = [0];
  const lines: string[] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  for (let m; (m = re.exec(text)); ) {
    lines.push(text.slice(from, m.index));
    from = m.index + m[0].length;
    starts.push(from);
  }
  lines.push(text.slice(from));
  return { starts, lines };
}

/** Beyond this many differences in one line the whole changed middle of the line is one region. */
const MAX_DIFFERENCES = 2000;

/**
 * Myers' O(ND) diff of two strings: the changed regions of `a` (offsets into `a`), or undefined when
 * they differ in more than MAX_DIFFERENCES places.
 */
function myers(a: string, b: string): Array<{ start: number; end: number; inserted: string }> | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_DIFFERENCES);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) return undefined;
  // Walk back through the trace: each step is one deletion of a[x] or one insertion of b[y] at x.
  const ops: Array<{ del: boolean; x: number; y: number }> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const pv = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && pv[offset + k - 1] < pv[offset + k + 1]);
    const pk = down ? k + 1 : k - 1;
    x = pv[offset + pk];
    y = x - pk;
    ops.push({ del: !down, x, y });
  }
  ops.reverse();
  // Operations with no equal character between them form one region.
  const regions: Array<{ start: number; end: number; inserted: string; bEnd: number }> = [];
  for (const op of ops) {
    const last = regions[regions.length - 1];
    const end = op.del ? op.x + 1 : op.x;
    const bEnd = op.del ? op.y : op.y + 1;
    const piece = op.del ? '' : b[op.y];
    if (last && last.end === op.x && last.bEnd === op.y) {
      last.end = end;
      last.bEnd = bEnd;
      last.inserted += piece;
    } else regions.push({ start: op.x, end, inserted: piece, bEnd });
  }
  return regions.map(({ start, end, inserted }) => ({ start, end, inserted }));
}

/** The changed regions of `before` → `after`, diffed line by line when the line count is kept. */
export function changedRegions(before: string, after: string): Region[] {
  const a = lineStarts(before);
  const b = lineStarts(after);
  const pairs: Array<[number, string, string]> =
    a.lines.length === b.lines.length
      ? a.lines.map((l, i) => [a.starts[i], l, b.lines[i]] as [number, string, string]).filter(([, x, y]) => x !== y)
      : [[0, before, after]];
  const out: Region[] = [];
  for (const [base, x, y] of pairs) {
    let p = 0;
    while (p < x.length && p < y.length && x[p] === y[p]) p++;
    let s = 0;
    while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
    const mx = x.slice(p, x.length - s);
    const my = y.slice(p, y.length - s);
    const inner = myers(mx, my) ?? [{ start: 0, end: mx.length, inserted: my }];
    for (const r of inner) out.push({ start: base + p + r.start, end: base + p + r.end, inserted: r.inserted });
  }
  return out;
}

/**
 * Where a pure insertion or deletion could equally stand: the lowest and highest start offset at
 * which it gives the same text. A replacement stands where it is.
 */
function slideRange(text: string, r: Region): [number, number] {
  if (r.start !== r.end && r.inserted !== '') return [r.start, r.start];
  // The moving piece: what is deleted, or what is inserted (rotating as it slides).
  let lo = r.start;
  let hi = r.start;
  if (r.inserted === '') {
    const len = r.end - r.start;
    while (lo > 0 && text[lo - 1] === text[lo - 1 + len]) lo--;
    while (hi + len < text.length && text[hi] === text[hi + len]) hi++;
  } else {
    let piece = r.inserted;
    while (lo > 0 && text[lo - 1] === piece[piece.length - 1]) {
      piece = piece[piece.length - 1] + piece.slice(0, -1);
      lo--;
    }
    piece = r.inserted;
    while (hi < text.length && text[hi] === piece[0]) {
      piece = piece.slice(1) + piece[0];
      hi++;
    }
  }
  return [lo, hi];
}

/** Offsets of a range's ends in `text` (given its line starts). */
export function rangeOffsets(starts: number[], range: Range): [number, number] {
  return [starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character];
}

/**
 * The regions of `before` → `after` that lie inside no range of `ranges` (a range's two ends count as
 * inside, so an insertion at either end is inside). Ranges that touch or overlap are one span: the
 * diff joins the fixes of two adjacent findings (`:(` → `：（`) into one region.
 */
export function regionsOutside(before: string, after: string, ranges: readonly Range[]): Region[] {
  const { starts } = lineStarts(before);
  const spans: Array<[number, number]> = [];
  for (const [a, b] of ranges.map((r) => rangeOffsets(starts, r)).sort((x, y) => x[0] - y[0])) {
    const last = spans[spans.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else spans.push([a, b]);
  }
  const inside = (start: number, end: number) => spans.some(([a, b]) => a <= start && end <= b);
  return changedRegions(before, after).filter((r) => {
    const [lo, hi] = slideRange(before, r);
    const len = r.end - r.start;
    for (let s = lo; s <= hi; s++) if (inside(s, s + len)) return false;
    return true;
  });
}

/** A region as `line:character "old" → "new"`, for an assertion message. */
export function describeRegion(text: string, r: Region): string {
  const { starts, lines } = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= r.start) line++;
  const character = r.start - starts[line];
  return `${line + 1}:${character + 1} "${text.slice(r.start, r.end)}" → "${r.inserted}" in “${lines[line].slice(Math.max(0, character - 12), character + 12)}”`;
}
