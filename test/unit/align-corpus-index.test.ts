/**
 * The corpus index (server/src/align/corpus-index.ts) against the engine's brute force on a corpus
 * built from the seeds: the same clauses in the same order with the same scores, whatever the index
 * skips; odd input; and alignment through the index equal to pairwise alignment.
 */
import assert from 'node:assert/strict';
import { corpusClauses } from '../../bench/align-corpus';
import { buildCorpusIndex, TEXT_COSINE, type ClauseHit, type IndexedClauseText } from '../../server/src/align/corpus-index';
import { alignWith, DEFAULT_PARAMS, type ClauseAlignment } from '../../server/src/align/align';
import { cosine, idfOf, termCounts, vectorOf } from '../../server/src/align/vectors';
import { parseDocument } from '../../server/src/model/parse';
import { readSeed } from './helpers';

const K = 10;
const textOf = (c: IndexedClauseText) => `${c.title}${c.text}`;

/** 10 plans (two variants of each seed): 470 clauses, many exact duplicates, so ties are common. */
const clauses = corpusClauses(10);
const index = buildCorpusIndex(clauses);
const idf = idfOf(clauses.map((c) => termCounts(textOf(c))));
const vectors = clauses.map((c) => vectorOf(termCounts(textOf(c)), idf));

/** The engine's answer: cosine with every clause, score > 0, best first, ties to the earlier clause. */
function bruteForce(text: string, k = K): [number, number][] {
  const q = vectorOf(termCounts(text), idf);
  return vectors
    .map((v, d): [number, number] => [d, cosine(q, v)])
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k);
}

/** Same positions in the same order, scores within 1e-12 (they are in fact equal to the bit). */
function assertSameRanking(hits: readonly ClauseHit<unknown>[], expected: readonly [number, number][], what: string): void {
  assert.deepEqual(
    hits.map((h) => h.position),
    expected.map(([d]) => d),
    what,
  );
  hits.forEach((h, i) => assert.ok(Math.abs(h.score - expected[i][1]) <= 1e-12, `${what}: score ${h.score} vs ${expected[i][1]}`));
}

/** Every 7th clause, and texts not in the corpus: a title alone, a clause rewritten, two clauses run together. */
const queries: string[] = [
  ...clauses.filter((_, i) => i % 7 === 0).map(textOf),
  ...clauses.filter((_, i) => i % 53 === 0).map((c) => c.title),
  '加强老年人科普工作，依托社区开展健康知识讲座',
  '差旅费按标准报销，发票须在三十日内提交。',
  textOf(clauses[3]) + textOf(clauses[200]),
];

