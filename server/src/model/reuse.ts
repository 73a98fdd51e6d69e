/**
 * What one parse of a document leaves for the parse of its next version. The editor sends a new
 * version on every keystroke; in a long document almost every block is the same as before.
 *
 * The next parse re-joins lines only around the change (blocks.ts `rebuildBlocks`); every other
 * block is the previous one, the same object or moved, and keeps its `BlockEntry`: what the model's
 * finders and the block-by-block rules computed for it. A block's results depend only on its own
 * text, so they are taken over and only moved to the block's new first line (a block starts at a
 * line start, so the characters of its ranges never move).
 *
 * Nothing is looked up by text: a document that repeats a paragraph is not analysed any faster
 * than from scratch, and a fresh parse (CLI, tests) does exactly what it did before.
 */
import type { Block } from './types';

/** Results kept at one position: `line` is the block's first line when they were computed. */
export interface Placed<T> {
  line: number;
  value: T;
}

/** What is known about one block (shared by the block's versions while its text stands). */
export interface BlockEntry {
  text: string;
  /** `Block.map`, relative to the block's first line, so it holds wherever the block moves. */
  map: Int32Array;
  /** Per-block results of the model's finders (citations, targets …), by finder name. */
  found: Map<string, Placed<unknown>>;
  /** Per-block results of rules that work block by block, by rule and context key (service). */
  findings: Map<string, Placed<unknown>>;
}

/** The printed line widths of the long lines, and the wrap width decided from them (blocks.ts). */
export interface Layout {
  counts: Map<number, number>;
  long: number;
  width: number;
}

/** One parse's memo: each block's entry, and the layout the joining loop used. */
export class Reuse {
  private readonly entries = new Map<Block, BlockEntry>();
  private layoutUsed?: Layout;

  newEntry(joined: { text: string; map: Int32Array }): BlockEntry {
    return { text: joined.text, map: joined.map, found: new Map(), findings: new Map() };
  }

  remember(block: Block, entry: BlockEntry): void {
    this.entries.set(block, entry);
  }

  entryOf(block: Block): BlockEntry | undefined {
    return this.entries.get(block);
  }

  setLayout(layout: Layout): void {
    this.layoutUsed = layout;
  }

  layout(): Layout | undefined {
    return this.layoutUsed;
  }
}

/**
 * A result kept for a block, moved to the block's first line `line`; computed when missing.
 * The stored copy is replaced by the moved one, so the next version usually finds it in place.
 */
export function placed<T>(store: Map<string, Placed<unknown>>, key: string, line: number, compute: () => T): T {
  const hit = store.get(key) as Placed<T> | undefined;
  if (hit && hit.line === line) return hit.value;
  const value = hit ? moveLines(hit.value, line - hit.line) : compute();
  store.set(key, { line, value });
  return value;
}

/**
 * A deep copy of plain result data (spans, findings, edits) with every LSP position `by` lines
 * further down. Results are trees of plain objects and arrays; nothing else is copied.
 */
export function moveLines<T>(value: T, by: number): T {
  if (by === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => moveLines(v, by)) as T;
  const source = value as Record<string, unknown>;
  if (typeof source.line === 'number' && typeof source.character === 'number') {
    return { ...source, line: (source.line as number) + by } as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source)) out[k] = moveLines(source[k], by);
  return out as T;
}
