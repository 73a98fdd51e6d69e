/**
 * The 附件说明 of a document (GB/T 9704-2012 §7.3.4: `附件：1．名称` under the body, one name a line,
 * further names numbered on) and the 附件 bodies after it (§7.3.9: `附件1` top left, then its title),
 * read from the physical lines so that a 署名 a web copy ran into the last name, or a form's cells the
 * joiner added to a body's title line, are not part of a name. Pure: data in, data out.
 */
import type { DocumentPart, GongwenDocument, Range } from './types';
import { asciiDigits, chineseToNumber } from './numbering';

/** One name listed in a 附件说明. */
export interface NoteItem {
  /** The number as written (`1`, `２`), absent for a single unnumbered name. */
  numberText?: string;
  number?: number;
  /** Range of the number and its mark (`1．`), for a fix. */
  numberRange?: Range;
  title: string;
  range: Range;
  /** Up to two unnumbered lines right under the name: the rest of a name that wraps (§7.3.4), or the 署名 after the last name; a rule tries the name with and without them. */
  more: string[];
}

export interface AttachmentNote {
  /** Range of the `附件：` head line. */
  range: Range;
  items: NoteItem[];
}

/** An attachment body: a part whose first line is a `附件` label. */
export interface AttachmentBody {
  part: DocumentPart;
  label: Range;
  /** The number as written on the label (`1`, `一`); absent for `附件` alone. */
  numberText?: string;
  number?: number;
  /** Range of the number on the label. */
  numberRange?: Range;
  /** Title lines under the label (or the text after `附件1：` on the label line), first line first. */
  titleLines: Array<{ text: string; range: Range }>;
}

const squeeze = (s: string) => s.replace(/[\s\u3000*]+/g, '');
const NOTE_HEAD = /^([\s\u3000*]*附件[:：][\s\u3000]*)(.*)$/;
/** `1．名称`: not a figure (`1.5亿`). */
const ITEM = /^([\s\u3000]*)([0-9０-９]{1,2})([\s\u3000]*[.．、][\s\u3000]*)(?![0-9０-９])(\S.*)$/;
const LABEL = /^([\s\u3000*]*附[\s\u3000]*件[\s\u3000]*)([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})?([\s\u3000]*[:：]?[\s\u3000]*)(.*)$/;
/** Trailing marks after a name (none belongs there, §7.3.4) and spaces. */
const trimName = (s: string) => s.replace(/[\s\u3000*]+$/, '').replace(/[。；;，,、.]+$/, '');

const range = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });
const numberOf = (s: string) => (/^[0-9０-９]+$/.test(s) ? Number(asciiDigits(s)) : chineseToNumber(s));

/** The 附件说明 lists in the documents that carry attachments (the cover, issued or forwarded documents). */
export function attachmentNotes(doc: GongwenDocument): AttachmentNote[] {
  const notes: AttachmentNote[] = [];
  const labels = new Set(doc.parts.filter((p) => p.label).map((p) => p.label!.range.start.line));
  for (const part of doc.parts) {
    if (part.kind === 'attachment') continue;
    for (let l = part.range.start.line; l <= part.range.end.line && l < doc.lines.length; l++) {
      const line = doc.lines[l];
      const head = line.kind === 'text' && !labels.has(l) ? NOTE_HEAD.exec(line.text) : null;
      if (!head) continue;
      const note = readNote(doc, l, head[1].length, head[2]);
      if (note) notes.push(note);
      l = note ? note.items[note.items.length - 1].range.end.line : l;
    }
  }
  return notes;
}

