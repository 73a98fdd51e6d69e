/**
 * What every reader of `io/` returns: the text the language service parses and a map from its lines
 * back to the positions of the file's own format, so a finding can name the Word paragraph or the PDF
 * page a reader will look for. Pure: no file system here.
 */
import type { DocumentEncoding } from './text';
import { t } from '../l10n';

export type SourceFormat = 'text' | 'docx' | 'pdf';

/** Where one line of the extracted text came from (0-based, like LSP positions). */
export interface LineOrigin {
  /** .docx: the paragraph (w:p in reading order: body, table cells and text boxes), */
  paragraph?: number;
  /** .pdf: the page, and the line on that page as rebuilt from its text items. */
  page?: number;
  pageLine?: number;
  /** .docx: where this line starts in its paragraph's text (not 0 only after a line break, w:br). */
  offset: number;
}

export interface SourceMap {
  format: SourceFormat;
  /** One entry per line of the text; absent for a text file (its positions are its own). */
  lines?: LineOrigin[];
}

/** A position of the text in the terms of the file's format. */
export interface SourcePosition {
  paragraph?: number;
  page?: number;
  line?: number;
  /** .docx: character in the paragraph; .pdf: character in the page's line. */
  offset: number;
}

export interface SourceText {
  text: string;
  source: SourceMap;
  /** Text files only: how the bytes were stored, so `--fix` can write them back the same way. */
  encoding?: DocumentEncoding;
}

export type ReadResult = SourceText | { error: string };

export const TEXT_SOURCE: SourceMap = { format: 'text' };

/** The format's position of (line, character) of the text; undefined for a text file. */
export function sourcePosition(map: SourceMap | undefined, line: number, character: number): SourcePosition | undefined {
  const origin = map?.lines?.[line];
  if (!origin) return undefined;
  if (map!.format === 'docx') return { paragraph: origin.paragraph, offset: origin.offset + character };
  return { page: origin.page, line: origin.pageLine, offset: character };
}

/** `第 3 段第 5 字` / `第 2 页第 7 行第 5 字`, 1-based as a reader counts. */
export function describeSourcePosition(pos: SourcePosition): string {
  if (pos.paragraph !== undefined) return t('第 {0} 段第 {1} 字', pos.paragraph + 1, pos.offset + 1);
  return t('第 {0} 页第 {1} 行第 {2} 字', (pos.page ?? 0) + 1, (pos.line ?? 0) + 1, pos.offset + 1);
}
