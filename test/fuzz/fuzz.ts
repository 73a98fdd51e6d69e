/**
 * The fuzz loop shared by `npm run fuzz` (long, any seed) and test/unit/fuzz-bounded.test.ts
 * (a few hundred inputs, fixed seed): generate, check, shrink what fails, keep it as a regression.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createChecker, type CheckResult } from './check';
import { makeInput, type FuzzInput } from './generate';
import { createRng } from './prng';

export const FUZZ_DIR = __dirname;
export const REGRESSIONS_DIR = path.join(FUZZ_DIR, 'regressions');
const SEEDS_DIR = path.resolve(FUZZ_DIR, '..', '..', 'seeds');

export function loadSeeds(): string[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
}

/** A kept failing input. JSON, because the texts hold lone surrogates that a UTF-8 file cannot. */
export interface Regression {
  /** How it was found: PRNG seed, index and the operations applied. */
  origin: string;
  /** What failed when it was found. */
  problems: string[];
  text: string;
}

export function loadRegressions(): Array<{ file: string; regression: Regression }> {
  if (!fs.existsSync(REGRESSIONS_DIR)) return [];
  return fs.readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => ({
    file: f,
    regression: JSON.parse(fs.readFileSync(path.join(REGRESSIONS_DIR, f), 'utf8')) as Regression,
  }));
}

export function saveRegression(regression: Regression): string {
  fs.mkdirSync(REGRESSIONS_DIR, { recursive: true });
  const name = createHash('sha1').update(regression.text).digest('hex').slice(0, 12) + '.json';
  fs.writeFileSync(path.join(REGRESSIONS_DIR, name), JSON.stringify(regression, null, 2) + '\n');
  return name;
}

/** The first words of each problem, so shrinking keeps the same failure rather than any failure. */
const signature = (problems: readonly string[]) => problems.map((p) => p.split(/[:(]/)[0]).sort().join('|');

/**
 * Line-then-character delta shrinking: drop chunks while the same kind of failure remains. Time-outs
 * are kept as they are (shrinking a blow-up would take as long as the blow-up).
 */
export function shrink(text: string, check: (t: string) => CheckResult, budgetMs = 60_000): string {
  const first = check(text);
  if (first.problems.some((p) => p.startsWith('analysis took'))) return text;
  const wanted = signature(first.problems);
  const stillFails = (t: string) => signature(check(t).problems) === wanted;
  const deadline = Date.now() + budgetMs;
  let units: string[] = text.split(/(?<=\n)/);
  for (const byChar of [false, true]) {
    if (byChar) units = [...units.join('')];
    for (let chunk = Math.max(1, units.length >> 1); chunk >= 1 && Date.now() < deadline; chunk >>= 1) {
      for (let i = 0; i < units.length && Date.now() < deadline; ) {
        const candidate = [...units.slice(0, i), ...units.slice(i + chunk)];
        if (candidate.length < units.length && stillFails(candidate.join(''))) units = candidate;
        else i += chunk;
      }
    }
  }
  return units.join('');
}

export interface FuzzStats {
  inputs: number;
  failures: Array<{ origin: string; problems: string[]; saved?: string }>;
  /** Slowest analysis, its size, and the worst time per 1,000 units over inputs of 10,000+ units. */
  slowest: { ms: number; length: number; origin: string };
  worstMsPerKUnits: number;
  totalUnits: number;
  totalAnalysisMs: number;
}

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Keep failing inputs under test/fuzz/regressions (the long run does; the bounded test does not write). */
  save?: boolean;
  onProgress?: (done: number, stats: FuzzStats) => void;
}

export function runFuzz(options: FuzzOptions): FuzzStats {
  const seeds = loadSeeds();
  const rng = createRng(options.seed);
  const checker = createChecker();
  const stats: FuzzStats = { inputs: 0, failures: [], slowest: { ms: 0, length: 0, origin: '' }, worstMsPerKUnits: 0, totalUnits: 0, totalAnalysisMs: 0 };
  for (let index = 0; index < options.count; index++) {
    const input: FuzzInput = makeInput(seeds, rng);
    const origin = `seed ${options.seed} #${index}: ${input.recipe.join(' ')}`;
    const result = checker.check(input.text);
    stats.inputs++;
    stats.totalUnits += input.text.length;
    stats.totalAnalysisMs += result.analysisMs;
    if (result.analysisMs > stats.slowest.ms) stats.slowest = { ms: result.analysisMs, length: input.text.length, origin };
    if (input.text.length >= 10_000) stats.worstMsPerKUnits = Math.max(stats.worstMsPerKUnits, result.analysisMs / (input.text.length / 1000));
    if (result.problems.length > 0) {
      const failure: FuzzStats['failures'][number] = { origin, problems: result.problems };
      if (options.save) {
        const small = shrink(input.text, (t) => checker.check(t));
        const smallProblems = checker.check(small).problems;
        failure.saved = saveRegression({ origin, problems: smallProblems.length ? smallProblems : result.problems, text: small });
      }
      stats.failures.push(failure);
    }
    options.onProgress?.(index + 1, stats);
  }
  return stats;
}

export function describeStats(stats: FuzzStats): string {
  const mb = stats.totalUnits / 1e6;
  return [
    `${stats.inputs} inputs, ${(mb).toFixed(1)} M UTF-16 units, ${stats.failures.length} failing`,
    `analysis: total ${(stats.totalAnalysisMs / 1000).toFixed(2)} s; slowest ${stats.slowest.ms.toFixed(1)} ms on ${stats.slowest.length} units (${stats.slowest.origin})`,
    `worst time per 1,000 units on inputs of 10,000+ units: ${stats.worstMsPerKUnits.toFixed(3)} ms (bound: 250 ms + 2 ms per 1,000 units, CPU time)`,
  ].join('\n');
}