function readNote(doc: GongwenDocument, at: number, restAt: number, rest: string): AttachmentNote | undefined {
  const items: NoteItem[] = [];
  const first = ITEM.exec(rest);
  const headRange = range(at, 0, doc.lines[at].text.length);
  if (first) items.push(item(at, restAt, first));
  else if (squeeze(rest)) {
    const title = trimName(rest);
    // A name, not a sentence (`附件：请于6月底前报送` is an instruction, not a 附件说明).
    if (title.length > 80 || /[，。；：,;:]/.test(title)) return undefined;
    // A single name, unnumbered (§7.3.4); what follows is the 署名 or the date, never a second name.
    return { range: headRange, items: [{ title, range: range(at, restAt, restAt + title.length), more: continuation(doc, at + 1) }] };
  }
  // Further names: `2．…` on the lines below (blank lines between them are allowed, and up to two
  // lines of a wrapped name right under it).
  for (let l = at + 1, wrapped = 0; l < doc.lines.length; l++) {
    const line = doc.lines[l];
    if (line.kind !== 'text' || !line.text.trim()) {
      wrapped = 2;
      continue;
    }
    const m = ITEM.exec(line.text);
    const expected = items.length ? items[items.length - 1].number! + 1 : 1;
    if (!m && items.length && wrapped < 2) {
      wrapped++;
      continue;
    }
    if (!m || numberOf(m[2]) !== expected) break;
    items.push(item(l, 0, m));
    wrapped = 0;
  }
  if (items.length === 0) return undefined;
  for (let k = 0; k < items.length; k++) {
    const next = k + 1 < items.length ? items[k + 1].range.start.line : undefined;
    items[k].more = continuation(doc, items[k].range.start.line + 1, next);
  }
  return { range: headRange, items };
}

function item(line: number, base: number, m: RegExpExecArray): NoteItem {
  const numberAt = base + m[1].length;
  const titleAt = numberAt + m[2].length + m[3].length;
  const title = trimName(m[4]);
  return {
    numberText: m[2],
    number: numberOf(m[2]),
    numberRange: range(line, numberAt, titleAt),
    title,
    range: range(line, titleAt, titleAt + title.length),
    more: [],
  };
}

/** Up to two unnumbered lines right under a name (no blank line between), before `stop`. */
function continuation(doc: GongwenDocument, from: number, stop = doc.lines.length): string[] {
  const out: string[] = [];
  for (let l = from; l < Math.min(stop, from + 2) && l < doc.lines.length; l++) {
    const text = doc.lines[l].text;
    if (doc.lines[l].kind !== 'text' || !text.trim() || ITEM.test(text)) break;
    out.push(trimName(text.trim()));
  }
  return out;
}

/** The attachment bodies: every part that opens with a `附件` label (an issued plan labelled `附件1` too). */
export function attachmentBodies(doc: GongwenDocument): AttachmentBody[] {
  const out: AttachmentBody[] = [];
  for (const part of doc.parts) {
    if (!part.label) continue;
    const at = part.label.range.start.line;
    const text = doc.lines[at]?.text ?? '';
    const m = LABEL.exec(text);
    if (!m) continue;
    const body: AttachmentBody = { part, label: range(at, m[1].length - m[1].trimStart().length, text.trimEnd().length), titleLines: [] };
    if (m[2]) {
      body.numberText = m[2];
      body.number = numberOf(m[2]);
      body.numberRange = range(at, m[1].length, m[1].length + m[2].length);
    }
    const inline = trimName(m[4]);
    if (inline) body.titleLines.push({ text: inline, range: range(at, m[1].length + (m[2]?.length ?? 0) + m[3].length, text.length) });
    // The title lines under the label: up to three, before a blank line once one is read.
    for (let l = at + 1; l <= part.range.end.line && l < doc.lines.length && !inline && body.titleLines.length < 3; l++) {
      const line = doc.lines[l];
      const t = line.text.trim();
      if (line.kind !== 'text' || !t) {
        if (body.titleLines.length) break;
        continue;
      }
      const from = line.text.indexOf(t);
      body.titleLines.push({ text: trimName(t), range: range(l, from, from + t.length) });
    }
    out.push(body);
  }
  return out;
}
