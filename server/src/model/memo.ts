/**
 * What is computed once per document and kept with it (the unit analysis, the service's findings): on the document
 * itself, in a map under a property that is neither enumerable nor a string, so the document stays plain data for
 * JSON output and deep comparison.
 *
 * Not in a WeakMap keyed by the document: on Node 20, V8's young-generation collector kept such a map's values alive
 * until the next full collection, so every document's analysis of a `lint` over a folder outlived its document, was
 * copied and promoted to the old generation (~1 MB a scavenge over the 1,000 seed copies; with the memos here,
 * promoted 78 → 9 MB, issue #18, docs/performance.md). A memo on the document dies with it.
 */
import type { GongwenDocument } from './types';

const MEMO = Symbol('gongwen.memo');

type Holder = { [MEMO]?: Map<unknown, unknown> };

/** The document's memo; `key` is the caller's own (an object or a symbol), so two callers never meet. */
export function documentMemo(doc: GongwenDocument): Map<unknown, unknown> {
  const holder = doc as unknown as Holder;
  let memo = holder[MEMO];
  if (!memo) {
    memo = new Map();
    Object.defineProperty(doc, MEMO, { value: memo, enumerable: false });
  }
  return memo;
}

/** `compute()` once per document and `key` (the caller's own object or symbol), then the same value. */
export function perDocument<T>(doc: GongwenDocument, key: object | symbol, compute: () => T): T {
  const memo = documentMemo(doc);
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}
