/**
 * Document symbols for the Outline view, breadcrumbs and sticky scroll: the notice's elements
 * (in the order they stand) followed by the plan's heading tree.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { GongwenDocument, Heading, MarkerKind, NoticeElementName } from '../model/types';
import { NOTICE_ELEMENT_ORDER } from '../model/types';

const HEADING_KIND: Record<MarkerKind, SymbolKind> = {
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

const DETAIL_MAX = 40;

function short(text: string): string {
  return text.length > DETAIL_MAX ? text.slice(0, DETAIL_MAX) + '…' : text;
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

export function documentSymbols(doc: GongwenDocument): DocumentSymbol[] {
  const elements: DocumentSymbol[] = [];
  for (const name of NOTICE_ELEMENT_ORDER) {
    const el = doc.notice[name as NoticeElementName];
    if (!el) continue;
    elements.push({ name, detail: short(el.text), kind: SymbolKind.Property, range: el.range, selectionRange: el.range });
  }
  const headings = doc.headings.map(headingSymbol);
  // Elements in document order with the headings placed where the plan body starts.
  return [...elements, ...headings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