describe('align: corpus index', function () {
  this.timeout(20000);

  it('gives each clause the engine’s own vector (terms, order and weights)', () => {
    for (let d = 0; d < clauses.length; d++) assert.deepEqual([...index.vectorOf(d)], [...vectors[d]], `clause ${d}`);
    const titles = clauses.slice(0, 40).map((c) => vectorOf(termCounts(c.title), idf));
    titles.forEach((v, d) => assert.deepEqual([...index.vectorOf(d, 'title')], [...v], `title ${d}`));
  });

  it(`top ${K} equals brute force for sampled queries (same clauses, scores to 1e-12)`, () => {
    assert.ok(queries.length >= 75, `${queries.length} queries`);
    for (const q of queries) assertSameRanking(index.query(q, K), bruteForce(q), q.slice(0, 20));
  });

  it('skipping common terms never loses the brute-force best, even when it skips every term at first', () => {
    // commonShare 0: every term starts skipped and must be taken back by the bound; 1: nothing is skipped.
    const everything = buildCorpusIndex(clauses, { commonShare: 0 });
    const nothing = buildCorpusIndex(clauses, { commonShare: 1 });
    for (let d = 0; d < clauses.length; d += 3) {
      const q = textOf(clauses[d]);
      const [best] = bruteForce(q, 1);
      for (const [name, idx] of [['default', index], ['skip all', everything], ['skip none', nothing]] as const) {
        const [top] = idx.query(q, 1);
        assert.deepEqual([top.position, top.score], best, `${name}, clause ${d}`);
      }
    }
    for (const q of queries.slice(-3)) assertSameRanking(everything.query(q, K), bruteForce(q), `skip all: ${q.slice(0, 20)}`);
  });

  it('the default share does skip terms for these queries (the bound is exercised)', () => {
    // Characters like 科 and 学 are in far more than 5% of the clauses.
    const common = [...termCounts(textOf(clauses[0])).keys()].filter((t) => vectors.filter((v) => v.has(t)).length > 0.05 * clauses.length);
    assert.ok(common.length > 20, `${common.length} common terms`);
  });

  it('ranks ties by position, as the engine keeps the first best clause', () => {
    const duplicated = textOf(clauses[0]);
    const same = clauses.map((c, d) => [d, textOf(c)] as const).filter(([, t]) => t === duplicated);
    assert.ok(same.length >= 2, 'the corpus repeats clause 0');
    const hits = index.query(duplicated, same.length);
    assert.deepEqual(
      hits.map((h) => h.position),
      same.map(([d]) => d),
    );
  });

  it('an empty corpus answers nothing', () => {
    const empty = buildCorpusIndex([]);
    assert.equal(empty.termCount, 0);
    assert.deepEqual(empty.query('加强科普工作', K), []);
    assert.deepEqual(empty.scan({ title: '', text: '科普' }, K, TEXT_COSINE), []);
  });

  it('odd queries do not throw and still agree with brute force', () => {
    const odd = ['', '，。、；：？！——（）', '\ud800科普\udfff工作\ud83d', '𠀀𠀁科普𠀂工作', '科'.repeat(5), 'ABC abc 123 科普', '科普工作'.repeat(50000)];
    for (const q of odd) assertSameRanking(index.query(q, K), bruteForce(q), JSON.stringify(q.slice(0, 12)));
    assert.deepEqual(index.query('', K), []);
  });

  it('takes k as a count: 0, negative and NaN give nothing, fractions round down, more than the corpus gives all', () => {
    const q = textOf(clauses[5]);
    for (const k of [0, -3, NaN]) assert.deepEqual(index.query(q, k), []);
    assert.equal(index.query(q, 2.7).length, 2);
    assert.equal(index.query(q, Infinity).length, bruteForce(q, Infinity).length);
  });
});

describe('align: alignment through the corpus index', () => {
  const docs = ['000', '001', '002', '003', '004'].map((p) => parseDocument(`file:///ws/${p}.txt`, readSeed(p)));
  const key = (r: readonly ClauseAlignment[]) => r.map((a) => [a.clause, a.best?.clause, a.best?.score, a.match?.clause, a.match?.score]);

  it('equals pairwise alignment on every pair of seeds (same clauses, same scores to the bit)', () => {
    for (const a of docs) {
      for (const b of docs) {
        const byIndex = alignWith(a, b, DEFAULT_PARAMS, undefined, 0);
        const pairwise = alignWith(a, b, DEFAULT_PARAMS, undefined, Infinity);
        assert.deepEqual(key(byIndex), key(pairwise), `${a.uri} → ${b.uri}`);
      }
    }
  });

  it('equals pairwise alignment for clauses that share no term, or nothing at all, with the upper document', () => {
    const odd = parseDocument('file:///ws/x.txt', '一、财务报销\n差旅费按标准报销，发票须在三十日内提交。\n二、——\n……\n');
    for (const upper of docs) assert.deepEqual(key(alignWith(odd, upper, DEFAULT_PARAMS, undefined, 0)), key(alignWith(odd, upper, DEFAULT_PARAMS, undefined, Infinity)));
  });

  it('falls back to pairwise for weights whose score the index cannot bound', () => {
    const params = { ...DEFAULT_PARAMS, levelFactor: 1.2 };
    assert.deepEqual(key(alignWith(docs[0], docs[2], params, undefined, 0)), key(alignWith(docs[0], docs[2], params, undefined, Infinity)));
  });
});
