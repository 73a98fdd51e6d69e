/** Turning pieces of blocks into spans whose ranges point at the original text. */
import type { Block, Span } from './types';
import type { LineIndex } from './positions';
import { blockOffsets } from './blocks';

export interface SpanMaker {
  /** A span for `[from, to)` of one block's joined text. */
  inBlock(block: Block, from?: number, to?: number): Span;
  /** One span over several consecutive blocks (text joined without separator). */
  overBlocks(blocks: Block[]): Span | undefined;
  offsets(block: Block, from: number, to: number): [number, number];
}

export function createSpanMaker(index: LineIndex): SpanMaker {
  const inBlock = (block: Block, from = 0, to = block.text.length): Span => {
    const [a, b] = blockOffsets(block, from, to);
    return { text: block.text.slice(from, to), range: index.rangeWithin(a, b, block.firstLine, block.lastLine) };
  };
  return {
    inBlock,
    overBlocks(blocks) {
      if (blocks.length === 0) return undefined;
      const first = inBlock(blocks[0]);
      const last = inBlock(blocks[blocks.length - 1]);
      return { text: blocks.map((b) => b.text).join(''), range: { start: first.range.start, end: last.range.end } };
    },
    offsets: blockOffsets,
  };
}
