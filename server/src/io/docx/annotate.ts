/**
 * Findings back into Word (issue #15): a copy of the .docx with each finding as a comment (w:comment,
 * author "gongwen") anchored on exactly the characters it names — commentRangeStart/End placed
 * between runs, a run split where a finding starts or ends inside it (the split halves keep the run's
 * formatting, w:rPr). Bytes in, bytes out: the caller writes the copy, never the input.
 *
 * Characters Word generates (the automatic number 一、 of a numbered paragraph) are not in any run:
 * a finding that starts there is anchored from the paragraph's first real character.
 */
import { strToU8 } from 'fflate';
import type { Document, Element } from '@xmldom/xmldom';
import { openDocx, type DocxReadFailure } from './read';
import { partXml, relatedPart, writePackage } from './package';
import type { DocxLine, Piece } from './body';
import { child, children, isW, parseXml, serializeXml, W } from './xml';

export interface Annotation {
  start: { line: number; character: number };
  end: { line: number; character: number };
  /** The comment's text; line breaks become paragraphs of the comment. */
  text: string;
}

/** A certain fix of the text (`service.certainEdits`), to be written as a Word tracked change. */
export interface TrackedFix {
  start: { line: number; character: number };
  end: { line: number; character: number };
  newText: string;
}

export interface AnnotateOptions {
  author?: string;
  initials?: string;
  /** ISO date of the comments (tests fix it). */
  date?: string;
}

const REL_COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Where a marker goes: before `node`, or appended to `parent` when `node` is null. */
interface Point {
  parent: Element;
  before: Element | null;
}

export function annotateDocx(bytes: Uint8Array, annotations: readonly Annotation[], options: AnnotateOptions = {}, fixes: readonly TrackedFix[] = []): { bytes: Uint8Array; tracked: number } | DocxReadFailure {
  const open = openDocx(bytes, true);
  if (typeof open === 'string') return open;
  const { pkg, document, lines } = open;
  const allPieces = lines.flatMap((l) => l.pieces);
  const paragraphs = paragraphElements(lines);

  const el = (name: string) => document.createElementNS(W, 'w:' + name);
  const setText = (node: Element, text: string) => {
    while (node.firstChild) node.removeChild(node.firstChild);
    node.appendChild(document.createTextNode(text));
    node.setAttribute('xml:space', 'preserve');
  };

  /** Splits `piece.run` so that `piece.node` (after cutting a w:t `k` characters in) starts a run; returns that run. */
  const runStartingAt = (line: DocxLine, index: number, k: number): Element => {
    let piece = line.pieces[index];
    if (k > 0) {
      const node = piece.node!;
      const text = node.textContent ?? '';
      const tail = node.cloneNode(false) as Element;
      setText(node, text.slice(0, k));
      setText(tail, text.slice(k));
      node.parentNode!.insertBefore(tail, node.nextSibling);
      const second: Piece = { start: piece.start + k, end: piece.end, node: tail, run: piece.run };
      piece.end = piece.start + k;
      line.pieces.splice(index + 1, 0, second);
      allPieces.push(second);
      piece = second;
    }
    const run = piece.run!;
    const firstContent = children(run).find((c) => !isW(c, 'rPr'));
    if (firstContent === piece.node) return run;
    const next = run.cloneNode(false) as Element;
    const rPr = child(run, 'rPr');
    if (rPr) next.appendChild(rPr.cloneNode(true));
    for (let c: Element | null = piece.node!; c; ) {
      const after = c.nextSibling as Element | null;
      next.appendChild(c);
      c = after;
    }
    run.parentNode!.insertBefore(next, run.nextSibling);
    for (const p of allPieces) if (p.run === run && p.node?.parentNode === next) p.run = next;
    return next;
  };

  /** The place between runs at character `c` of line `lineIndex`, splitting a run if `c` falls inside it. */
  const pointAt = (lineIndex: number, c: number): Point | undefined => {
    const line = lines[lineIndex];
    if (!line) return undefined;
    const index = line.pieces.findIndex((p) => p.node && p.end > c);
    if (index >= 0) {
      const piece = line.pieces[index];
      const run = runStartingAt(line, index, Math.max(0, c - piece.start));
      return { parent: run.parentNode as Element, before: run };
    }
    const last = [...line.pieces].reverse().find((p) => p.node);
    if (last) return { parent: last.run!.parentNode as Element, before: last.run!.nextSibling as Element | null };
    return { parent: paragraphs.get(line.paragraph)!, before: null };
  };

  const comments = commentsPart(pkg.files, pkg.main);
  let id = comments.nextId;
  for (const a of annotations) {
    const start = pointAt(a.start.line, a.start.character);
    const end = pointAt(a.end.line, a.end.character);
    if (!start || !end) continue;
    const rangeStart = el('commentRangeStart');
    const rangeEnd = el('commentRangeEnd');
    for (const m of [rangeStart, rangeEnd]) m.setAttributeNS(W, 'w:id', String(id));
    start.parent.insertBefore(rangeStart, start.before);
    end.parent.insertBefore(rangeEnd, end.before);
    const refRun = el('r');
    const ref = el('commentReference');
    ref.setAttributeNS(W, 'w:id', String(id));
    refRun.appendChild(ref);
    end.parent.insertBefore(refRun, rangeEnd.nextSibling);
    comments.add(id, a.text, options);
    id++;
  }
  const tracked = trackFixes(document, lines, allPieces, fixes, runStartingAt, options);
  const files = { ...pkg.files };
  files[pkg.main] = strToU8(serializeXml(document));
  comments.write(files);
  return { bytes: writePackage(files), tracked };
}

