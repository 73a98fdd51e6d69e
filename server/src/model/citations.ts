/**
 * Citations 《title》 with the 文号 that may follow in parentheses, and abbreviation
 * definitions `（以下简称《科学素质纲要》）` / `（以下简称“科普”）`.
 */
import type { Abbreviation, Block, Citation } from './types';
import type { SpanMaker } from './spans';
import { DOC_NUMBER } from './notice-lines';

const MAX_TITLE = 120;
const OPENING = /[《“"]/g;

export function findCitations(block: Block, spans: SpanMaker): { citations: Citation[]; abbreviations: Abbreviation[] } {
  const citations: Citation[] = [];
  const abbreviations: Abbreviation[] = [];
  const text = block.text;
  let lastCitation: Citation | undefined;
  let lastCitationEnd = -1;
  // The next opening mark found by a native scan: indexing each character of a long block made a
  // one-character string per CJK character (a tenth of a 10 MB analysis, most of it collection).
  OPENING.lastIndex = 0;
  for (let found = OPENING.exec(text); found; found = OPENING.exec(text)) {
    const i = found.index;
    const c = found[0];
    const defines = /以下简称\s*$/.test(text.slice(Math.max(0, i - 8), i));
    if (c !== '《' && !defines) continue;
    const end = closeOf(text, i, c, c === '《' ? '》' : c === '“' ? '”' : '"');
    if (end < 0) continue;
    const inner = text.slice(i + 1, end).replace(/\s+/g, '');
    if (defines) {
      const span = spans.inBlock(block, i, end + 1);
      // Only a title cited right before the definition is what it abbreviates (…》（国发〔2021〕9号，以下简称…）.
      const between = lastCitation ? text.slice(lastCitationEnd + 1, i) : '';
      const full = lastCitation && /^\s*[（(][^（）()]{0,24}以下简称\s*$/.test(between) ? lastCitation.title : undefined;
      abbreviations.push({ text: span.text, range: span.range, short: inner, full });
      OPENING.lastIndex = end + 1;
      continue;
    }
    const span = spans.inBlock(block, i, end + 1);
    // Written out, not spread: see responsibility.ts.
    const citation: Citation = { text: span.text, range: span.range, title: inner };
    const paren = parenAfter(text, end + 1);
    if (paren) {
      const inside = text.slice(paren[0] + 1, paren[1]);
      const m = DOC_NUMBER.exec(inside);
      if (m && m.index <= 2) {
        const a = paren[0] + 1 + m.index;
        citation.docNumber = spans.inBlock(block, a, a + m[0].length);
      }
    }
    citations.push(citation);
    lastCitation = citation;
    lastCitationEnd = end;
    // No skip to `end`: a nested title (《关于印发《…》的通知》) is a citation too.
  }
  return { citations, abbreviations };
}

/** Matching close mark, with nesting for 《》; bounded. */
function closeOf(text: string, open: number, openMark: string, closeMark: string): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_TITLE);
  const openCh = openMark.charCodeAt(0);
  const closeCh = closeMark.charCodeAt(0);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === openCh && openCh !== closeCh) depth++;
    else if (c === closeCh) {
      if (openCh === closeCh && i === open) continue;
      if (openCh === closeCh || --depth === 0) return i;
    }
  }
  return -1;
}

/** `（…）` directly after a citation (spaces allowed), as [open, close] offsets. */
function parenAfter(text: string, from: number): [number, number] | undefined {
  let i = from;
  while (i < text.length && i < from + 2 && /\s/.test(text[i])) i++;
  if (text[i] !== '（' && text[i] !== '(') return undefined;
  for (let k = i + 1; k < Math.min(text.length, i + 80); k++) if (text[k] === '）' || text[k] === ')') return [i, k];
  return undefined;
}
