/**
 * The heading tree of the plan (GB/T 9704-2012 §7.3.3). A heading nests under the nearest
 * earlier heading whose marker kind ranks above its own, so a document that skips a level
 * still gets a sensible tree, and `——` items hang under whatever heading they follow.
 */
import type { Block, Heading, SourceLine } from './types';
import { rankOf } from './types';
import type { ParsedBlock } from './blocks';
import type { HeadingItem } from './parts';
import type { LineIndex } from './positions';
import type { SpanMaker } from './spans';

/** A title longer than this is a run-in paragraph without a full stop; cut it for display. */
const MAX_TITLE = 60;

/** The heading tree of one part: `items` are its heading blocks (parts.ts), `to` is where the part ends. */
export function buildHeadings(
  blocks: ParsedBlock[],
  items: readonly HeadingItem[],
  to: number,
  lines: SourceLine[],
  index: LineIndex,
  spans: SpanMaker,
): { roots: Heading[]; all: Heading[] } {
  const roots: Heading[] = [];
  const all: Heading[] = [];
  const blockOf = new Map<Heading, number>();
  const stack: Heading[] = [];

  for (const { index: i, marker: m, offset = 0, end } of items) {
    const b = blocks[i];
    const start = offset + m.length;
    const limit = end ?? b.text.length;
    const stop = b.text.slice(0, limit).indexOf('。', start);
    let titleEnd = stop >= 0 ? stop : limit;
    let title = b.text.slice(start, titleEnd).replace(/[\s\u3000：:]+$/, '');
    if (title.length > MAX_TITLE) title = title.slice(0, MAX_TITLE);
    if (stop >= 0) titleEnd = stop + 1;
    const rank = rankOf(m);
    while (stack.length && rankOf(stack[stack.length - 1]) >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    const markerRange = spans.inBlock(b, offset, offset + m.marker.length).range;
    const range = spans.inBlock(b, offset, titleEnd).range;
    // Two literals rather than a spread of `{ depth }` into one (a slow path in V8); same keys in the same order.
    // `sectionRange` is replaced below for every heading.
    const heading: Heading =
      m.depth !== undefined
        ? { kind: m.kind, depth: m.depth, level: stack.length + 1, marker: m.marker, markerRange, number: m.number, title, range, sectionRange: range, body: [], children: [] }
        : { kind: m.kind, level: stack.length + 1, marker: m.marker, markerRange, number: m.number, title, range, sectionRange: range, body: [], children: [] };
    if (parent) {
      heading.parent = parent;
      parent.children.push(heading);
    } else roots.push(heading);
    stack.push(heading);
    all.push(heading);
    blockOf.set(heading, i);
  }

  // A section runs to the next heading that is not its descendant (or the end of the plan).
  const endLine = to < blocks.length ? blocks[to].firstLine - 1 : lines.length - 1;
  all.forEach((h, k) => {
    let next = k + 1;
    while (next < all.length && all[next].level > h.level) next++;
    const stopLine = next < all.length ? blocks[blockOf.get(all[next])!].firstLine - 1 : endLine;
    h.sectionRange = { start: h.range.start, end: stopLine < h.range.end.line ? h.range.end : lineEnd(lines, index, stopLine, h.range.end.line) };
    const bodyTo = h.children.length ? blockOf.get(h.children[0])! : next < all.length ? blockOf.get(all[next])! : to;
    h.body = blocks.slice(blockOf.get(h)!, bodyTo) as Block[];
  });
  return { roots, all };
}

/** End position of the last text line at or before `line` (skipping blanks and page numbers). */
function lineEnd(lines: SourceLine[], index: LineIndex, line: number, floor: number) {
  let l = Math.min(line, lines.length - 1);
  while (l > floor && lines[l].kind !== 'text') l--;
  const src = lines[l];
  let end = src.end;
  while (end > src.start && /\s/.test(src.text[end - src.start - 1])) end--;
  return index.positionAt(Math.max(end, src.start));
}
