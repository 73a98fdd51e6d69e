/**
 * Sparse TF-IDF vectors over character unigrams and bigrams. Chinese has no word spaces, and the
 * clauses of plans written from one template share their wording, so character n-grams match
 * 培树/倡树科学理性的思想观念 without a segmenter (measured in bench/align-quality.ts).
 */

export type Vector = Map<string, number>;

/** Han characters, letters and digits; punctuation and markers say nothing about the topic. */
const KEEP = /[\u3400-\u9fffA-Za-z0-9]/;

export function grams(text: string): string[] {
  const chars = [...text].filter((c) => KEEP.test(c));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    out.push(chars[i]);
    if (i + 1 < chars.length) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of grams(text)) counts.set(g, (counts.get(g) ?? 0) + 1);
  return counts;
}

/** Inverse document frequency over a set of texts' term counts (smoothed, always > 0). */
export function idfOf(docs: readonly Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const term of d.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [term, f] of df) idf.set(term, Math.log(1 + n / f));
  return idf;
}

/** Unit-length TF-IDF vector (sublinear tf: a repeated word does not drown the rest). */
export function vectorOf(counts: Map<string, number>, idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, c] of counts) {
    const w = (1 + Math.log(c)) * (idf.get(term) ?? 0);
    if (w <= 0) continue;
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) {
    const o = large.get(term);
    if (o !== undefined) sum += w * o;
  }
  return sum;
}
