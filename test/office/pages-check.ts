/**
 * The pagination engine (server/src/export/pages.ts) against LibreOffice's rendering of the same
 * export (issue #16): the number of pages, and on each page the text its first line starts with
 * (the first 8 characters, spaces ignored; a blank page matches a blank page). Used by
 * test/unit/export-render.test.ts and `npm run export:check`.
 */
import type { LaidPage } from '../../server/src/export/pages';
import { isPageNumber, type Page } from './page-layout';

export interface Agreement {
  enginePages: number;
  renderedPages: number;
  /** Pages (up to the shorter count) whose first line starts with the same text in both. */
  sameFirstLine: number;
  /** The first page where they differ, for a message: number, engine's line, LibreOffice's line. */
  firstDifference?: { page: number; engine: string; rendered: string };
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** The start of a line as compared: punctuation and figures differ in width between fonts, not in order. */
const head = (s: string) => Array.from(squeeze(s)).slice(0, 8).join('');

export function comparePages(engine: readonly LaidPage[], rendered: readonly Page[]): Agreement {
  let same = 0;
  let firstDifference: Agreement['firstDifference'];
  for (let i = 0; i < Math.min(engine.length, rendered.length); i++) {
    const e = head(engine[i].lines.find((l) => squeeze(l.text))?.text ?? '');
    const r = head(rendered[i].lines.find((l) => !isPageNumber(l))?.text ?? '');
    if (e === r) same++;
    else firstDifference ??= { page: i + 1, engine: e, rendered: r };
  }
  return { enginePages: engine.length, renderedPages: rendered.length, sameFirstLine: same, firstDifference };
}
