/** A .pdf as text: pages in order, each page's lines rebuilt from its text items (lines.ts). */
import type { SourceText } from '../source';
import { extractPdf } from './extract';

export type PdfReadFailure = 'password' | 'invalid' | 'timeout' | 'no-text' | { other: string };

export function readPdf(bytes: Uint8Array): SourceText | PdfReadFailure {
  const answer = extractPdf(bytes);
  if ('failure' in answer) return answer.failure === 'other' ? { other: answer.detail ?? '' } : answer.failure;
  const lines: string[] = [];
  const origins: Array<{ page: number; pageLine: number; offset: number }> = [];
  answer.pages.forEach((page, p) => {
    page.forEach((line, l) => {
      lines.push(line);
      origins.push({ page: p, pageLine: l, offset: 0 });
    });
  });
  // A scan has pages but no text items (or only whitespace): say so instead of linting an empty document.
  if (!lines.some((l) => /\S/.test(l))) return 'no-text';
  return { text: lines.join('\n'), source: { format: 'pdf', lines: origins } };
}
