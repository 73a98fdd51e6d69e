/**
 * Which heading markers may come next at a given line: the next marker of the current level, the
 * first marker of the level below, and the next marker of each enclosing level (GB/T 9704-2012
 * §7.3.3: 一、 → （一） → 1. → （1））. Markers are written in the document's own style: full- or
 * half-width brackets and dot as the document mostly writes them, and numbering that runs on
 * across sections where the document does so (seed 002: （七） under 三、 follows （六） under 二、).
 * Pure: a parsed document in, candidates out.
 */
import { standardMarker } from '../model/marker-format';
import type { GongwenDocument, Heading, MarkerKind } from '../model/types';
import { numberToChinese } from '../model/numbering';

export type MarkerRole = 'sibling' | 'child' | 'ancestor' | 'first';

export interface MarkerCandidate {
  marker: string;
  kind: MarkerKind;
  number: number;
  role: MarkerRole;
  /** The heading the candidate follows or opens under (absent for the document's first heading). */
  after?: Heading;
}

/** The numbered kinds in order of depth; `——` items are not numbered and not offered. */
const DEPTH: readonly MarkerKind[] = ['chinese', 'paren-chinese', 'arabic', 'paren-arabic'];

/** How the document writes brackets and the dot, by majority; the standard's form on a tie. */
export interface MarkerStyle {
  /** `（）` (standard) or `()` for the bracketed kinds. */
  parens: Record<'paren-chinese' | 'paren-arabic', [string, string]>;
  /** `.` (standard) or `．` after Arabic numbers. */
  dot: string;
}

export function markerStyle(headings: readonly Heading[]): MarkerStyle {
  const count = { 'paren-chinese': [0, 0], 'paren-arabic': [0, 0], dot: [0, 0] };
  for (const h of headings) {
    if (h.kind === 'paren-chinese' || h.kind === 'paren-arabic') count[h.kind][h.marker.startsWith('(') ? 1 : 0]++;
    else if (h.kind === 'arabic') count.dot[h.marker.includes('．') ? 1 : 0]++;
  }
  const pair = (c: number[]): [string, string] => (c[1] > c[0] ? ['(', ')'] : ['（', '）']);
  return {
    parens: { 'paren-chinese': pair(count['paren-chinese']), 'paren-arabic': pair(count['paren-arabic']) },
    dot: count.dot[1] > count.dot[0] ? '．' : '.',
  };
}

export function formatMarker(kind: MarkerKind, n: number, style: MarkerStyle): string {
  switch (kind) {
    case 'chinese':
      return `${numberToChinese(n)}、`;
    case 'paren-chinese':
    case 'paren-arabic': {
      const [open, close] = style.parens[kind];
      return `${open}${kind === 'paren-chinese' ? numberToChinese(n) : n}${close}`;
    }
    case 'arabic':
      return `${n}${style.dot}`;
    case 'dash':
      return '——';
    default:
      return standardMarker(kind, n);
  }
}

/**
 * Kinds whose numbering runs on across parents: some heading of that kind opens its parent's
 * list with a number above 1 (seed 002's （七）). Restarting at 1 is the standard's default.
 */
export function continuousKinds(headings: readonly Heading[]): Set<MarkerKind> {
  const out = new Set<MarkerKind>();
  for (const h of headings) {
    if (!h.parent || h.number <= 1) continue;
    const first = h.parent.children.find((c) => c.kind === h.kind);
    if (first === h) out.add(h.kind);
  }
  return out;
}

/** The last heading of the document that starts before `line`. */
export function headingBefore(doc: GongwenDocument, line: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of doc.allHeadings) {
    if (h.markerRange.start.line >= line) break;
    found = h;
  }
  return found;
}

/** The largest number used so far for `kind` among headings before `line` (for running numbering). */
function lastNumberOf(doc: GongwenDocument, kind: MarkerKind, line: number): number {
  let n = 0;
  for (const h of doc.allHeadings) {
    if (h.markerRange.start.line >= line) break;
    if (h.kind === kind) n = h.number;
  }
  return n;
}

/** Candidates for a heading starting at `line`, most likely first; no duplicates. */
export function nextMarkers(doc: GongwenDocument, line: number): MarkerCandidate[] {
  const style = markerStyle(doc.allHeadings);
  const last = headingBefore(doc, line);
  if (!last) {
    // Before the plan's title the lines belong to the notice, where no heading stands.
    const title = doc.notice.方案标题;
    if (title && line <= title.range.end.line) return [];
    return [{ marker: formatMarker('chinese', 1, style), kind: 'chinese', number: 1, role: 'first' }];
  }
  const out: MarkerCandidate[] = [];
  const add = (kind: MarkerKind, number: number, role: MarkerRole, after: Heading, taken: boolean) => {
    const marker = formatMarker(kind, number, style);
    // A marker the document already has where this one would go is never offered (issue #20).
    if (!taken && !out.some((c) => c.marker === marker)) out.push({ marker, kind, number, role, after });
  };
  add(last.kind, last.number + 1, 'sibling', last, siblingExists(doc, last, last.number + 1, line));
  const depth = DEPTH.indexOf(last.kind);
  const childKind = depth >= 0 ? DEPTH[depth + 1] : undefined;
  if (childKind) {
    const running = continuousKinds(doc.allHeadings).has(childKind);
    const number = running ? lastNumberOf(doc, childKind, line) + 1 : 1;
    add(childKind, number, 'child', last, last.children.some((c) => c.kind === childKind && c.number === number && c.markerRange.start.line !== line));
  }
  for (let up = last.parent; up; up = up.parent) {
    if (up.kind !== 'dash') add(up.kind, up.number + 1, 'ancestor', up, siblingExists(doc, up, up.number + 1, line));
  }
  return out;
}

/**
 * Whether a later sibling of `heading` (same parent, same kind) already has `number`: the run of siblings
 * ends where the numbering starts again (top-level headings of the next part). `line`: the cursor's line.
 */
function siblingExists(doc: GongwenDocument, heading: Heading, number: number, line: number): boolean {
  const siblings = heading.parent ? heading.parent.children : doc.allHeadings.filter((h) => !h.parent);
  for (let i = siblings.indexOf(heading) + 1; i < siblings.length; i++) {
    const h = siblings[i];
    // The heading on the cursor's own line is the one being written, not another.
    if (h.kind !== heading.kind || h.markerRange.start.line === line) continue;
    if (h.number <= heading.number) return false;
    if (h.number === number) return true;
  }
  return false;
}

/** The marker of the next child of `section` for a heading starting at `line`. */
export function nextChildMarker(doc: GongwenDocument, section: Heading, line: number): string | undefined {
  const style = markerStyle(doc.allHeadings);
  const before = section.children.filter((c) => c.kind !== 'dash' && c.markerRange.start.line < line);
  const lastChild = before[before.length - 1];
  if (lastChild) return formatMarker(lastChild.kind, lastChild.number + 1, style);
  const childKind = DEPTH[DEPTH.indexOf(section.kind) + 1];
  if (!childKind || section.kind === 'dash') return undefined;
  const running = continuousKinds(doc.allHeadings).has(childKind);
  return formatMarker(childKind, running ? lastNumberOf(doc, childKind, line) + 1 : 1, style);
}
