/**
 * A document's 目录 (contents list) and its entries, with the headings of the body they stand for:
 * the part that holds a `目录` line, its numbered entries up to where the body begins (parts.ts
 * `contentsBlocks`), each keyed by its number under the entries above it, as a body heading is keyed
 * by its number under its parents. Page numbers and dot leaders after an entry are not its title.
 */
import type { ParsedBlock } from './blocks';
import { contentsBlocks } from './parts';
import { matchMarker } from './markers';
import { asciiDigits } from './numbering';
import { withoutPage } from './shapes';
import { rankOf, type DocumentPart, type GongwenDocument, type Heading, type MarkerKind, type Range } from './types';

export interface ContentsEntry {
  kind: MarkerKind;
  depth?: number;
  number: number;
  marker: string;
  /** The entry's title: after the marker, without leaders and page number. */
  title: string;
  /** The entry as printed (marker and title), for messages. */
  text: string;
  range: Range;
  rank: number;
  /** Its place: a decimal number as written (`d1.2`), else the numbers of the entries above it and its own (`2>1`). */
  key: string;
}

export interface Contents {
  part: DocumentPart;
  /** Line of the `目录` heading. */
  line: number;
  entries: ContentsEntry[];
  /** The body's headings after the contents, in document order, each with its key. */
  headings: Array<{ heading: Heading; key: string }>;
  /** First line of the body. */
  bodyLine: number;
}


/** `1.2` / `１．２` / `1、` / `1` → `d1.2` / `d1`. */
const decimalKey = (marker: string) => 'd' + asciiDigits(marker).split(/[.．、\s\u3000]+/).filter(Boolean).join('.');

export function tableOfContents(doc: GongwenDocument): Contents | undefined {
  const blocks = doc.blocks as readonly ParsedBlock[];
  for (const part of doc.parts) {
    const found = contentsBlocks(blocks, part.firstBlock, part.endBlock);
    if (!found) continue;
    const entries: ContentsEntry[] = [];
    const stack: ContentsEntry[] = [];
    for (let i = found.toc + 1; i < found.body; i++) {
      const line = blocks[i].firstLine;
      const raw = doc.lines[line].text;
      const content = raw.trim().replace(/^\*+|\*+$/g, '');
      let m = matchMarker(content);
      if (!m) continue;
      // `1、总则` in the 目录 of a decimal part is its first level, as in the body (parts.ts `headingItems`).
      if (part.scheme === 'decimal' && m.kind === 'arabic') m = { ...m, kind: 'decimal', depth: 1 };
      const at = raw.indexOf(content);
      const title = withoutPage(content.slice(m.length)).trim();
      if (!title) continue;
      const rank = rankOf(m);
      while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
      const key = m.kind === 'decimal' ? decimalKey(m.marker) : [...stack.map((e) => e.number), m.number].join('>');
      const entry: ContentsEntry = { kind: m.kind, depth: m.depth, number: m.number, marker: m.marker, title, text: content.slice(0, m.length) + title, range: { start: { line, character: at }, end: { line, character: at + m.length + withoutPage(content.slice(m.length)).length } }, rank, key };
      entries.push(entry);
      stack.push(entry);
    }
    if (entries.length === 0) return undefined;
    const bodyLine = blocks[found.body].firstLine;
    const ranks = new Set(entries.map((e) => e.rank));
    const headings = doc.allHeadings
      .filter((h) => h.range.start.line >= bodyLine && h.range.start.line <= part.range.end.line)
      .map((heading) => {
        if (heading.kind === 'decimal') return { heading, key: decimalKey(heading.marker) };
        const chain: number[] = [];
        for (let h: Heading | undefined = heading.parent; h; h = h.parent) if (ranks.has(rankOf(h))) chain.unshift(h.number);
        return { heading, key: [...chain, heading.number].join('>') };
      });
    return { part, line: blocks[found.toc].firstLine, entries, headings, bodyLine };
  }
  return undefined;
}
