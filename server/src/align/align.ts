/**
 * Aligning the clauses of a document with those of an upper (or parallel) document: for each
 * clause, the best clause of the other document and a calibrated score in [0, 1]. Below
 * NO_MATCH the clause has no counterpart. Pure; cached per pair of parsed documents.
 */
import type { GongwenDocument } from '../model/types';
import { clausesOf, type Clause } from './clauses';
import { cosine, idfOf, termCounts, vectorOf, type Vector } from './vectors';

export interface ClauseMatch {
  clause: Clause;
  score: number;
}

export interface ClauseAlignment {
  clause: Clause;
  /** The best clause of the upper document, or undefined when none scores NO_MATCH or more. */
  match?: ClauseMatch;
  /** The best candidate even when it is below the threshold (coverage calls it weak). */
  best?: ClauseMatch;
}

/** Weights of the title and of the whole clause text in the raw score: chosen on a plateau of a sweep over the labelled pairs (bench/align-quality.ts); the whole text carries more because titles are short and often reworded. */
export const TITLE_WEIGHT = 0.3;
export const TEXT_WEIGHT = 0.7;
export const LEVEL_FACTOR = 0.9;
/** Raw similarity at which the calibrated score is 0.5: a pair must look more alike than this. */
const MIDPOINT = 0.16;
const STEEPNESS = 14;
/** Calibrated scores below this are no match. */
export const NO_MATCH = 0.5;
/** Calibrated scores below this are a weak match (coverage). */
export const STRONG = 0.75;

/** Logistic calibration: raw cosine mixes of 0.1 are unrelated, 0.35 and up are the same topic. */
export function calibrate(raw: number, midpoint = MIDPOINT): number {
  return 1 / (1 + Math.exp(-STEEPNESS * (raw - midpoint)));
}

interface Indexed {
  clause: Clause;
  title: Vector;
  text: Vector;
}

function index(clauses: readonly Clause[], idf: Map<string, number>): Indexed[] {
  return clauses.map((clause) => ({
    clause,
    title: vectorOf(termCounts(clause.title), idf),
    text: vectorOf(termCounts(`${clause.title}${clause.text}`), idf),
  }));
}

export interface AlignParams {
  titleWeight: number;
  textWeight: number;
  /** Factor per level of depth between the two clauses: a task item rarely implements a whole chapter. */
  levelFactor: number;
}

export const DEFAULT_PARAMS: AlignParams = { titleWeight: TITLE_WEIGHT, textWeight: TEXT_WEIGHT, levelFactor: LEVEL_FACTOR };

export function rawScore(a: Indexed, b: Indexed, p: AlignParams = DEFAULT_PARAMS): number {
  const levels = Math.abs(a.clause.heading.level - b.clause.heading.level);
  return (p.titleWeight * cosine(a.title, b.title) + p.textWeight * cosine(a.text, b.text)) * p.levelFactor ** levels;
}

const cache = new WeakMap<GongwenDocument, WeakMap<GongwenDocument, ClauseAlignment[]>>();

export function alignDocuments(doc: GongwenDocument, upper: GongwenDocument): ClauseAlignment[] {
  let inner = cache.get(doc);
  if (!inner) cache.set(doc, (inner = new WeakMap()));
  const cached = inner.get(upper);
  if (cached) return cached;
  const result = alignWith(doc, upper, DEFAULT_PARAMS);
  inner.set(upper, result);
  return result;
}

/** Alignment with explicit weights (the bench sweeps them). */
export function alignWith(doc: GongwenDocument, upper: GongwenDocument, params: AlignParams, midpoint = MIDPOINT): ClauseAlignment[] {
  const local = clausesOf(doc);
  const other = clausesOf(upper);
  // One IDF over both documents: words every clause of both uses (科学, 素质) weigh little.
  const idf = idfOf([...local, ...other].map((c) => termCounts(`${c.title}${c.text}`)));
  const a = index(local, idf);
  const b = index(other, idf);
  return a.map((x): ClauseAlignment => {
    let best: ClauseMatch | undefined;
    for (const y of b) {
      const score = calibrate(rawScore(x, y, params), midpoint);
      if (!best || score > best.score) best = { clause: y.clause, score };
    }
    return { clause: x.clause, best, match: best && best.score >= NO_MATCH ? best : undefined };
  });
}
