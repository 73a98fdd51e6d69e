/**
 * text → GongwenDocument. Runs once per document version; rules and features only read the
 * result. Never throws on odd input: every stage copes with missing parts.
 *
 * Given the previous version of the same document, the parse is incremental (model/reuse.ts):
 * lines and blocks whose source text did not change are taken over, and the per-block finders run
 * only for changed blocks. The result is the same as a fresh parse (test/unit/incremental.test.ts).
 */
import type { GongwenDocument, Heading, SourceLine } from './types';
import { resplit, splitLines, type LineSplice, type UnchangedEnds } from './lines';
import { buildBlocks, rebuildBlocks } from './blocks';
import { createLineIndex } from './positions';
import { createSpanMaker } from './spans';
import { parseNotice } from './notice';
import { buildHeadings } from './headings';
import { findResponsibilities } from './responsibility';
import { findCitations } from './citations';
import { findCounts, findTargets } from './targets';
import { Reuse, placed } from './reuse';

export interface ParseOptions {
  /** The previous version of this document: unchanged parts of it are reused. */
  previous?: GongwenDocument;
  /** Keep what the next version's parse can reuse (the editor's case; the CLI parses once). */
  incremental?: boolean;
  /** How much of the start and end of the text is as in `previous`, when the editor said so. */
  unchanged?: UnchangedEnds;
}

const run = <T>(_name: string, compute: () => T): T => compute();

export function parseDocument(uri: string, text: string, options: ParseOptions = {}): GongwenDocument {
  const previous = options.previous?.reuse ? options.previous : undefined;
  const reuse = options.incremental || previous ? new Reuse() : undefined;
  // Lines and blocks the change did not reach are taken from the previous version (blocks.ts `rebuildBlocks`).
  const { lines, splice }: { lines: SourceLine[]; splice?: LineSplice } = previous
    ? resplit(previous.text, previous.lines, text, options.unchanged)
    : { lines: splitLines(text) };
  const index = createLineIndex(
    lines.map((l) => l.start),
    text.length,
  );
  const spans = createSpanMaker(index);
  const blocks =
    (previous && splice && reuse && rebuildBlocks(text, lines, previous.blocks, previous.lines, splice, previous.reuse!, reuse)) ||
    buildBlocks(text, lines, reuse);
  const { notice, bodyStart, footerStart } = parseNotice(blocks, spans);
  const { roots, all } = buildHeadings(blocks, bodyStart, footerStart, lines, index, spans);

  const doc: GongwenDocument = {
    uri,
    text,
    lines,
    blocks,
    notice,
    headings: roots,
    allHeadings: all,
    responsibilities: [],
    citations: [],
    abbreviations: [],
    targets: [],
    counts: [],
  };

  const ownerOf = new Map<object, Heading>();
  for (const h of all) for (const b of h.body) ownerOf.set(b, h);

  blocks.forEach((block, i) => {
    const entry = reuse?.entryOf(block);
    // Each finder reads only the block's text and map, so its result is the block's to keep.
    const find = entry ? <T>(name: string, compute: () => T): T => placed(entry.found, name, block.firstLine, compute) : run;
    const { citations, abbreviations } = find('citations', () => findCitations(block, spans));
    doc.citations.push(...citations);
    doc.abbreviations.push(...abbreviations);
    if (i < footerStart) doc.targets.push(...find('targets', () => findTargets(block, spans)));
    const owner = ownerOf.get(block);
    if (!owner) return;
    for (const r of find('responsibilities', () => findResponsibilities(block, spans))) doc.responsibilities.push({ ...r, owner });
    for (const c of find('counts', () => findCounts(block, spans))) doc.counts.push({ ...c, owner });
  });
  // Not enumerable: the document stays plain data for JSON output and deep comparison.
  if (reuse) Object.defineProperty(doc, 'reuse', { value: reuse, enumerable: false });
  return doc;
}
