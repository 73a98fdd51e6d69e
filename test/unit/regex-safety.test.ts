/**
 * Catastrophic backtracking guard (issue #8): the parser and every registered rule are timed on
 * adversarial lines — long runs of `（`, `《`, `、`, digits, spaces, ideographic spaces, `——`,
 * repeated `1.` … — at length n and 4n, after a warm-up, as the fastest of batched runs (CPU time). A linear scan
 * grows ×4; a quadratic one ×16. The test fails when t(4n)/t(n) exceeds 10, a ratio of time against
 * size, never an absolute time. New rules are picked up from RULES automatically.
 */
import assert from 'node:assert/strict';
import { cpuMsSince } from '../fuzz/check';
import { parseDocument } from '../../server/src/model/parse';
import type { GongwenDocument } from '../../server/src/model/types';
import { RULES } from '../../server/src/rules/index';
import type { RuleContext } from '../../server/src/rules/types';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { bundledKnowledge } from '../../server/src/knowledge/index';
import { EMPTY_WORKSPACE } from '../../server/src/workspace';

/** What a run of characters may be made of: the notation's openers, separators and digits. */
const UNITS = ['（', '《', '、', '1', '１', ' ', '\u3000', '——', '1.', '（一）', '〔'];
/** Where the run sits: a body line, a heading title, a responsibility list. */
const PREFIXES = ['', '一、', '牵头单位：'];
/**
 * Both sizes must sit on the same side of V8's largest regular heap object, 128 KiB: a string past it (a
 * line of more than 65,536 two-byte units) is allocated in the large-object space, and from there on every
 * copy of the line costs ~1.6× per unit. Measured on this parser, per unit: 11 ns at 48,000 and 64,000
 * units, 17–19 ns from 66,000 to 400,000. With n = 48,000 the step fell between n and 4n and put the growth
 * at ×6–13 for a linear scan, a flaky test; from 72,000 on both sizes are past the step (×4–6).
 */
const N = 72000;
const MAX_RATIO = 10;
/** Each timed batch runs long enough (≥ 3 ms at size n) for the timer's resolution not to matter. */
const MIN_BATCH_MS = 3;

const knowledge = bundledKnowledge();

function documentWith(prefix: string, unit: string, length: number): string {
  const run = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return `关于印发《某某实施方案》的通知\n一、总体要求\n${prefix}${run}\n（一）工作目标\n`;
}

/**
 * Fastest of `reps` batches of `iterations` calls, in CPU time of this process (on a loaded machine wall
 * time was ten times the CPU time). The minimum, not the mean: noise (cache misses, a garbage
 * collection) only ever adds time, and a real quadratic scan cannot hide in the fastest run.
 */
function timeBatches(run: () => void, iterations: number, reps = 3): number {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < iterations; i++) run();
    times.push(cpuMsSince(t0));
  }
  return Math.min(...times);
}

/** Calibrates at size n (warm-up included), then times n and 4n with the same iteration count. */
function ratio(runAt: (size: 'n' | '4n') => () => void): { ratio: number; tn: number; t4n: number; iterations: number } {
  const small = runAt('n');
  const large = runAt('4n');
  small();
  large(); // warm-up: the JIT has seen both sizes
  let iterations = 1;
  while (timeBatches(small, iterations, 1) < MIN_BATCH_MS && iterations < 4096) iterations *= 2;
  const tn = timeBatches(small, iterations);
  const t4n = timeBatches(large, iterations);
  return { ratio: t4n / Math.max(tn, 1e-6), tn: tn / iterations, t4n: t4n / iterations, iterations };
}

