/**
 * Drafting completion at the start of a paragraph (issue #6):
 * - heading markers: the next marker of the current level, the first of the level below, the next
 *   of each enclosing level, in the document's own style (server/src/drafting/next-markers.ts);
 * - standard clauses of the section the cursor is in (保障措施 → 加强组织领导 …), from the genre's
 *   templates (seeds/templates/*.json), as snippets with the jurisdiction's prefix as a tab stop.
 * Each item replaces what was typed since the line's indent (a partial marker such as `（`).
 */
import {
  CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range,
} from 'vscode-languageserver-types';
import type { GongwenDocument, Heading } from '../model/types';
import { nextChildMarker, nextMarkers, headingBefore, type MarkerRole } from '../drafting/next-markers';
import { genreOf, type SectionTemplate, type TemplateSet } from '../drafting/templates';
import { levelPrefix } from '../drafting/jurisdiction';
import { fillTemplate, templateSnippet } from '../drafting/snippet';
import type { FeatureContext } from './types';

/** What may stand before the cursor for a marker to be offered: nothing, or a marker begun. */
const PARTIAL_MARKER = /^(?:[（(]?[一二三四五六七八九十百]{0,4}[）)]?、?|[（(]?[0-9０-９]{0,2}[）)]?[.．]?|—{1,2})$/;
/** A paragraph just begun: short, no sentence ended yet. */
const PARAGRAPH_START = /^[^。；！？]{0,24}$/;
/** The typed text starts with a marker, so clause items filter on marker + title. */
const MARKER_START = /^(?:[（(0-9０-９]|[一二三四五六七八九十]{1,3}[、）])/;

const ROLE_DETAIL: Record<MarkerRole, string> = {
  sibling: '同级下一个标题',
  child: '下一级第一个标题',
  ancestor: '上级下一个标题',
  first: '第一个一级标题',
};

/** Longest title shown whole in a detail; a longer one is cut after a whole word, with an ellipsis. */
const DETAIL_TITLE_MAX = 14;
/** Made on first use: a word segmenter loads ICU's Chinese dictionary (~90 M instructions), which `lint` never needs (issue #18). */
let words: Intl.Segmenter | undefined;

/** `title`, or its first words up to DETAIL_TITLE_MAX characters and `…`: never cut inside a word (issue #20). */
export function shortTitle(title: string): string {
  const chars = [...title];
  if (chars.length <= DETAIL_TITLE_MAX) return title;
  let out = '';
  for (const { segment } of (words ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(title)) {
    if ([...out].length + [...segment].length > DETAIL_TITLE_MAX - 1) break;
    out += segment;
  }
  out = out.replace(/[，、；：。\s]+$/u, '');
  return `${out || chars.slice(0, DETAIL_TITLE_MAX - 1).join('')}…`;
}

function lineText(doc: GongwenDocument, line: number): string {
  return doc.lines[line]?.text ?? '';
}

function markerItems(doc: GongwenDocument, position: Position, range: Range): CompletionItem[] {
  return nextMarkers(doc, position.line).map((c, i) => ({
    label: c.marker,
    kind: CompletionItemKind.EnumMember,
    detail: ROLE_DETAIL[c.role] + (c.after ? `（接“${c.after.marker}${shortTitle(c.after.title)}”）` : ''),
    sortText: `0${i}`,
    filterText: c.marker,
    textEdit: { range, newText: c.marker },
  }));
}

/** The innermost enclosing section that a template of the document's genre speaks for. */
export function templateSection(doc: GongwenDocument, line: number, sets: readonly TemplateSet[]): { heading: Heading; section: SectionTemplate } | undefined {
  const genre = genreOf(doc.notice.方案标题?.text ?? doc.notice.标题?.text);
  const set = sets.find((s) => s.genre === genre);
  if (!set) return undefined;
  for (let h = headingBefore(doc, line); h; h = h.parent) {
    const heading = h;
    const section = set.sections.find((s) => (s.level === undefined || s.level === heading.level) && s.headings.some((k) => heading.title.includes(k)));
    if (section) return { heading, section };
  }
  return undefined;
}

function clauseItems(ctx: FeatureContext, position: Position, range: Range, typed: string): CompletionItem[] {
  const { doc } = ctx;
  const found = templateSection(doc, position.line, ctx.knowledge.templates);
  if (!found) return [];
  const marker = nextChildMarker(doc, found.heading, position.line);
  if (!marker) return [];
  const prefix = levelPrefix(doc);
  const written = found.heading.children.map((c) => c.title);
  const withMarker = typed === '' || MARKER_START.test(typed);
  return found.section.clauses
    .filter((c) => !written.some((t) => t.includes(c.title)))
    .map((c, i) => ({
      label: c.title,
      kind: CompletionItemKind.Snippet,
      detail: `标准条款 · ${found.heading.marker}${found.heading.title}`,
      documentation: `${marker}${c.title}。${fillTemplate(c.body, prefix ?? '市', `${prefix ?? '市'}科协`)}`,
      sortText: `1${String(i).padStart(2, '0')}`,
      filterText: withMarker ? marker + c.title : c.title,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: templateSnippet(`${marker}${c.title}。${c.body}`, prefix) },
    }));
}

export function draftingCompletions(ctx: FeatureContext, position: Position): CompletionItem[] {
  const before = lineText(ctx.doc, position.line).slice(0, position.character);
  const indent = before.length - before.replace(/^[ \t\u3000]+/, '').length;
  const typed = before.slice(indent);
  if (!PARAGRAPH_START.test(typed)) return [];
  const range: Range = { start: { line: position.line, character: indent }, end: position };
  const markers = PARTIAL_MARKER.test(typed) ? markerItems(ctx.doc, position, range) : [];
  return [...markers, ...clauseItems(ctx, position, range, typed)];
}
