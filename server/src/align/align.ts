/**
 * Aligning the clauses of a document with those of an upper (or parallel) document: for each
 * clause, the best clause of the other document and a calibrated score in [0, 1]. Below
 * NO_MATCH the clause has no counterpart. Pure; cached per pair of parsed documents.
 */
import type { GongwenDocument } from '../model/types';
import { clausesOf, type Clause } from './clauses';
import { buildCorpusIndex, type ClauseScorer } from './corpus-index';
import { cosine, idfOf, termCounts, vectorOf, type Vector } from './vectors';
import { perDocument } from '../model/memo';

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
  return rawOf(p, cosine(a.title, b.title), cosine(a.text, b.text), Math.abs(a.clause.heading.level - b.clause.heading.level));
}

/** The raw score from the two cosines: one expression for both paths, so they agree to the bit. */
function rawOf(p: AlignParams, title: number, text: number, levels: number): number {
  return (p.titleWeight * title + p.textWeight * text) * p.levelFactor ** levels;
}

/**
 * From this many clauses in the upper document on, a clause's best match is looked up in an index of
 * the upper clauses (corpus-index.ts) instead of being compared with each: same scores, same choice
 * (test/unit/align-corpus-index.test.ts). It pays already at the seeds' size (25–63 clauses: 14 ms a
 * pair against 49 ms, typed arrays instead of a Map per clause); below, both take a few milliseconds.
 */
export const INDEX_FROM = 40;

/** This module's key in the lower document's memo (model/memo.ts): its alignments, by upper document. */
const ALIGNMENTS = Symbol('alignments');

export function alignDocuments(doc: GongwenDocument, upper: GongwenDocument): ClauseAlignment[] {
  const inner = perDocument(doc, ALIGNMENTS, () => new WeakMap<GongwenDocument, ClauseAlignment[]>());
  const cached = inner.get(upper);
  if (cached) return cached;
  const result = alignWith(doc, upper, DEFAULT_PARAMS);
  inner.set(upper, result);
  return result;
}

/** Alignment with explicit weights (the bench sweeps them); `indexFrom` moves the switch to the index (tests). */
export function alignWith(doc: GongwenDocument, upper: GongwenDocument, params: AlignParams, midpoint = MIDPOINT, indexFrom = INDEX_FROM): ClauseAlignment[] {
  const local = clausesOf(doc);
  return alignSome(local, local, clausesOf(upper), params, midpoint, indexFrom);
}

/**
 * The alignment of some clauses of `doc` only, each exactly as `alignDocuments` aligns it (the weights
 * of the terms still come from every clause of both documents): coverage asks this for the few upper
 * clauses nothing chose, instead of aligning the whole upper document back (issue #19: half the time).
 */
export function alignClauses(doc: GongwenDocument, upper: GongwenDocument, clauses: readonly Clause[]): ClauseAlignment[] {
  return alignSome(clausesOf(doc), clauses, clausesOf(upper), DEFAULT_PARAMS, MIDPOINT, INDEX_FROM);
}

function alignSome(local: readonly Clause[], queried: readonly Clause[], other: readonly Clause[], params: AlignParams, midpoint: number, indexFrom: number): ClauseAlignment[] {
  if (other.length > 0 && other.length >= indexFrom && indexable(params)) return alignByIndex(local, queried, other, params, midpoint);
  const idf = idfOf([...local, ...other].map((c) => termCounts(`${c.title}${c.text}`)));
  const a = index(queried, idf);
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

/** The index skips clauses by bounding their score, which holds for non-negative weights and a level factor of at most 1. */
function indexable(p: AlignParams): boolean {
  return p.titleWeight >= 0 && p.textWeight >= 0 && p.levelFactor >= 0 && p.levelFactor <= 1 && Number.isFinite(p.titleWeight + p.textWeight);
}

function alignByIndex(local: readonly Clause[], queried: readonly Clause[], other: readonly Clause[], params: AlignParams, midpoint: number): ClauseAlignment[] {
  // The pair's idf counts the local clauses too, as alignWith's does.
  const index = buildCorpusIndex(other, { alsoCounting: local.map((c) => `${c.title}${c.text}`) });
  const unrelated = calibrate(0, midpoint);
  return queried.map((x): ClauseAlignment => {
    const level = x.heading.level;
    const scorer: ClauseScorer = {
      usesTitle: true,
      score: (i, title, text) => calibrate(rawOf(params, title, text, Math.abs(level - other[i].heading.level)), midpoint),
      // A level factor is at most 1: no clause scores above both cosines at full weight.
      bound: (title, text) => calibrate(params.titleWeight * title + params.textWeight * text, midpoint),
    };
    const query = { title: x.title, text: `${x.title}${x.text}` };
    let [hit] = index.search(query, 1, scorer);
    // No upper clause shares a term: all score calibrate(0) and the pairwise loop keeps the first.
    if (!hit) hit = { clause: other[0], position: 0, score: calibrate(rawOf(params, 0, 0, Math.abs(level - other[0].heading.level)), midpoint) };
    // A shared term so faint that it calibrates like none: an earlier unrelated clause would win the
    // tie in the pairwise loop, so rank them all as it does.
    else if (!(hit.score > unrelated)) [hit] = index.scan(query, 1, scorer);
    const best: ClauseMatch = { clause: hit.clause, score: hit.score };
    return { clause: x, best, match: best.score >= NO_MATCH ? best : undefined };
  });
}
