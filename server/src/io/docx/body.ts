/**
 * The body of word/document.xml as lines of text, in reading order: one line per paragraph (a line
 * break inside a paragraph, w:br, starts another line of it), a table row a line with its cells
 * separated by TAB (or, when a cell holds several paragraphs, each cell's paragraphs in row order),
 * a text box's paragraphs after the paragraph that anchors it. Tracked changes read as
 * accepted (w:ins kept, w:del and w:moveFrom dropped), fields as their displayed result, hidden
 * text (w:vanish) left out. Headers, footers, footnotes and comments are other parts and never read.
 *
 * Each line keeps, per piece of its text, the element it came from, so a finding can be anchored on
 * the exact characters again (`annotate.ts`).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { child, children, isElement, isOn, isW, MC, wAttr } from './xml';
import type { Numbering } from './numbering';

export interface Piece {
  /** Characters [start, end) of the line. */
  start: number;
  end: number;
  /** The w:t (text) or w:tab/w:noBreakHyphen element; undefined for Word's automatic number. */
  node?: Element;
  /** The run (w:r) holding `node`. */
  run?: Element;
}

export interface DocxLine {
  text: string;
  /** 0-based paragraph index in reading order, and where this line starts in the paragraph's text. */
  paragraph: number;
  offset: number;
  pieces: Piece[];
}

const isMc = (el: Element, name: string) => el.localName === name && el.namespaceURI === MC;

/** The branch of mc:AlternateContent a reader sees: the first mc:Choice (the fallback repeats it). */
const choiceOf = (el: Element) => children(el).find((c) => isMc(c, 'Choice'));

export function readBody(document: Document, numbering: Numbering): DocxLine[] {
  const lines: DocxLine[] = [];
  let paragraphs = 0;
  /** Complex fields (w:fldChar) may span paragraphs: per open field, whether its result is showing. */
  const fields: boolean[] = [];
  const showing = () => fields.every(Boolean);

  const block = (container: Element | undefined): void => {
    if (!container) return;
    for (const el of children(container)) {
      if (isW(el, 'p')) paragraph(el);
      else if (isW(el, 'tbl')) table(el);
      else if (isW(el, 'sdt')) block(child(el, 'sdtContent'));
      else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo')) block(el);
      else if (isMc(el, 'AlternateContent')) block(choiceOf(el));
    }
  };

  const table = (tbl: Element): void => {
    for (const row of children(tbl)) {
      if (isW(row, 'tr')) tableRow(row);
      else if (isW(row, 'sdt') || isW(row, 'customXml')) table(isW(row, 'sdt') ? (child(row, 'sdtContent') ?? row) : row);
    }
  };
  /**
   * A row whose cells hold one line each becomes one line, cells separated by TAB: the shape the
   * model reads as a table row (model/tables.ts). A row with a cell of several paragraphs keeps
   * its cells' lines one by one, as before.
   */
  const tableRow = (row: Element): void => {
    const from = lines.length;
    const ends: number[] = [];
    for (const cell of children(row)) {
      const before = lines.length;
      cellOrWrapper(cell);
      if (lines.length > before) ends.push(lines.length);
    }
    const cellLines = lines.length - from;
    if (cellLines < 2 || ends.length !== cellLines) return;
    const joined: DocxLine = { ...lines[from], text: '', pieces: [] };
    for (const [k, l] of lines.slice(from).entries()) {
      if (k > 0) {
        joined.pieces.push({ start: joined.text.length, end: joined.text.length + 1 });
        joined.text += '\t';
      }
      for (const p of l.pieces) joined.pieces.push({ ...p, start: p.start + joined.text.length, end: p.end + joined.text.length });
      joined.text += l.text;
    }
    lines.splice(from, cellLines, joined);
  };
  const cellOrWrapper = (cell: Element): void => {
    if (isW(cell, 'tc')) block(cell);
    else if (isW(cell, 'sdt')) for (const c of children(child(cell, 'sdtContent') ?? cell)) cellOrWrapper(c);
  };

  const paragraph = (p: Element): void => {
    const index = paragraphs++;
    let line: DocxLine = { text: '', paragraph: index, offset: 0, pieces: [] };
    let at = 0; // characters of the paragraph so far
    const boxes: Element[] = [];
    const add = (text: string, node?: Element, run?: Element) => {
      line.pieces.push({ start: line.text.length, end: line.text.length + text.length, node, run });
      line.text += text;
      at += text.length;
    };
    const newline = () => {
      lines.push(line);
      at += 1;
      line = { text: '', paragraph: index, offset: at, pieces: [] };
    };
    const prefix = numbering.next(p);
    if (prefix) add(prefix);

    const run = (r: Element): void => {
      const hidden = isOn(child(child(r, 'rPr'), 'vanish'));
      for (const c of children(r)) {
        if (isW(c, 'fldChar')) {
          const type = wAttr(c, 'fldCharType');
          if (type === 'begin') fields.push(false);
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = true;
          else if (type === 'end') fields.pop();
          continue;
        }
        if (isW(c, 'drawing') || isW(c, 'pict') || isW(c, 'object') || isMc(c, 'AlternateContent')) {
          textBoxes(c, boxes);
          continue;
        }
        if (hidden || !showing()) continue;
        if (isW(c, 't')) add(c.textContent ?? '', c, r);
        else if (isW(c, 'tab') || isW(c, 'ptab')) add('\t', c, r);
        else if (isW(c, 'noBreakHyphen')) add('-', c, r);
        else if (isW(c, 'cr')) newline();
        else if (isW(c, 'br')) {
          const type = wAttr(c, 'type');
          if (!type || type === 'textWrapping') newline();
        }
      }
    };
    const inline = (el: Element | undefined): void => {
      if (!el) return;
      for (const c of children(el)) {
        if (isW(c, 'r')) run(c);
        else if (isW(c, 'sdt')) inline(child(c, 'sdtContent'));
        else if (isW(c, 'ins') || isW(c, 'moveTo') || isW(c, 'hyperlink') || isW(c, 'smartTag') || isW(c, 'fldSimple') || isW(c, 'customXml') || isW(c, 'bdo') || isW(c, 'dir')) inline(c);
        else if (isMc(c, 'AlternateContent')) inline(choiceOf(c));
        // w:del, w:moveFrom (read as accepted), w:pPr, bookmarks and proofing marks carry no shown text.
      }
    };
    inline(p);
    lines.push(line);
    for (const box of boxes) block(box);
  };

  block(child(document.documentElement ?? undefined, 'body'));
  return lines;
}

/** The w:txbxContent under a drawing, a VML picture or an mc:AlternateContent (its mc:Fallback repeats the box). */
function textBoxes(el: Element, out: Element[]): void {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (!isElement(c)) continue;
    if (isMc(c, 'Fallback')) continue;
    if (isW(c, 'txbxContent')) out.push(c);
    else textBoxes(c, out);
  }
}
