/**
 * Where a proofreading rule must keep quiet: inside a cited title `《…》` the words are the cited
 * document's own (a faithful citation of an old title keeps its 其它 or 帐户).
 */

/** `[from, to)` spans of the block text inside 《…》 (outermost pairs; an unclosed 《 runs to the end). */
export function titleSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (text.indexOf('《') < 0) return spans;
  let depth = 0;
  let start = 0;
  // From the first 《, character by character: a pattern's matchAll would clone it for every block (issue #18).
  for (let i = text.indexOf('《'); i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x300a) {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === 0x300b && depth > 0) {
      depth--;
      if (depth === 0) spans.push([start, i + 1]);
    }
  }
  if (depth > 0) spans.push([start, text.length]);
  return spans;
}

export function inSpans(spans: Array<[number, number]>, at: number): boolean {
  return spans.some(([a, b]) => at >= a && at < b);
}
