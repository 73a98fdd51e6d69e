/**
 * Where the editor changed a document since it was last parsed. The editor sends each change
 * with its range (incremental sync), so the server knows the changed span without comparing the
 * old and new text; the incremental parse (model/parse.ts) then starts from that span. Changes
 * made between two parses (typing during the debounce) are merged into one span.
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { UnchangedEnds } from '../model/lines';

interface Span {
  /** The version the span is measured from (the one last parsed, or the one before the first change). */
  base: number;
  /** Characters before `from` and from `to` on (in the current text) are as they were in `base`. */
  from: number;
  to: number;
}

export interface EditTracker {
  /** For `new TextDocuments(…)`: applies changes as TextDocument does, noting where they fell. */
  readonly documents: TextDocumentsConfiguration<TextDocument>;
  /** What is unchanged between version `base` and the document's current text, when known. */
  unchangedSince(document: TextDocument, base: number): UnchangedEnds | undefined;
  /** The document was parsed at its current version: later changes are measured from here. */
  parsed(document: TextDocument): void;
}

export function createEditTracker(): EditTracker {
  const spans = new Map<string, Span>();
  return {
    documents: {
      create: TextDocument.create,
      update(document, changes, version) {
        let span = spans.get(document.uri);
        if (!span) span = { base: document.version, from: Infinity, to: -Infinity };
        for (const change of changes) {
          span = merge(span, document, change);
          TextDocument.update(document, [change], version);
        }
        spans.set(document.uri, span);
        return document;
      },
    },
    unchangedSince(document, base) {
      const span = spans.get(document.uri);
      if (!span || span.base !== base) return undefined;
      const length = document.getText().length;
      if (span.from === Infinity) return { prefix: length, suffix: 0 };
      return { prefix: span.from, suffix: length - span.to };
    },
    parsed(document) {
      spans.set(document.uri, { base: document.version, from: Infinity, to: -Infinity });
    },
  };
}

/** The span after `change` is applied to `document` (whose text the span is measured in). */
function merge(span: Span, document: TextDocument, change: TextDocumentContentChangeEvent): Span {
  const length = document.getText().length;
  if (!('range' in change) || !change.range) return { base: span.base, from: 0, to: change.text.length };
  const a = document.offsetAt(change.range.start);
  const b = Math.max(a, document.offsetAt(change.range.end));
  const delta = change.text.length - (b - a);
  if (span.from === Infinity) return { base: span.base, from: a, to: a + change.text.length };
  // Characters at or after `b` move by `delta`; the span grows to cover the new text.
  // (A span end inside the replaced range is kept where it is: too wide is safe, too narrow is not.)
  const to = Math.min(Math.max(span.to >= b ? span.to + delta : span.to, a + change.text.length), length + delta);
  return { base: span.base, from: Math.min(span.from, a), to };
}
