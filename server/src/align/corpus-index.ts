/**
 * An index over the clauses of many plans (issue #8: 1,000 plans, 47,000 clauses), to find the
 * clauses most like a text without comparing it with every clause. Pure.
 *
 * It scores with the pairwise engine's own terms and weights (vectors.ts: character uni+bigrams,
 * sublinear tf × smoothed idf, unit length) and even adds the products in the engine's order, so a
 * score here is the engine's cosine to the bit and ties fall the same way. Only the work differs:
 *  - terms are interned to integer ids; clause vectors are CSR rows in typed arrays (term ids and raw
 *    counts; a weight is recomputed from count, idf and row norm, exactly as vectorOf computes it);
 *  - an inverted index over the clause texts finds candidates through the query's rarer terms only.
 *    Terms in more than `commonShare` of the clauses (characters like 科, 工, 作) are skipped, and
 *    what skipping them could hide is bounded by the largest weight each has in any clause
 *    (MaxScore): a skipped term is taken back in until no clause reached only through skipped terms
 *    can reach the top k, so the top k stays exact.
 */

/** One clause as the index needs it: the engine compares `${title}${text}`, and titles alone. */
export interface IndexedClauseText {
  title: string;
  text: string;
}

export interface ClauseHit<C> {
  clause: C;
  /** Position of the clause in the list the index was built from (ties go to the lower one). */
  position: number;
  score: number;
}

/** The text of a query clause: its title is compared with clause titles when a scorer asks for it. */
export interface ClauseQuery {
  title: string;
  text: string;
}

/**
 * How a search turns the two cosines of a clause (title with title, whole text with whole text) into
 * its score. `bound` must never be below the score of a clause whose cosines are at most the given
 * ones, whatever the clause (it is what makes skipping common terms safe), and must not decrease when
 * either cosine grows. A scorer must not query the index it scores for: queries share scratch arrays.
 */
export interface ClauseScorer {
  /** Whether `score` reads the title cosine (else 0 is passed and titles are not compared). */
  readonly usesTitle: boolean;
  score(position: number, titleCosine: number, textCosine: number): number;
  bound(titleCosine: number, textCosine: number): number;
}

export interface CorpusIndexOptions {
  /**
   * Texts whose terms count in the idf but which are not indexed: the engine takes one idf over
   * both documents of a pair, so the pair's local clauses are counted here.
   */
  alsoCounting?: readonly string[];
  /** Terms found in more than this share of the clauses are skipped for candidates (see above). */
  commonShare?: number;
}

export interface CorpusIndex<C> {
  readonly clauses: readonly C[];
  /** Distinct terms (character unigrams and bigrams) over the clauses and `alsoCounting`. */
  readonly termCount: number;
  /** Bytes held in the typed arrays of the index (the vocabulary map and the clauses are extra). */
  readonly bytes: number;
  /** The `k` clauses whose whole text is most like `text` (cosine > 0), best first. */
  query(text: string, k: number): ClauseHit<C>[];
  /** The `k` best clauses by `scorer` among those that share a term with the query. */
  search(query: ClauseQuery, k: number, scorer: ClauseScorer): ClauseHit<C>[];
  /** The same ranking over every clause, shared term or not, without the inverted index. */
  scan(query: ClauseQuery, k: number, scorer: ClauseScorer): ClauseHit<C>[];
  /** A clause's vector as the engine's vectorOf gives it (term → weight, in the engine's order). */
  vectorOf(position: number, field?: 'text' | 'title'): Map<string, number>;
}

export const COMMON_SHARE = 0.05;

/** Whole-text cosine, as the bench and `query` rank. */
export const TEXT_COSINE: ClauseScorer = {
  usesTitle: false,
  score: (_position, _title, text) => text,
  bound: (_title, text) => text,
};

// --- Terms -----------------------------------------------------------------------------------------