describe('regex safety: time against input size on adversarial lines', function () {
  this.timeout(300000);

  const blowUps: string[] = [];
  let worst = { ratio: 0, what: '' };

  function record(what: string, r: ReturnType<typeof ratio>): void {
    if (r.ratio > worst.ratio) worst = { ratio: r.ratio, what: `${what}: ${r.tn.toFixed(3)} ms → ${r.t4n.toFixed(3)} ms` };
    if (r.ratio > MAX_RATIO) blowUps.push(`${what}: t(n)=${r.tn.toFixed(3)} ms, t(4n)=${r.t4n.toFixed(3)} ms, ratio ${r.ratio.toFixed(1)}`);
  }

  it(`the parser grows at most ×${MAX_RATIO} from n=${N} to 4n on every adversarial line`, () => {
    for (const prefix of PREFIXES) {
      for (const unit of UNITS) {
        const texts = { n: documentWith(prefix, unit, N), '4n': documentWith(prefix, unit, 4 * N) };
        let r = ratio((size) => () => parseDocument('file:///adversarial.txt', texts[size]));
        // A blow-up is measured a second time, so that a scheduler hiccup on a loaded machine is not reported.
        if (r.ratio > MAX_RATIO) r = ratio((size) => () => parseDocument('file:///adversarial.txt', texts[size]));
        record(`parser, ${JSON.stringify(prefix + unit)}…`, r);
      }
    }
    console.log(`      worst growth ×${worst.ratio.toFixed(1)} (${worst.what}); linear is ×4, quadratic ×16`);
    worst = { ratio: 0, what: '' };
    assert.deepEqual(blowUps.splice(0), []);
  });

  it(`all rules together, and then each rule, grow at most ×${MAX_RATIO} from n=${N} to 4n on every adversarial line`, () => {
    assert.ok(RULES.length > 0);
    const ctx = (doc: GongwenDocument): RuleContext => ({ doc, settings: DEFAULT_SETTINGS, knowledge, workspace: EMPTY_WORKSPACE });
    const run = (rules: typeof RULES, context: RuleContext) => {
      for (const rule of rules) {
        try {
          rule.check(context);
        } catch {
          // A throwing rule is the fuzz suite's concern; here only its running time matters.
        }
      }
    };
    for (const prefix of PREFIXES) {
      for (const unit of UNITS) {
        const docs = {
          n: ctx(parseDocument('file:///adversarial.txt', documentWith(prefix, unit, N))),
          '4n': ctx(parseDocument('file:///adversarial.txt', documentWith(prefix, unit, 4 * N))),
        };
        // All rules as one measure (fast); only a suspicious case is broken down to name the rule.
        const all = ratio((size) => () => run(RULES, docs[size]));
        if (all.ratio <= MAX_RATIO) {
          record(`all rules, ${JSON.stringify(prefix + unit)}…`, all);
          continue;
        }
        for (const rule of RULES) {
          const check = (size: 'n' | '4n') => () => run([rule], docs[size]);
          let r = ratio(check);
          if (r.ratio > MAX_RATIO) r = ratio(check);
          record(`rule ${rule.id}, ${JSON.stringify(prefix + unit)}…`, r);
        }
      }
    }
    console.log(`      worst growth ×${worst.ratio.toFixed(1)} (${worst.what}); linear is ×4, quadratic ×16`);
    assert.deepEqual(blowUps.splice(0), []);
  });

  it('the measure does tell quadratic from linear (a deliberately quadratic scan is caught)', () => {
    const sizes = { n: '（'.repeat(3000), '4n': '（'.repeat(12000) };
    const quadratic = ratio((size) => () => {
      const s = sizes[size];
      let count = 0;
      for (let i = 0; i < s.length; i += 8) count += s.indexOf('）', i) === -1 ? s.length - i : 0; // rescans the tail from every 8th start
      return count;
    });
    const linear = ratio((size) => () => {
      const s = sizes[size];
      let count = 0;
      for (let i = 0; i < s.length; i++) count += s.charCodeAt(i) === 0xff08 ? 1 : 0;
      return count;
    });
    assert.ok(quadratic.ratio > MAX_RATIO, `quadratic measured ×${quadratic.ratio.toFixed(1)}`);
    assert.ok(linear.ratio < MAX_RATIO, `linear measured ×${linear.ratio.toFixed(1)}`);
  });
});
