/**
 * `lint --fix` throughput against `lint` on 1, 4 and 16 MB documents made from the seeds (issue #14:
 * applying edits one slice at a time made --fix quadratic — 16 MB took 77 s). In process, without
 * file I/O: lint = parse + every rule; fix = what `runFix` does per file (certain edits pass after
 * pass until none is left, then the findings of the result). CPU and wall time; MB/s counts UTF-8
 * bytes; the ratio fix/lint shows whether --fix stays a small multiple of lint as the size grows.
 */
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/service';
import { fixText } from '../server/src/cli/fix';
import { bigDocument } from './throughput';
import { cpuMs, median, spread } from './stats';

const uri = 'file:///bench-fix.txt';

/** Median CPU and wall ms of `reps` runs of `work`. */
function measure(reps: number, work: () => void): { cpu: number[]; wall: number[] } {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < reps; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    work();
    wall.push(performance.now() - t);
    cpu.push(cpuMs(c));
  }
  return { cpu, wall };
}

export async function run(): Promise<void> {
  const service = createLanguageService();
  const warm = bigDocument(256 * 1024);
  for (let i = 0; i < 3; i++) fixText(service, uri, warm);
  for (const size of [1, 4, 16]) {
    const text = bigDocument(size * 1024 * 1024);
    const mb = Buffer.byteLength(text) / 1e6;
    const reps = size === 16 ? 3 : 5;
    let fixes = 0;
    const lint = measure(reps, () => void service.diagnostics(service.parse(uri, text)));
    const fix = measure(reps, () => {
      const fixed = fixText(service, uri, text);
      service.diagnostics(fixed.doc ?? service.parse(uri, fixed.text));
      fixes = fixed.fixes;
    });
    const rate = (ms: number[]) => (mb / (median(ms) / 1000)).toFixed(1);
    console.log(
      `${String(size).padStart(2)} MB (${fixes} fixes): lint CPU ${spread(lint.cpu, 'ms', 0)}, ${rate(lint.cpu)} MB/s;` +
        ` --fix CPU ${spread(fix.cpu, 'ms', 0)}, ${rate(fix.cpu)} MB/s (wall ${rate(fix.wall)} MB/s);` +
        ` --fix/lint ${(median(fix.cpu) / median(lint.cpu)).toFixed(2)}×`,
    );
  }
}