/**
 * Kept characters (vectors.ts KEEP: Han U+3400–U+9FFF, ASCII letters and digits) as compact codes.
 * KEEP is tested on whole code points and none of these is astral, so a UTF-16 unit is kept exactly
 * when KEEP keeps it; astral characters and lone surrogates drop out as there.
 */
const HAN = 0x3400;
const UPPER = 0x9fff - HAN + 1;
const CODES = UPPER + 26 + 26 + 10;

function codeOf(unit: number): number {
  if (unit >= HAN && unit <= 0x9fff) return unit - HAN;
  if (unit >= 65 && unit <= 90) return UPPER + unit - 65;
  if (unit >= 97 && unit <= 122) return UPPER + 26 + unit - 97;
  if (unit >= 48 && unit <= 57) return UPPER + 52 + unit - 48;
  return -1;
}

function charOf(code: number): string {
  if (code < UPPER) return String.fromCharCode(HAN + code);
  if (code < UPPER + 26) return String.fromCharCode(65 + code - UPPER);
  if (code < UPPER + 52) return String.fromCharCode(97 + code - UPPER - 26);
  return String.fromCharCode(48 + code - UPPER - 52);
}

/** Term keys are small integers: a unigram is its code, a bigram CODES + a·CODES + b (< 2^30). */
function termString(key: number): string {
  if (key < CODES) return charOf(key);
  const pair = key - CODES;
  return charOf(Math.floor(pair / CODES)) + charOf(pair % CODES);
}

/**
 * Writes the term keys of `text` into `out` (grown as needed) in the order of vectors.ts `grams`:
 * a, ab, b, bc, c, … (the bigram of a pair comes right after its first character's unigram).
 * Returns the buffer and how many keys it holds.
 */
function termKeys(text: string, out: Int32Array): [Int32Array, number] {
  if (out.length < 2 * text.length) out = new Int32Array(2 * text.length);
  let n = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = codeOf(text.charCodeAt(i));
    if (code < 0) continue;
    if (previous >= 0) out[n++] = CODES + previous * CODES + code;
    out[n++] = code;
    previous = code;
  }
  return [out, n];
}

/** A typed array of at least `size` elements holding `a`'s first `used` (doubling: the build does not know sizes ahead). */
function grown<A extends Int32Array | Float64Array>(a: A, size: number, used: number): A {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => A)(Math.max(size, a.length * 2));
  b.set(a.subarray(0, used));
  return b;
}

/** Term ids: unigrams (most lookups) through a table indexed by code, bigrams through a map. */
class Vocabulary {
  private readonly unigrams = new Int32Array(CODES).fill(-1);
  private readonly bigrams = new Map<number, number>();
  keys = new Int32Array(1024);
  size = 0;
  /** The id of a term key, or -1 when unknown and `add` is false. */
  idOf(key: number, add: boolean): number {
    const known = key < CODES ? this.unigrams[key] : (this.bigrams.get(key) ?? -1);
    if (known >= 0 || !add) return known;
    const id = this.size++;
    this.keys = grown(this.keys, this.size, id);
    this.keys[id] = key;
    if (key < CODES) this.unigrams[key] = id;
    else this.bigrams.set(key, id);
    return id;
  }
}

// --- Build -----------------------------------------------------------------------------------------

interface Rows {
  /** Row r spans [start[r], start[r + 1]) of terms and counts. */
  start: Int32Array;
  terms: Int32Array;
  counts: Uint16Array | Int32Array;
  norms: Float64Array;
}

/**
 * Rows of term ids and counts, text by text, with the vocabulary and document frequencies. The hot
 * loops of the build live in small functions and methods over typed arrays, which V8 optimises;
 * inside one large closure they ran several times slower.
 */
class TermCounter {
  readonly vocabulary = new Vocabulary();
  df = new Int32Array(1024);
  private seenAt = new Int32Array(1024);
  private slotOf = new Int32Array(1024);
  private stamp = 0;
  private keyBuffer: Int32Array = new Int32Array(1024);
  /** The last counted row: distinct term ids in first-occurrence order, and their counts. */
  ids = new Int32Array(1024);
  counts = new Int32Array(1024);

