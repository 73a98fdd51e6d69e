/**
 * What a review report shows around each finding (issue #15): the paragraph it stands in, as the
 * model joined it (a PDF's wrapped lines read as one paragraph), with the finding's own characters
 * apart so the report can mark them. Computed where the file is linted (a worker thread, too), so
 * only these strings travel back, never the document.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';
import { firstIndex } from '../model/search';

/** The paragraph around a finding: `before` + `found` + `after`, cut to a readable length. */
export interface FindingContext {
  before: string;
  found: string;
  after: string;
}

/** Characters kept on each side of the finding; longer paragraphs are cut with `…`. */
const SIDE = 60;
/** A finding over many paragraphs (a missing element spans the whole cover) shows its start only. */
const FOUND = 80;

const chars = (s: string) => Array.from(s);

export function findingContext(doc: GongwenDocument, d: Diagnostic): FindingContext {
  const offsetOf = (line: number, character: number) => Math.min(doc.text.length, (doc.lines[line]?.start ?? doc.text.length) + character);
  const start = offsetOf(d.range.start.line, d.range.start.character);
  const end = Math.max(start, offsetOf(d.range.end.line, d.range.end.character));
  // The block (paragraph) holding the finding's first line; a line outside every block (a page number) stands alone.
  const i = firstIndex(0, doc.blocks.length, (k) => doc.blocks[k].lastLine >= d.range.start.line);
  const block = doc.blocks[i];
  let before: string;
  let found: string;
  let after: string;
  if (block && block.firstLine <= d.range.start.line) {
    // Block characters map back to the text through `map`; the finding's characters are those whose origin lies in [start, end).
    const at = (offset: number) => firstIndex(0, block.text.length, (k) => block.start + block.map[k] >= offset);
    const a = at(start);
    const b = Math.max(a, at(end));
    [before, found, after] = [block.text.slice(0, a), block.text.slice(a, b), block.text.slice(b)];
  } else {
    const line = doc.lines[d.range.start.line];
    const text = line?.text ?? '';
    const a = Math.min(text.length, d.range.start.character);
    const b = d.range.end.line === d.range.start.line ? Math.max(a, Math.min(text.length, d.range.end.character)) : text.length;
    [before, found, after] = [text.slice(0, a), text.slice(a, b), text.slice(b)];
  }
  const b = chars(before.replace(/\s+/g, ' ').trimStart());
  const f = chars(found.replace(/\s+/g, ' '));
  const e = chars(after.replace(/\s+/g, ' ').trimEnd());
  return {
    before: b.length > SIDE ? '…' + b.slice(-SIDE).join('') : b.join(''),
    found: f.length > FOUND ? f.slice(0, FOUND).join('') + '…' : f.join(''),
    after: e.length > SIDE ? e.slice(0, SIDE).join('') + '…' : e.join(''),
  };
}
