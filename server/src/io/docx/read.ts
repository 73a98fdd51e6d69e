/** A .docx as text with its map back to paragraphs (see body.ts for what is read and what is left out). */
import type { Document } from '@xmldom/xmldom';
import type { SourceText } from '../source';
import { readBody, type DocxLine } from './body';
import { createNumbering } from './numbering';
import { openPackage, partXml, READ_PARTS, relatedPart, type DocxFailure, type DocxPackage } from './package';
import { XmlError } from './xml';

export interface OpenDocx {
  pkg: DocxPackage;
  document: Document;
  lines: DocxLine[];
}

export type DocxReadFailure = DocxFailure | 'no-text';

/** Parses the package's main part and reads its body; `all` inflates every part (for writing a copy). */
export function openDocx(bytes: Uint8Array, all = false): OpenDocx | DocxReadFailure {
  const pkg = openPackage(bytes, all ? undefined : READ_PARTS);
  if (typeof pkg === 'string') return pkg;
  try {
    const document = partXml(pkg, pkg.main)!;
    const numberingName = relatedPart(pkg, 'numbering');
    const stylesName = relatedPart(pkg, 'styles');
    const numbering = createNumbering(numberingName ? partXml(pkg, numberingName) : undefined, stylesName ? partXml(pkg, stylesName) : undefined);
    return { pkg, document, lines: readBody(document, numbering) };
  } catch (err) {
    if (err instanceof XmlError) return 'bad-xml';
    throw err;
  }
}

export function docxSourceText(open: OpenDocx): SourceText {
  return {
    text: open.lines.map((l) => l.text).join('\n'),
    source: { format: 'docx', lines: open.lines.map((l) => ({ paragraph: l.paragraph, offset: l.offset })) },
  };
}

/** The text of a .docx, or why there is none: images only (no character in the body) counts as no text. */
export function readDocx(bytes: Uint8Array): SourceText | DocxReadFailure {
  const open = openDocx(bytes);
  if (typeof open === 'string') return open;
  const source = docxSourceText(open);
  return /\S/.test(source.text) ? source : 'no-text';
}