function paragraphElements(lines: readonly DocxLine[]): Map<number, Element> {
  // Only for a line without any run: its paragraph element is the parent of nothing we know; find it from a sibling line's run.
  const out = new Map<number, Element>();
  for (const l of lines) {
    const run = l.pieces.find((p) => p.run)?.run;
    let p: Element | null = run ?? null;
    while (p && !isW(p, 'p')) p = p.parentNode as Element | null;
    if (p && !out.has(l.paragraph)) out.set(l.paragraph, p);
  }
  return out;
}

/** word/comments.xml (found through the main part's relations, or made with its relation and content type). */
function commentsPart(files: Record<string, Uint8Array>, main: string) {
  const pkg = { files, main };
  const existing = relatedPart(pkg, 'comments');
  const name = existing && files[existing] ? existing : main.replace(/[^/]+$/, 'comments.xml');
  const doc: Document = (existing && partXml(pkg, existing)) || parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"/>`);
  const root = doc.documentElement!;
  let nextId = 0;
  // Ids are shared by all comments of the document: go past the largest one in use.
  for (const c of children(root)) nextId = Math.max(nextId, Number.parseInt(c.getAttributeNS(W, 'id') ?? c.getAttribute('w:id') ?? '-1', 10) + 1 || 0);
  for (const part of [main]) {
    const xml = Buffer.from(files[part]).toString('utf8');
    for (const m of xml.matchAll(/<w:comment(?:RangeStart|Reference)\b[^>]*\bw:id="(\d+)"/g)) nextId = Math.max(nextId, Number(m[1]) + 1);
  }
  return {
    nextId,
    add(id: number, text: string, options: AnnotateOptions) {
      const c = doc.createElementNS(W, 'w:comment');
      c.setAttributeNS(W, 'w:id', String(id));
      c.setAttributeNS(W, 'w:author', options.author ?? 'gongwen');
      c.setAttributeNS(W, 'w:initials', options.initials ?? 'GW');
      c.setAttributeNS(W, 'w:date', options.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
      for (const para of text.split('\n')) {
        const p = doc.createElementNS(W, 'w:p');
        const r = doc.createElementNS(W, 'w:r');
        const t = doc.createElementNS(W, 'w:t');
        t.setAttribute('xml:space', 'preserve');
        t.appendChild(doc.createTextNode(para));
        r.appendChild(t);
        p.appendChild(r);
        c.appendChild(p);
      }
      root.appendChild(c);
    },
    write(out: Record<string, Uint8Array>) {
      out[name] = strToU8(serializeXml(doc));
      if (existing && files[existing]) return;
      const relsName = main.replace(/([^/]+)$/, '_rels/$1.rels');
      const rels = files[relsName] ? parseXml(Buffer.from(files[relsName]).toString('utf8')) : parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${REL_NS}"/>`);
      const used = new Set(children(rels.documentElement!).map((r) => r.getAttribute('Id')));
      let n = 1;
      while (used.has(`rId${n}`)) n++;
      const rel = rels.createElementNS(REL_NS, 'Relationship');
      rel.setAttribute('Id', `rId${n}`);
      rel.setAttribute('Type', REL_COMMENTS);
      rel.setAttribute('Target', name.slice(main.replace(/[^/]+$/, '').length));
      rels.documentElement!.appendChild(rel);
      out[relsName] = strToU8(serializeXml(rels));
      const types = parseXml(Buffer.from(files['[Content_Types].xml']).toString('utf8'));
      const override = types.createElementNS(CT_NS, 'Override');
      override.setAttribute('PartName', '/' + name);
      override.setAttribute('ContentType', CT_COMMENTS);
      types.documentElement!.appendChild(override);
      out['[Content_Types].xml'] = strToU8(serializeXml(types));
    },
  };
}

/**
 * Certain fixes as tracked changes (w:del + w:ins, author "gongwen") beside the comments, so the drafter
 * accepts or rejects each in Word: the characters a fix replaces are wrapped, run by run, in w:del (their
 * w:t become w:delText) and its new text follows in a w:ins run with the formatting of the first replaced
 * run. Comment markers stay where they are, between the runs. A fix is left out (its comment still says
 * it) when it spans paragraphs or touches characters Word generates (an automatic number).
 */
function trackFixes(
  document: Document,
  lines: readonly DocxLine[],
  allPieces: Piece[],
  fixes: readonly TrackedFix[],
  runStartingAt: (line: DocxLine, index: number, k: number) => Element,
  options: AnnotateOptions,
): number {
  let tracked = 0;
  // Revision ids share the space of comment and bookmark ids: go past every id in use.
  let id = 0;
  const scan = (el: Element) => {
    const v = Number.parseInt(el.getAttributeNS(W, 'id') ?? '', 10);
    if (Number.isFinite(v)) id = Math.max(id, v + 1);
    for (const c of children(el)) scan(c);
  };
  scan(document.documentElement!);
  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const revision = (name: 'del' | 'ins') => {
    const el = document.createElementNS(W, 'w:' + name);
    el.setAttributeNS(W, 'w:id', String(id++));
    el.setAttributeNS(W, 'w:author', options.author ?? 'gongwen');
    el.setAttributeNS(W, 'w:date', date);
    return el;
  };
  /** A run starts at character c of the line (split there if needed); undefined at the line's end. */
  const runAt = (line: DocxLine, c: number): Element | undefined => {
    const index = line.pieces.findIndex((p) => p.node && p.end > c);
    return index < 0 ? undefined : runStartingAt(line, index, Math.max(0, c - line.pieces[index].start));
  };

  for (const fix of fixes) {
    if (fix.start.line !== fix.end.line) continue;
    const line = lines[fix.start.line];
    const a = fix.start.character;
    const b = fix.end.character;
    if (!line || b < a || b > line.text.length) continue;
    // Every character replaced (or, for an insertion, the place) lies in real runs of one parent.
    const covered = line.pieces.filter((p) => p.end > a && p.start < b);
    if (covered.some((p) => !p.node)) continue;
    if (a === b && !line.pieces.some((p) => p.node && p.start <= a && p.end >= a)) continue;
    runAt(line, a);
    const after = runAt(line, b);
    const runs: Element[] = [];
    for (const p of line.pieces) if (p.node && p.start >= a && p.end <= b && p.end > p.start && !runs.includes(p.run!)) runs.push(p.run!);
    const parent = (runs[0] ?? after ?? line.pieces.find((p) => p.node && p.end === a)?.run)?.parentNode as Element | null;
    if (!parent || runs.some((r) => r.parentNode !== parent)) continue;
    // The formatting of the new text: the first replaced run's, else the run it is inserted before or after.
    const model = runs[0] ?? after ?? line.pieces.find((p) => p.node && p.end === a)?.run;
    let last: Element | null = null;
    for (const run of runs) {
      const del = revision('del');
      parent.insertBefore(del, run);
      del.appendChild(run);
      for (const t of children(run).filter((c) => isW(c, 't'))) {
        const dt = document.createElementNS(W, 'w:delText');
        dt.setAttribute('xml:space', 'preserve');
        dt.appendChild(document.createTextNode(t.textContent ?? ''));
        run.replaceChild(dt, t);
      }
      // The pieces of a deleted run are gone from the text a later fix or comment could land on.
      for (const p of allPieces) if (p.run === run) p.node = undefined;
      last = del;
    }
    if (fix.newText) {
      const ins = revision('ins');
      const r = document.createElementNS(W, 'w:r');
      const rPr = model && child(model, 'rPr');
      if (rPr) r.appendChild(rPr.cloneNode(true));
      const t = document.createElementNS(W, 'w:t');
      t.setAttribute('xml:space', 'preserve');
      t.appendChild(document.createTextNode(fix.newText));
      r.appendChild(t);
      ins.appendChild(r);
      const before = last ? last.nextSibling : runs.length === 0 && after && after.parentNode === parent ? after : null;
      parent.insertBefore(ins, before);
    }
    tracked++;
  }
  return tracked;
}
