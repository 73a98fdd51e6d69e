import type { GongwenDocument } from './types';

export function parseDocument(uri: string, text: string): GongwenDocument {
  // TODO(foundation): the real parser lands in the next commits
  return { uri, text, lines: [], blocks: [], notice: {}, headings: [], allHeadings: [], responsibilities: [], citations: [], abbreviations: [], targets: [], counts: [] };
}
