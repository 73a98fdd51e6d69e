/**
 * text → GongwenDocument. Runs once per document version; rules and features only read the
 * result. Never throws on odd input: every stage copes with missing parts.
 */
import type { GongwenDocument, Heading } from './types';
import { splitLines } from './lines';
import { buildBlocks } from './blocks';
import { createLineIndex } from './positions';
import { createSpanMaker } from './spans';
import { parseNotice } from './notice';
import { buildHeadings } from './headings';
import { findResponsibilities } from './responsibility';
import { findCitations } from './citations';
import { findCounts, findTargets } from './targets';

export function parseDocument(uri: string, text: string): GongwenDocument {
  const lines = splitLines(text);
  const index = createLineIndex(
    lines.map((l) => l.start),
    text.length,
  );
  const spans = createSpanMaker(index);
  const blocks = buildBlocks(text, lines);
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
    const { citations, abbreviations } = findCitations(block, spans);
    doc.citations.push(...citations);
    doc.abbreviations.push(...abbreviations);
    if (i < footerStart) doc.targets.push(...findTargets(block, spans));
    const owner = ownerOf.get(block);
    if (!owner) return;
    for (const r of findResponsibilities(block, spans)) doc.responsibilities.push({ ...r, owner });
    for (const c of findCounts(block, spans)) doc.counts.push({ ...c, owner });
  });
  return doc;
}
