/**
 * text → GongwenDocument. Runs once per document version; rules and features only read the
 * result. Never throws on odd input: every stage copes with missing parts.
 *
 * Given the previous version of the same document, the parse is incremental (model/reuse.ts):
 * lines and blocks whose source text did not change are taken over, and the per-block finders run
 * only for changed blocks. The result is the same as a fresh parse (test/unit/incremental.test.ts).
 */
import type { DocumentPart, GongwenDocument, Heading, NoticeElements, SourceLine } from './types';
import { resplit, splitLines, type LineSplice, type UnchangedEnds } from './lines';
import { buildBlocks, rebuildBlocks, type ParsedBlock } from './blocks';
import { createLineIndex, type LineIndex } from './positions';
import { createSpanMaker, type SpanMaker } from './spans';
import { docNumberIn, parseNotice, type NoticeParse } from './notice';
import { buildHeadings } from './headings';
import { headingItems, splitParts } from './parts';
import { isDocNumberLine } from './notice-lines';
import { genreOf } from './genre';
import { SENTENCE_END, hasCjk } from './text';
import { findResponsibilities } from './responsibility';
import { findCitations } from './citations';
import { findCounts, findTargets } from './targets';
import { Reuse, placed } from './reuse';
import { findTables } from './tables';

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
  // A table is found over all lines (tables.ts); a document holding one is joined whole, never in part.
  const { tables, cellsOf } = findTables(lines);
  const reusable = tables.length === 0 && !previous?.tables.length;
  const blocks =
    (reusable && previous && splice && reuse && rebuildBlocks(text, lines, previous.blocks, previous.lines, splice, previous.reuse!, reuse)) ||
    buildBlocks(text, lines, reuse, cellsOf);
  const cover = parseNotice(blocks, spans);
  const { notice, footerStart } = cover;
  const parts = buildParts(blocks, cover, lines, index, spans);
  const roots = parts.flatMap((p) => p.headings);
  const all: Heading[] = [];
  const walk = (h: Heading) => {
    all.push(h);
    h.children.forEach(walk);
  };
  roots.forEach(walk);

  const doc: GongwenDocument = {
    uri,
    text,
    lines,
    blocks,
    notice,
    ...(cover.genre ? { genre: cover.genre } : {}),
    parts,
    headings: roots,
    allHeadings: all,
    tables,
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
    // Properties written out, in the order a spread gives: an object spread with a property after it was a
    // costly path in V8 (the same spread in findResponsibilities took a fifth of it, CPU profile, issue #18).
    for (const r of find('responsibilities', () => findResponsibilities(block, spans))) doc.responsibilities.push({ text: r.text, range: r.range, form: r.form, units: r.units, owner });
    for (const c of find('counts', () => findCounts(block, spans))) doc.counts.push({ text: c.text, range: c.range, count: c.count, noun: c.noun, numberRange: c.numberRange, owner });
  });
  // Not enumerable: the document stays plain data for JSON output and deep comparison.
  if (reuse) Object.defineProperty(doc, 'reuse', { value: reuse, enumerable: false });
  return doc;
}

/**
 * The covering document and the parts after it (parts.ts), each with its heading tree; the first
 * issued or forwarded part's title and opening paragraphs are the notice's 方案标题 and 方案导语.
 */
function buildParts(blocks: ParsedBlock[], cover: NoticeParse, lines: SourceLine[], index: LineIndex, spans: SpanMaker): DocumentPart[] {
  const { notice, coverEnd, footerStart, genre } = cover;
  const rangeOf = (from: number, to: number) => {
    const span = spans.overBlocks(blocks.slice(from, Math.max(from + 1, to)));
    return span ? span.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  };
  const out: DocumentPart[] = [];
  const coverItems = headingItems(blocks, 0, coverEnd);
  out.push({
    kind: 'cover',
    ...(notice.标题 ? { title: notice.标题 } : {}),
    ...(genre ? { genre } : {}),
    ...(coverItems.items.length ? { scheme: coverItems.scheme } : {}),
    firstBlock: 0,
    endBlock: coverEnd,
    range: rangeOf(0, coverEnd),
    headings: buildHeadings(blocks, coverItems.items, coverEnd, lines, index, spans).roots,
  });
  const firstKind = genre?.action === '转发' ? 'forwarded' : genre?.action || !genre ? 'issued' : 'attachment';
  let carriedBody = -1; // the first heading block of the first issued or forwarded part
  for (const raw of splitParts(blocks, coverEnd, footerStart, firstKind)) {
    const { items, scheme } = headingItems(blocks, raw.start, raw.end);
    if (carriedBody < 0 && raw.kind !== 'attachment') carriedBody = items.length ? items[0].index : raw.end;
    const part: DocumentPart = {
      kind: raw.kind,
      firstBlock: raw.start,
      endBlock: raw.end,
      range: rangeOf(raw.start, raw.end),
      headings: buildHeadings(blocks, items, raw.end, lines, index, spans).roots,
    };
    if (items.length) part.scheme = scheme;
    if (raw.labelAt >= 0) part.label = spans.inBlock(blocks[raw.labelAt]);
    if (raw.titleAt >= 0) {
      part.title = spans.inBlock(blocks[raw.titleAt]);
      const g = genreOf(blocks[raw.titleAt].text);
      if (g) part.genre = g;
      const next = blocks[raw.titleAt + 1];
      if (next && raw.titleAt + 1 < raw.end && (next.special === 'doc-number' || isDocNumberLine(next.text))) {
        const number = docNumberIn(next, spans);
        if (number) part.docNumber = number;
      }
    }
    out.push(part);
  }
  const carried = out.find((p) => p.kind === 'issued' || p.kind === 'forwarded');
  if (carried) planHead(blocks, carried, carriedBody, spans, notice);
  return out;
}

const PLAN_WORD = /(方案|意见|规划|计划|办法|纲要|要点|细则|措施|预案|规定|报告|通知)/;

/** The issued plan's title (missing in seed 000) and the paragraphs before its first heading. */
function planHead(blocks: ParsedBlock[], part: DocumentPart, bodyStart: number, spans: SpanMaker, notice: NoticeElements): void {
  const content = blocks
    .slice(part.firstBlock, bodyStart)
    .filter((b) => hasCjk(b.text) && !b.special && !(part.label && b.firstLine === part.label.range.start.line));
  if (content.length === 0) return;
  let from = 0;
  const first = content[0];
  if (!SENTENCE_END.has(first.text[first.text.length - 1]) && first.text.length <= 80 && PLAN_WORD.test(first.text)) {
    notice.方案标题 = spans.inBlock(first);
    from = 1;
  }
  const preamble = spans.overBlocks(content.slice(from));
  if (preamble) notice.方案导语 = preamble;
}