  /** Counts the terms of `text` into ids/counts and returns how many there are; adds to df if asked. */
  count(text: string, countDf: boolean): number {
    const [keys, n] = termKeys(text, this.keyBuffer);
    this.keyBuffer = keys;
    if (this.ids.length < n) {
      this.ids = new Int32Array(n);
      this.counts = new Int32Array(n);
    }
    const ids = this.ids;
    const counts = this.counts;
    const vocabulary = this.vocabulary;
    const stamp = ++this.stamp;
    let seenAt = this.seenAt;
    let slotOf = this.slotOf;
    let df = this.df;
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const id = vocabulary.idOf(keys[i], true);
      if (id >= seenAt.length) {
        seenAt = this.seenAt = grown(seenAt, id + 1, id);
        slotOf = this.slotOf = grown(slotOf, id + 1, id);
        df = this.df = grown(df, id + 1, id);
      }
      if (seenAt[id] !== stamp) {
        seenAt[id] = stamp;
        slotOf[id] = distinct;
        ids[distinct] = id;
        counts[distinct++] = 1;
        if (countDf) df[id]++;
      } else counts[slotOf[id]]++;
    }
    return distinct;
  }
}

/**
 * Rows laid out for the given lengths, counts still zero. The build counts twice (lengths, then the
 * rows themselves) rather than growing arrays: here first touching fresh memory costs more than
 * counting the terms again.
 */
function allocateRows(lengths: Int32Array, narrow: boolean): Rows {
  const start = new Int32Array(lengths.length + 1);
  for (let r = 0; r < lengths.length; r++) start[r + 1] = start[r] + lengths[r];
  const entries = start[lengths.length];
  return { start, terms: new Int32Array(entries), counts: narrow ? new Uint16Array(entries) : new Int32Array(entries), norms: new Float64Array(lengths.length) };
}

function fillRow(rows: Rows, r: number, ids: Int32Array, counts: Int32Array): void {
  const at = rows.start[r];
  const n = rows.start[r + 1] - at;
  const terms = rows.terms;
  const into = rows.counts;
  for (let i = 0; i < n; i++) {
    terms[at + i] = ids[i];
    into[at + i] = counts[i];
  }
}

/** The engine's norm of each row: sqrt of the squared tf·idf weights, added in row order. */
function fillNorms(rows: Rows, tf: Float64Array, idf: Float64Array): void {
  const { start, terms, counts, norms } = rows;
  for (let r = 0; r < norms.length; r++) {
    let sum = 0;
    for (let j = start[r]; j < start[r + 1]; j++) {
      const w = tf[counts[j]] * idf[terms[j]];
      sum += w * w;
    }
    norms[r] = Math.sqrt(sum);
  }
}

interface Postings {
  /** Term t's postings are [start[t], start[t + 1]), in clause order. */
  start: Int32Array;
  clause: Int32Array;
  /** A float32 copy of the weight: only for upper bounds, never for a score. */
  weight: Float32Array;
  /** Per term, its largest weight in any clause. */
  maxWeight: Float64Array;
}

