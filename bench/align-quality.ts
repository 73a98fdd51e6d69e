/**
 * Alignment quality on the hand-labelled clause pairs of test/align/labels.json: top-1 accuracy
 * (the best clause above the no-match threshold is the labelled one; for a pair labelled null,
 * that no clause clears the threshold). `npm run bench` runs `run()`; the unit test
 * test/unit/align-quality.test.ts asserts the threshold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../server/src/model/parse';
import type { GongwenDocument } from '../server/src/model/types';
import MiniSearch from 'minisearch';
import { alignDocuments } from '../server/src/align/align';
import { clausesOf } from '../server/src/align/clauses';
import { grams } from '../server/src/align/vectors';

const ROOT = path.resolve(__dirname, '..');

interface LabelledPair {
  doc: string;
  upper: string;
  clause: string;
  match: string | null;
}

export interface Quality {
  total: number;
  correct: number;
  accuracy: number;
  misses: string[];
  /** Milliseconds to align every labelled document pair once. */
  millis: number;
}

function seed(prefix: string): GongwenDocument {
  const dir = path.join(ROOT, 'seeds');
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return parseDocument(`file:///seeds/${name}`, fs.readFileSync(path.join(dir, name), 'utf8'));
}

function loadLabels(): { pairs: LabelledPair[]; get: (prefix: string) => GongwenDocument } {
  const labels = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'align', 'labels.json'), 'utf8')) as { pairs: LabelledPair[] };
  const docs = new Map<string, GongwenDocument>();
  return { pairs: labels.pairs, get: (p: string) => docs.get(p) ?? docs.set(p, seed(p)).get(p)! };
}

/**
 * The alternative we measured against: minisearch (BM25) with the same character n-gram tokenizer,
 * title boosted. It ranks but gives no calibrated score, so only pairs with a labelled match count.
 */
export function evaluateMiniSearch(): { total: number; correct: number } {
  const { pairs, get } = loadLabels();
  const indexes = new Map<string, MiniSearch>();
  let total = 0;
  let correct = 0;
  for (const pair of pairs) {
    if (pair.match === null) continue;
    total++;
    let index = indexes.get(pair.upper);
    if (!index) {
      index = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title'], tokenize: grams, processTerm: (t) => t, searchOptions: { boost: { title: 2 } } });
      index.addAll(clausesOf(get(pair.upper)).map((c, id) => ({ id, title: c.title, text: c.text })));
      indexes.set(pair.upper, index);
    }
    const clause = clausesOf(get(pair.doc)).find((c) => c.title === pair.clause)!;
    const top = index.search(`${clause.title}${clause.text}`, { combineWith: 'OR' })[0];
    if (top?.title === pair.match) correct++;
  }
  return { total, correct };
}

export function evaluate(): Quality {
  const { pairs, get } = loadLabels();
  const labels = { pairs };
  let correct = 0;
  const misses: string[] = [];
  const started = performance.now();
  for (const pair of labels.pairs) {
    const alignment = alignDocuments(get(pair.doc), get(pair.upper));
    const found = alignment.filter((a) => a.clause.title === pair.clause);
    if (found.length !== 1) throw new Error(`label ${pair.doc} “${pair.clause}”: ${found.length} clauses with that title`);
    const got = found[0].match?.clause.title ?? null;
    if (got === pair.match) correct++;
    else misses.push(`${pair.doc}→${pair.upper} ${pair.clause}: expected ${pair.match ?? '(none)'}, got ${got ?? '(none)'} ${found[0].best?.score.toFixed(2)} (${found[0].best?.clause.title})`);
  }
  const millis = performance.now() - started;
  return { total: labels.pairs.length, correct, accuracy: correct / labels.pairs.length, misses, millis };
}

export async function run(): Promise<void> {
  const q = evaluate();
  console.log(`align-quality: top-1 accuracy ${(q.accuracy * 100).toFixed(1)}% (${q.correct}/${q.total} labelled clause pairs), ${q.millis.toFixed(0)} ms`);
  for (const m of q.misses) console.log(`  miss: ${m}`);
  const ms = evaluateMiniSearch();
  // Misses on pairs that have a labelled match (the rest are clauses that should match nothing).
  const matchMisses = q.misses.filter((m) => !m.includes('expected (none)')).length;
  const pct = (a: number, b: number) => ((a / b) * 100).toFixed(1);
  console.log(`align-quality: on the ${ms.total} pairs with a match, minisearch BM25 (same n-grams) top-1 ${pct(ms.correct, ms.total)}% (${ms.correct}/${ms.total}), TF-IDF n-grams ${pct(ms.total - matchMisses, ms.total)}% (${ms.total - matchMisses}/${ms.total})`);
}

if (require.main === module) void run();
