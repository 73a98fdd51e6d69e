/**
 * Full analysis throughput (parse + every rule, a fresh parse each run) on each seed and on a 2 MB
 * document built from the seeds, with zhlint on the same texts in the same run as the reference.
 * Times are wall-clock and CPU; MB/s counts UTF-8 bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/service';
import { cpuMs, median, percentile, spread } from './stats';

const SEEDS_DIR = path.resolve(__dirname, '..', 'seeds');

export function seedTexts(): Array<{ name: string; text: string }> {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f.slice(0, 3), text: fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8') }));
}

/** The seeds repeated (each copy a separate notice one after the other) up to `bytes` of UTF-8. */
export function bigDocument(bytes: number): string {
  return bigDocumentParts(bytes).join('\n');
}

/** The documents `bigDocument(bytes)` is made of, in order (it joins them with a line break). */
export function bigDocumentParts(bytes: number): string[] {
  const seeds = seedTexts().map((s) => s.text);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = seeds[i % seeds.length]!;
    parts.push(t);
    size += Buffer.byteLength(t) + 1;
  }
  return parts;
}

function analyse(service: ReturnType<typeof createLanguageService>, text: string): void {
  service.diagnostics(service.parse('file:///bench.txt', text));
}

async function zhlintRun(): Promise<(text: string) => void> {
  const zhlint = (await import('zhlint')) as unknown as { run: (text: string, options: object) => unknown };
  // With its default rules: without `rules`, zhlint's `run` lints nothing (it only tokenises).
  return (text) => void zhlint.run(text, { rules: { preset: 'default' } });
}

export async function run(): Promise<void> {
  const service = createLanguageService();
  const zh = await zhlintRun();
  const cases = [...seedTexts(), { name: '2 MB', text: bigDocument(2 * 1024 * 1024) }];
  for (const { text } of cases.slice(0, 5)) for (let i = 0; i < 5; i++) analyse(service, text); // warm-up
  for (const { name, text } of cases) {
    const reps = name === '2 MB' ? 15 : 30;
    const mb = Buffer.byteLength(text) / 1e6;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < reps; r++) {
      const c = process.cpuUsage();
      const t = performance.now();
      analyse(service, text);
      wall.push(performance.now() - t);
      cpu.push(cpuMs(c));
    }
    const zhWall: number[] = [];
    for (let r = 0; r < (name === '2 MB' ? 1 : 5); r++) {
      const t = performance.now();
      zh(text);
      zhWall.push(performance.now() - t);
    }
    console.log(
      `${name.padEnd(5)} ${(mb * 1000).toFixed(0).padStart(5)} KB: wall ${spread(wall, 'ms', 2)}; CPU ${spread(cpu, 'ms', 2)};` +
        ` ${(mb / (median(wall) / 1000)).toFixed(1)} MB/s (CPU ${(mb / (median(cpu) / 1000)).toFixed(1)} MB/s);` +
        ` zhlint ${median(zhWall).toFixed(1)} ms → gongwen is ${(median(zhWall) / median(wall)).toFixed(1)}× faster`,
    );
  }
  incrementalAfterKeystroke(service);
}

/**
 * Analysis after one typed character, from the previous version (what the server does on each
 * keystroke, without transport), against a full analysis of the same text in the same run. The
 * document is 1 MB of the seeds; one character goes in near the start of a different line each time
 * (line starts are those of the first version; they drift by the characters typed before them).
 * No change ranges are passed, so the parser finds the change by comparing the texts, as it does
 * when a client sends whole documents.
 */
function incrementalAfterKeystroke(service: ReturnType<typeof createLanguageService>): void {
  let text = bigDocument(1024 * 1024);
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  let doc = service.parse('file:///incremental.gw', text, { incremental: true });
  service.diagnostics(doc);
  const incremental: number[] = [];
  for (let v = 0; v < 100; v++) {
    const at = Math.min(text.length, starts[(v * 7919) % starts.length]! + v);
    text = text.slice(0, at) + '字' + text.slice(at);
    service.forgetFindings(); // as the server does on every change
    const c = process.cpuUsage();
    doc = service.parse('file:///incremental.gw', text, { previous: doc });
    service.diagnostics(doc);
    incremental.push(cpuMs(c));
  }
  // The reference, after the keystrokes so that its garbage does not land in their figures.
  const full: number[] = [];
  for (let r = 0; r < 15; r++) {
    const c = process.cpuUsage();
    analyse(service, text);
    full.push(cpuMs(c));
  }
  console.log(
    `after a keystroke, 1 MB, in process (CPU): incremental ${spread(incremental, 'ms', 1)}, p99 ${percentile(incremental, 99).toFixed(1)} ms;` +
      ` full ${spread(full, 'ms', 1)} → ${(median(full) / median(incremental)).toFixed(1)}× less work`,
  );
}