function invert(rows: Rows, tf: Float64Array, idf: Float64Array, termCount: number): Postings {
  const start = new Int32Array(termCount + 1);
  for (let j = 0; j < rows.terms.length; j++) start[rows.terms[j] + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const clause = new Int32Array(rows.terms.length);
  const weight = new Float32Array(rows.terms.length);
  const maxWeight = new Float64Array(termCount);
  const cursor = start.slice(0, termCount);
  for (let d = 0; d < rows.norms.length; d++) {
    const norm = rows.norms[d];
    for (let j = rows.start[d]; j < rows.start[d + 1]; j++) {
      const t = rows.terms[j];
      const w = (tf[rows.counts[j]] * idf[t]) / norm;
      const p = cursor[t]++;
      clause[p] = d;
      weight[p] = w;
      if (w > maxWeight[t]) maxWeight[t] = w;
    }
  }
  return { start, clause, weight, maxWeight };
}

function maxWeights(rows: Rows, tf: Float64Array, idf: Float64Array, termCount: number): Float64Array {
  const out = new Float64Array(termCount);
  for (let d = 0; d < rows.norms.length; d++) {
    for (let j = rows.start[d]; j < rows.start[d + 1]; j++) {
      const t = rows.terms[j];
      const w = (tf[rows.counts[j]] * idf[t]) / rows.norms[d];
      if (w > out[t]) out[t] = w;
    }
  }
  return out;
}

export function buildCorpusIndex<C extends IndexedClauseText>(clauses: readonly C[], options: CorpusIndexOptions = {}): CorpusIndex<C> {
  const counter = new TermCounter();
  const textOf = (clause: IndexedClauseText) => `${clause.title}${clause.text}`;
  const textLengths = new Int32Array(clauses.length);
  const titleLengths = new Int32Array(clauses.length);
  let maxCount = 1;
  for (let d = 0; d < clauses.length; d++) {
    const n = (textLengths[d] = counter.count(textOf(clauses[d]), true));
    for (let i = 0; i < n; i++) if (counter.counts[i] > maxCount) maxCount = counter.counts[i];
    // A title's terms are among its clause's: they are in the vocabulary and df already.
    titleLengths[d] = counter.count(clauses[d].title, false);
  }
  for (const counted of options.alsoCounting ?? []) counter.count(counted, true);
  // Counts of a clause's terms stay far below 65,536: the narrower array saves a sixth of the index.
  const text = allocateRows(textLengths, maxCount <= 0xffff);
  const title = allocateRows(titleLengths, maxCount <= 0xffff);
  for (let d = 0; d < clauses.length; d++) {
    counter.count(textOf(clauses[d]), false);
    fillRow(text, d, counter.ids, counter.counts);
    counter.count(clauses[d].title, false);
    fillRow(title, d, counter.ids, counter.counts);
  }

  const vocabulary = counter.vocabulary;
  const termCount = vocabulary.size;
  const keyOfTerm = vocabulary.keys.slice(0, termCount);
  // idfOf: log(1 + n / df) over every counted text.
  const documents = clauses.length + (options.alsoCounting?.length ?? 0);
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) if (counter.df[t] > 0) idf[t] = Math.log(1 + documents / counter.df[t]);
  // vectorOf's sublinear tf, computed once per count: the same double as 1 + Math.log(c) each time.
  const tf = new Float64Array(maxCount + 1);
  for (let c = 1; c <= maxCount; c++) tf[c] = 1 + Math.log(c);
  fillNorms(text, tf, idf);
  fillNorms(title, tf, idf);
  const { start: postStart, clause: postClause, weight: postWeight, maxWeight } = invert(text, tf, idf, termCount);
  const maxTitleWeight = maxWeights(title, tf, idf, termCount);

  const commonLimit = Math.floor((options.commonShare ?? COMMON_SHARE) * clauses.length);

  // Scratch reused by every query (an index answers one query at a time: JavaScript is single-threaded).
  const queryDense = new Float64Array(termCount);
  const rowDense = new Float64Array(termCount);
  const termMark = new Int32Array(termCount);
  const termSlot = new Int32Array(termCount);
  let termStamp = 0;
  const touchedAt = new Int32Array(clauses.length);
  const touched = new Int32Array(clauses.length);
  const scoredAt = new Int32Array(clauses.length);
  const acc = new Float64Array(clauses.length);
  const exact = new Float64Array(clauses.length);
  let clauseStamp = 0;
  let queryKeys: Int32Array = new Int32Array(1024);

  interface QueryVector {
    terms: Int32Array;
    weights: Float64Array;
  }

  /** vectorOf(termCounts(text), idf): terms the index does not know have idf 0 and drop out. */
  const vectorize = (queryText: string): QueryVector => {
    termStamp++;
    const terms: number[] = [];
    const counts: number[] = [];
    let n: number;
    [queryKeys, n] = termKeys(queryText, queryKeys);
    for (let i = 0; i < n; i++) {
      const id = vocabulary.idOf(queryKeys[i], false);
      if (id < 0) continue;
      if (termMark[id] !== termStamp) {
        termMark[id] = termStamp;
        termSlot[id] = terms.length;
        terms.push(id);
        counts.push(1);
      } else counts[termSlot[id]]++;
    }
    const weights = new Float64Array(terms.length);
    let norm = 0;
    for (let j = 0; j < terms.length; j++) {
      const w = (1 + Math.log(counts[j])) * idf[terms[j]];
      weights[j] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < terms.length; j++) weights[j] /= norm;
    return { terms: Int32Array.from(terms), weights };
  };

  /**
   * The engine's cosine(query, row): it walks the smaller vector (the query on a tie) and adds
   * products in that vector's order, so this does too; float addition is not associative.
   */
  const cosine = (q: QueryVector, rows: Rows, d: number): number => {
    const from = rows.start[d];
    const to = rows.start[d + 1];
    if (to === from || q.terms.length === 0) return 0;
    const norm = rows.norms[d];
    let sum = 0;
    if (q.terms.length <= to - from) {
      for (let j = from; j < to; j++) rowDense[rows.terms[j]] = (tf[rows.counts[j]] * idf[rows.terms[j]]) / norm;
      for (let j = 0; j < q.terms.length; j++) {
        const o = rowDense[q.terms[j]];
        if (o !== 0) sum += q.weights[j] * o;
      }
      for (let j = from; j < to; j++) rowDense[rows.terms[j]] = 0;
    } else {
      for (let j = 0; j < q.terms.length; j++) queryDense[q.terms[j]] = q.weights[j];
      for (let j = from; j < to; j++) {
        const o = queryDense[rows.terms[j]];
        if (o !== 0) sum += ((tf[rows.counts[j]] * idf[rows.terms[j]]) / norm) * o;
      }
      for (let j = 0; j < q.terms.length; j++) queryDense[q.terms[j]] = 0;
    }
    return sum;
  };

  const prepare = (query: ClauseQuery, scorer: ClauseScorer) => ({
    text: vectorize(query.text),
    title: scorer.usesTitle ? vectorize(query.title) : undefined,
  });

  const scoreOf = (q: ReturnType<typeof prepare>, scorer: ClauseScorer, d: number): number =>
    scorer.score(d, q.title ? cosine(q.title, title, d) : 0, cosine(q.text, text, d));

  const hitsOf = (top: TopK): ClauseHit<C>[] => top.sorted().map(([position, score]) => ({ clause: clauses[position], position, score }));

  const search = (query: ClauseQuery, k: number, scorer: ClauseScorer): ClauseHit<C>[] => {
    const capacity = capacityOf(k, clauses.length);
    if (capacity === 0) return [];
    const q = prepare(query, scorer);
    const top = new TopK(capacity);
    clauseStamp++;
    // Query terms some clause has, rare first, with the most a clause can get from each, in its
    // text and (same term in the query title) in its title.
    const order: number[] = [];
    for (let j = 0; j < q.text.terms.length; j++) if (postStart[q.text.terms[j] + 1] > postStart[q.text.terms[j]]) order.push(j);
    const length = (j: number) => postStart[q.text.terms[j] + 1] - postStart[q.text.terms[j]];
    order.sort((a, b) => length(a) - length(b) || a - b);
    const reach = new Float64Array(q.text.terms.length);
    for (let j = 0; j < reach.length; j++) reach[j] = q.text.weights[j] * maxWeight[q.text.terms[j]];
    const titleReach = new Float64Array(q.text.terms.length);
    // Title cosine is at most what the query title's terms can reach in any title.
    let titleLimit = 0;
    if (q.title) {
      termStamp++;
      for (let j = 0; j < q.text.terms.length; j++) {
        termMark[q.text.terms[j]] = termStamp;
        termSlot[q.text.terms[j]] = j;
      }
      for (let j = 0; j < q.title.terms.length; j++) {
        const most = q.title.weights[j] * maxTitleWeight[q.title.terms[j]];
        titleLimit += most;
        // A title's terms are all in its clause's text, so the query title's are in the query text.
        if (termMark[q.title.terms[j]] === termStamp) titleReach[termSlot[q.title.terms[j]]] += most;
      }
      titleLimit = Math.min(1, titleLimit);
    }
    let essential = 0;
    while (essential < order.length && length(order[essential]) <= commonLimit) essential++;

    const score = (d: number) => {
      if (scoredAt[d] !== clauseStamp) {
        scoredAt[d] = clauseStamp;
        exact[d] = scoreOf(q, scorer, d);
      }
      return exact[d];
    };
    let touchedCount = 0;
    let visited = 0;
    /** Touched clauses from here on have not been checked against the k-th score yet. */
    let unchecked = 0;
    /** Terms taken back from the skipped ones: the most reach per posting read first. */
    const takeBack = (enough: (skipped: number, skippedTitle: number) => boolean, skipped: number, skippedTitle: number) => {
      const rest = order.slice(essential).sort((a, b) => reach[b] / length(b) - reach[a] / length(a) || a - b);
      for (let i = 0; i < rest.length; i++) order[essential + i] = rest[i];
      do {
        skipped -= reach[order[essential]];
        skippedTitle -= titleReach[order[essential]];
        essential++;
      } while (essential < order.length && !enough(skipped, skippedTitle));
    };
    for (;;) {
      // What a clause reached only through the skipped terms can have at most, text and title.
      let skipped = 0;
      let skippedTitle = 0;
      for (let i = essential; i < order.length; i++) {
        skipped += reach[order[i]];
        skippedTitle += titleReach[order[i]];
      }
      const fresh = touchedCount;
      for (; visited < essential; visited++) {
        const j = order[visited];
        const qw = q.text.weights[j];
        const t = q.text.terms[j];
        for (let p = postStart[t]; p < postStart[t + 1]; p++) {
          const d = postClause[p];
          if (touchedAt[d] !== clauseStamp) {
            touchedAt[d] = clauseStamp;
            acc[d] = 0;
            touched[touchedCount++] = d;
          }
          acc[d] += qw * postWeight[p];
        }
      }
      if (!top.full() && touchedCount > fresh) {
        // Score the clauses with the most from the terms read so far first: a high bar early prunes the rest.
        const leaders = new TopK(top.capacity);
        for (let i = fresh; i < touchedCount; i++) leaders.offer(touched[i], acc[touched[i]]);
        for (const [d] of leaders.sorted()) top.offer(d, score(d));
      }
      if (essential < order.length && top.full() && skipped > TIGHT * top.worstScore()) {
        // The skipped terms could lift many clauses to the k-th score; reading more postings (a few
        // nanoseconds each) is cheaper than scoring those clauses (a microsecond or two each).
        takeBack((rest) => rest <= TIGHT * top.worstScore(), skipped, skippedTitle);
        continue;
      }
      // A clause's text cosine is at most what it has from the terms read plus all the skipped terms
      // could add (float32 postings put acc off by far less than SLACK). Clauses passed over in an
      // earlier round stay below: their acc grew by no more than the skipped sum shrank.
      for (let i = unchecked; i < touchedCount; i++) {
        const d = touched[i];
        if (scoredAt[d] === clauseStamp) continue;
        if (top.full() && scorer.bound(titleLimit, acc[d] + skipped + SLACK) < top.worstScore()) continue;
        top.offer(d, score(d));
      }
      unchecked = touchedCount;
      if (essential === order.length) break;
      // Exact once every clause not seen yet (it shares only skipped terms) scores below the k-th.
      const enough = (rest: number, restTitle: number) => scorer.bound(restTitle + SLACK, rest + SLACK) < top.worstScore();
      if (top.full() && enough(skipped, skippedTitle)) break;
      // Fewer than k clauses known: any clause may still belong; read the next rarest term.
      if (!top.full()) essential++;
      // Else take back terms until what stays skipped could not lift an unseen clause to the k-th
      // score (which only rises from here).
      else takeBack(enough, skipped, skippedTitle);
    }
    return hitsOf(top);
  };

  const scan = (query: ClauseQuery, k: number, scorer: ClauseScorer): ClauseHit<C>[] => {
    const capacity = capacityOf(k, clauses.length);
    if (capacity === 0) return [];
    const q = prepare(query, scorer);
    const top = new TopK(capacity);
    for (let d = 0; d < clauses.length; d++) top.offer(d, scoreOf(q, scorer, d));
    return hitsOf(top);
  };

  const vectorOf = (position: number, field: 'text' | 'title' = 'text'): Map<string, number> => {
    const rows = field === 'text' ? text : title;
    const out = new Map<string, number>();
    for (let j = rows.start[position]; j < rows.start[position + 1]; j++) {
      out.set(termString(keyOfTerm[rows.terms[j]]), (tf[rows.counts[j]] * idf[rows.terms[j]]) / rows.norms[position]);
    }
    return out;
  };

  const arrays = [keyOfTerm, idf, tf, text.start, text.terms, text.counts, text.norms, title.start, title.terms, title.counts, title.norms, postStart, postClause, postWeight, maxWeight, maxTitleWeight, queryDense, rowDense, termMark, termSlot, touchedAt, touched, scoredAt, acc, exact];
  return {
    clauses,
    termCount,
    bytes: arrays.reduce((n, a) => n + a.byteLength, 0),
    query: (queryText, k) => search({ title: '', text: queryText }, k, TEXT_COSINE),
    search,
    scan,
    vectorOf,
  };
}

