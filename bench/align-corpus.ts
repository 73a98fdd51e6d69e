/**
 * Alignment at corpus scale (issue #8): 1,000 plans built from the seeds (place names changed, one
 * section dropped per copy, deterministic), indexed as the alignment engine indexes an upper
 * document (character n-gram TF-IDF over every clause), then queried clause by clause for the best
 * match across the whole corpus by the engine's own cosine — a brute-force scan, which is what the
 * engine does today; no inverted index yet. Prints build time, heap used and query latency.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../server/src/model/parse';
import { clausesOf } from '../server/src/align/clauses';
import { cosine, idfOf, termCounts, vectorOf, type Vector } from '../server/src/align/vectors';
import { percentile, spread } from './stats';

const ROOT = path.resolve(__dirname, '..');
const PLACES = ['乳山市', '兖州区', '威海市', '淄博市', '平阴县'];

function seeds(): string[] {
  const dir = path.join(ROOT, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Copy `i`: another place name, and the i-th top-level section's first line removed, so copies differ. */
function variant(text: string, i: number): string {
  let out = text;
  for (const p of PLACES) out = out.split(p).join(`第${i}${p.slice(-1)}`);
  const lines = out.split('\n');
  const heads = lines.map((l, k) => (/^\s*[一二三四五六]、/.test(l) ? k : -1)).filter((k) => k >= 0);
  if (heads.length) lines.splice(heads[i % heads.length], 1);
  return lines.join('\n');
}

export async function run(): Promise<void> {
  const base = seeds();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const texts: string[] = [];
  for (let i = 0; i < 1000; i++) texts.push(variant(base[i % base.length], i));
  const clauses = texts.flatMap((text, i) => clausesOf(parseDocument(`corpus:${i}`, text)).map((c) => `${c.title}${c.text}`));
  const parsed = performance.now();
  const counts = clauses.map(termCounts);
  const idf = idfOf(counts);
  const vectors: Vector[] = counts.map((c) => vectorOf(c, idf));
  const built = performance.now();
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(`corpus: 1,000 plans, ${clauses.length} clauses; parse ${(parsed - t0).toFixed(0)} ms, index build ${(built - parsed).toFixed(0)} ms; heap ≈ ${heapMb.toFixed(0)} MB`);

  const queries = clausesOf(parseDocument('query', base[0])).map((c) => vectorOf(termCounts(`${c.title}${c.text}`), idf));
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const start = performance.now();
      let best = -1;
      for (const v of vectors) {
        const s = cosine(q, v);
        if (s > best) best = s;
      }
      times.push(performance.now() - start);
    }
  }
  console.log(`query (best clause over the whole corpus): ${spread(times, 'ms', 2)}; p99 ${percentile(times, 99).toFixed(2)} ms`);
}
