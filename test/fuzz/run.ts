/**
 * `npm run fuzz [-- --count N --seed S]`: the long fuzz run. Failing inputs are shrunk and saved under
 * test/fuzz/regressions/, which the bounded run in `npm test` replays from then on. Exit 1 on any failure.
 */
import { describeStats, runFuzz } from './fuzz';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const seed = option('seed', Date.now() % 2 ** 31);
const count = option('count', 5000);
console.log(`gongwen fuzz: seed ${seed}, ${count} inputs (replay with --seed ${seed})`);
const started = Date.now();
const stats = runFuzz({
  seed,
  count,
  save: true,
  onProgress(done, s) {
    if (done % 500 === 0) console.log(`  ${done}/${count} (${s.failures.length} failing, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  },
});
for (const f of stats.failures) {
  console.log(`\nFAIL ${f.origin}${f.saved ? ` → test/fuzz/regressions/${f.saved}` : ''}`);
  for (const p of f.problems.slice(0, 5)) console.log(`  ${p.split('\n').slice(0, 4).join('\n    ')}`);
}
console.log(`\n${describeStats(stats)}`);
process.exitCode = stats.failures.length > 0 ? 1 : 0;