/** How many hits to keep: k made a whole number in [0, clauses] (NaN, negative → none). */
function capacityOf(k: number, clauses: number): number {
  const whole = Math.floor(k);
  return whole > 0 ? Math.min(whole, clauses) : 0;
}

/**
 * Skipped terms are taken back while all they could add exceeds this share of the k-th score: past
 * that, bounding clauses one by one costs more than reading postings (bench/align-corpus.ts).
 */
const TIGHT = 0.5;

/** Room for float error in the bounds (acc sums float32 weights; the true sums are at most 1 or so). */
const SLACK = 1e-6;

/**
 * The best `capacity` (position, score) pairs seen: a min-heap whose root is the worst kept, where a
 * lower score is worse and, on equal scores, a later position is (the engine keeps the first best).
 */
class TopK {
  private readonly positions: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;
  constructor(readonly capacity: number) {
    this.positions = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }
  full(): boolean {
    return this.size === this.capacity;
  }
  worstScore(): number {
    return this.scores[0];
  }
  private worse(i: number, j: number): boolean {
    return this.scores[i] < this.scores[j] || (this.scores[i] === this.scores[j] && this.positions[i] > this.positions[j]);
  }
  private swap(i: number, j: number): void {
    const p = this.positions[i];
    this.positions[i] = this.positions[j];
    this.positions[j] = p;
    const s = this.scores[i];
    this.scores[i] = this.scores[j];
    this.scores[j] = s;
  }
  offer(position: number, score: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      this.positions[i] = position;
      this.scores[i] = score;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score < this.scores[0] || (score === this.scores[0] && position > this.positions[0])) return;
    this.positions[0] = position;
    this.scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
  /** Best first. */
  sorted(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.size; i++) out.push([this.positions[i], this.scores[i]]);
    return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}
