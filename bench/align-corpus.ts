/**
 * Alignment at corpus scale (issue #8): 1,000 plans built from the seeds (place names changed, one
 * section dropped per copy, deterministic), 47,000 clauses, indexed by the corpus index
 * (server/src/align/corpus-index.ts) and queried for the 10 clauses most like a clause. Prints index
 * build time, memory, query latency, and — as the reference — the engine's brute force (a Map vector
 * per clause, its cosine against every clause) on a few queries, with the agreement of the two.
 * Figures are printed, never asserted on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parseDocument } from '../server/src/model/parse';
import { clausesOf } from '../server/src/align/clauses';
import { buildCorpusIndex, TEXT_COSINE, type ClauseHit, type IndexedClauseText } from '../server/src/align/corpus-index';
import { cosine, idfOf, termCounts, vectorOf, type Vector } from '../server/src/align/vectors';
import { percentile, spread } from './stats';

const ROOT = path.resolve(__dirname, '..');
const PLACES = ['乳山市', '兖州区', '威海市', '淄博市', '平阴县'];
const PLANS = 1000;
const QUERIES = 500;
const WARMUP = 50;
const BRUTE_FORCE_QUERIES = 20;
const SCAN_QUERIES = 100;
const K = 10;

export function seeds(): string[] {
  const dir = path.join(ROOT, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Copy `i`: another place name, and the i-th top-level section's first line removed, so copies differ. */
export function variant(text: string, i: number): string {
  let out = text;
  for (const p of PLACES) out = out.split(p).join(`第${i}${p.slice(-1)}`);
  const lines = out.split('\n');
  const heads = lines.map((l, k) => (/^\s*[一二三四五六]、/.test(l) ? k : -1)).filter((k) => k >= 0);
  if (heads.length) lines.splice(heads[i % heads.length], 1);
  return lines.join('\n');
}

/** The clauses of `plans` variant plans, as plain title/text (the parsed documents can go). */
export function corpusClauses(plans: number): IndexedClauseText[] {
  const base = seeds();
  const out: IndexedClauseText[] = [];
  for (let i = 0; i < plans; i++) {
    for (const c of clausesOf(parseDocument(`corpus:${i}`, variant(base[i % base.length], i)))) out.push({ title: c.title, text: c.text });
  }
  return out;
}

/** A full collection when the process allows one: --expose-gc, else the V8 flag set at run time. */
function collector(): { gc: () => void; how: string } {
  if (typeof global.gc === 'function') return { gc: global.gc, how: 'global.gc' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return { gc: gc as () => void, how: 'gc exposed through v8.setFlagsFromString' };
  } catch {
    // fall through: figures are then taken without a collection and say so
  }
  return { gc: () => {}, how: 'no gc available: figures include garbage' };
}

/** Deterministic sample of `n` positions in [0, size) (a fixed LCG: the same queries on every run). */
function sample(n: number, size: number, seed: number): number[] {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(x % size);
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const textOf = (c: IndexedClauseText) => `${c.title}${c.text}`;

/** The engine's brute force: cosine against every clause vector, top K by score then position. */
function bruteForce(query: string, vectors: readonly Vector[], idf: Map<string, number>): [number, number][] {
  const q = vectorOf(termCounts(query), idf);
  const scored: [number, number][] = [];
  for (let d = 0; d < vectors.length; d++) {
    const s = cosine(q, vectors[d]);
    if (s > 0) scored.push([d, s]);
  }
  return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, K);
}

const sameHits = (hits: readonly ClauseHit<unknown>[], ref: readonly [number, number][]) =>
  hits.length === ref.length && hits.every((h, i) => h.position === ref[i][0] && h.score === ref[i][1]);

