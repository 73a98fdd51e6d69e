/**
 * Document symbols for the Outline view, breadcrumbs and sticky scroll: one symbol per part of the
 * document (model/types.ts `DocumentPart`). The covering document is named by its genre (通知（印发）,
 * 意见, 批复) and holds the notice's elements and its own headings; each issued or forwarded document
 * and each attachment holds its heading tree. A symbol's range is its part's blocks, so the
 * breadcrumbs show which document of the file the cursor is in.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { t } from '../l10n';
import { DOCUMENT_KIND, titleCore } from '../model/genre';
import type { DocumentPart, GenreInfo, GongwenDocument, Heading, MarkerKind, NoticeElementName } from '../model/types';
import { NOTICE_ELEMENT_ORDER } from '../model/types';

/** The symbol kind of a heading in the Outline and in workspace symbols, by its marker's level. */
export const HEADING_KIND: Record<MarkerKind, SymbolKind> = {
  chapter: SymbolKind.Module,
  section: SymbolKind.Module,
  article: SymbolKind.Namespace,
  decimal: SymbolKind.Namespace,
  chinese: SymbolKind.Namespace,
  'paren-chinese': SymbolKind.Class,
  arabic: SymbolKind.Method,
  'paren-arabic': SymbolKind.Field,
  dash: SymbolKind.EnumMember,
};

const PART_KIND: Record<DocumentPart['kind'], SymbolKind> = {
  cover: SymbolKind.File,
  issued: SymbolKind.File,
  forwarded: SymbolKind.File,
  attachment: SymbolKind.File,
};

const DETAIL_MAX = 40;

function short(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > DETAIL_MAX ? chars.slice(0, DETAIL_MAX).join('') + '…' : chars.join('');
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function byPosition(a: DocumentSymbol, b: DocumentSymbol): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function headingSymbol(h: Heading): DocumentSymbol {
  return {
    name: h.marker + (h.title || '…'),
    kind: HEADING_KIND[h.kind],
    range: h.sectionRange,
    selectionRange: h.range,
    children: h.children.map(headingSymbol),
  };
}

/** What the outline needs of a part; the CLI passes its JSON part (model/types.ts `DocumentPart` fits too). */
export interface PartSummary {
  kind: DocumentPart['kind'];
  title?: { text: string };
  label?: { text: string };
  docNumber?: { text: string };
  scheme?: DocumentPart['scheme'];
}

/** The cover's name: its genre word with what it does to the documents it carries, `通知（印发）`; `公文` without a genre. */
export function coverName(genre: Pick<GenreInfo, 'label' | 'action'> | null | undefined): string {
  if (!genre) return '公文';
  return genre.action ? `${genre.label}（${genre.action}）` : genre.label;
}

/** What an issued, forwarded or attached part is, in a few words: `印发的办法 · 第X章/第X条`; empty for the cover. */
export function partDescription(part: PartSummary): string {
  if (part.kind === 'cover') return '';
  // The document kind its title ends with (办法, 预案, 实施方案 → 方案), as the model reads titles.
  const kindWord = part.title ? DOCUMENT_KIND.exec(titleCore(part.title.text))?.[1] : undefined;
  const what =
    part.kind === 'issued' ? (kindWord ? t('印发的{0}', kindWord) : t('印发的文件'))
    : part.kind === 'forwarded' ? (kindWord ? t('转发的{0}', kindWord) : t('转发的文件'))
    : t('附件');
  return [what, part.docNumber?.text, part.scheme && schemeName(part.scheme)].filter(Boolean).join(' · ');
}

/** The numbering scheme of a part's headings, as a drafter would name it. */
export function schemeName(scheme: NonNullable<DocumentPart['scheme']>): string {
  return scheme === 'articles' ? t('第X章/第X条') : scheme === 'decimal' ? t('1/1.1 编号') : t('一、（一）1.（1）编号');
}

/** A part's name: the cover's genre; an issued/forwarded document's title; an attachment's label and title. */
export function partName(part: PartSummary, genre: Pick<GenreInfo, 'label' | 'action'> | null | undefined): string {
  if (part.kind === 'cover') return coverName(genre);
  const title = part.title ? short(part.title.text) : undefined;
  // `附件1：` → `附件1`
  const label = part.label ? part.label.text.replace(/[：:\s]+$/u, '') : undefined;
  if (part.kind === 'attachment') return [label || t('附件'), title].filter(Boolean).join(' ');
  return title || label || (part.kind === 'issued' ? t('印发的文件') : t('转发的文件'));
}

function partSymbol(doc: GongwenDocument, part: DocumentPart, elements: DocumentSymbol[]): DocumentSymbol {
  const selection = [part.title?.range, part.label?.range].find((r): r is Range => !!r && contains(part.range, r)) ?? part.range;
  // The issued plan's title is the part's own name: not listed again as 方案标题 under it.
  const own = elements.filter((e) => contains(part.range, e.range) && !(part.kind !== 'cover' && e.name === '方案标题' && sameRange(e.range, selection)));
  const name = partName(part, doc.genre ?? doc.parts[0]?.genre);
  // An untitled part is named by what it is (印发的文件): the detail then need not say it again.
  const description = partDescription(part);
  const detail = part.kind === 'cover' ? (part.title ? short(part.title.text) : undefined) : description.startsWith(name) ? description.slice(name.length).replace(/^ · /, '') || undefined : description;
  return {
    name,
    detail,
    kind: PART_KIND[part.kind],
    range: part.range,
    selectionRange: selection,
    children: [...own, ...part.headings.map(headingSymbol)].sort(byPosition),
  };
}

function sameRange(a: Range, b: Range): boolean {
  return before(a.start, b.start) && before(b.start, a.start) && before(a.end, b.end) && before(b.end, a.end);
}

export function documentSymbols(doc: GongwenDocument): DocumentSymbol[] {
  const elements: DocumentSymbol[] = [];
  for (const name of NOTICE_ELEMENT_ORDER) {
    const el = doc.notice[name as NoticeElementName];
    if (!el) continue;
    elements.push({ name, detail: short(el.text), kind: SymbolKind.Property, range: el.range, selectionRange: el.range });
  }
  if (doc.parts.length === 0) return fromLineStart(doc, [...elements, ...doc.headings.map(headingSymbol)].sort(byPosition));
  const parts = doc.parts.map((part) => partSymbol(doc, part, elements));
  // Elements outside every part (the 版记 lines 抄送/印发 after the issued plan) stay at the top level.
  const loose = elements.filter((e) => !doc.parts.some((p) => contains(p.range, e.range)));
  return fromLineStart(doc, [...parts, ...loose].sort(byPosition));
}

/**
 * A symbol whose line is indented (`　　第二条`) starts at the line's start: the editor finds the
 * symbol around the cursor by range, and a cursor at column 1 of that line is in that article, not
 * in its chapter. Only indentation is taken in, so a child never starts before its parent.
 */
function fromLineStart(doc: GongwenDocument, symbols: DocumentSymbol[]): DocumentSymbol[] {
  for (const s of symbols) {
    const { line, character } = s.range.start;
    const text = doc.lines[line]?.text;
    if (character > 0 && text !== undefined && /^[\s\u3000]*$/u.test(text.slice(0, character))) {
      s.range = { start: { line, character: 0 }, end: s.range.end };
    }
    if (s.children) fromLineStart(doc, s.children);
  }
  return symbols;
}