export async function run(): Promise<void> {
  const { gc, how } = collector();
  const t0 = performance.now();
  const clauses = corpusClauses(PLANS);
  const parsed = performance.now();
  gc();
  const before = process.memoryUsage();
  const index = buildCorpusIndex(clauses);
  const built = performance.now();
  gc();
  const after = process.memoryUsage();
  console.log(`corpus: ${PLANS} plans, ${clauses.length} clauses, ${index.termCount} terms; parse ${(parsed - t0).toFixed(0)} ms (not part of the index)`);
  console.log(`index build ${(built - parsed).toFixed(0)} ms`);
  console.log(
    `index memory (${how}): typed arrays ${mb(index.bytes)}; after − before the build: heapUsed +${mb(after.heapUsed - before.heapUsed)} (JS objects: vocabulary map, clause list), ` +
      `arrayBuffers +${mb(after.arrayBuffers - before.arrayBuffers)} (typed-array storage, outside heapUsed), rss +${mb(after.rss - before.rss)}`,
  );

  const queries = sample(QUERIES, clauses.length, 8);
  for (const q of sample(WARMUP, clauses.length, 1)) index.query(textOf(clauses[q]), K);
  const times: number[] = [];
  const results = new Map<number, ClauseHit<IndexedClauseText>[]>();
  for (const q of queries) {
    const start = performance.now();
    const hits = index.query(textOf(clauses[q]), K);
    times.push(performance.now() - start);
    results.set(q, hits);
  }
  console.log(`index query (top ${K} of the corpus, ${QUERIES} sampled clauses after ${WARMUP} warm-up): ${spread(times, 'ms', 2)}; p99 ${percentile(times, 99).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`);

  // Exhaustive typed-array scan (same arithmetic, no inverted index): checks candidate generation on more queries than brute force can afford.
  let scanAgree = 0;
  const scanned = queries.slice(0, SCAN_QUERIES);
  for (const q of scanned) {
    const full = index.scan({ title: '', text: textOf(clauses[q]) }, K, TEXT_COSINE);
    const ref = full.filter((h) => h.score > 0).map((h): [number, number] => [h.position, h.score]);
    if (sameHits(results.get(q)!, ref)) scanAgree++;
  }
  console.log(`agreement with an exhaustive scan of the index: top ${K} identical (positions and scores) on ${scanAgree}/${scanned.length} queries`);

  const tv = performance.now();
  const idf = idfOf(clauses.map((c) => termCounts(textOf(c))));
  const vectors = clauses.map((c) => vectorOf(termCounts(textOf(c)), idf));
  const vectorsBuilt = performance.now();
  gc();
  const withVectors = process.memoryUsage();
  console.log(`brute force reference: engine vectors built in ${(vectorsBuilt - tv).toFixed(0)} ms, heapUsed +${mb(withVectors.heapUsed - after.heapUsed)}`);
  const bruteTimes: number[] = [];
  let top1 = 0;
  let topK = 0;
  const checked = queries.slice(0, BRUTE_FORCE_QUERIES);
  for (const q of checked) {
    const start = performance.now();
    const ref = bruteForce(textOf(clauses[q]), vectors, idf);
    bruteTimes.push(performance.now() - start);
    const hits = results.get(q)!;
    if (hits[0]?.position === ref[0]?.[0]) top1++;
    if (sameHits(hits, ref)) topK++;
  }
  const indexMedian = percentile(times, 50);
  const bruteMedian = percentile(bruteTimes, 50);
  console.log(`brute force query (${checked.length} of the same queries): ${spread(bruteTimes, 'ms', 0)}; p99 ${percentile(bruteTimes, 99).toFixed(0)} ms`);
  console.log(`index vs brute force: ${(bruteMedian / indexMedian).toFixed(0)}× faster at the median, ${(percentile(bruteTimes, 99) / percentile(times, 99)).toFixed(0)}× at p99`);
  console.log(`agreement with brute force: top-1 the same clause on ${top1}/${checked.length} queries, whole top ${K} (positions and scores to the bit) on ${topK}/${checked.length}`);
}

if (require.main === module) void run();
