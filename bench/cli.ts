/**
 * The CLI on 1,000 documents (the seeds, each copy made distinct), using both cores: the files are
 * split in two halves linted by two `node dist/cli.js lint` processes at once; one process over all
 * of them for comparison. Reference: zhlint and gongwen in this process on the same first 100 documents.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/service';
import { seedTexts } from './throughput';
import { median, spread } from './stats';

const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');

function lint(dirs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', ...dirs], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code !== null && code <= 1 ? resolve(code) : reject(new Error(`gongwen lint exited ${code}`))));
  });
}

export async function run(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-'));
  try {
    const seeds = seedTexts();
    const halves = [path.join(root, 'a'), path.join(root, 'b')];
    halves.forEach((d) => fs.mkdirSync(d));
    const docs: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const text = `${seeds[i % seeds.length]!.text}\n（第 ${i + 1} 份）\n`;
      docs.push(text);
      fs.writeFileSync(path.join(halves[i % 2]!, `${String(i).padStart(4, '0')}.txt`), text);
    }
    const mb = docs.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
    const two: number[] = [];
    const one: number[] = [];
    for (let r = 0; r < 3; r++) {
      let t = performance.now();
      await Promise.all(halves.map((d) => lint([d])));
      two.push(performance.now() - t);
      t = performance.now();
      await lint(halves);
      one.push(performance.now() - t);
    }
    console.log(`CLI, 1,000 documents (${mb.toFixed(1)} MB), two processes: ${spread(two.map((ms) => ms / 1000), 's', 2)} → ${(1000 / (median(two) / 1000)).toFixed(0)} documents/s`);
    console.log(`CLI, same documents, one process: ${spread(one.map((ms) => ms / 1000), 's', 2)} → ${(1000 / (median(one) / 1000)).toFixed(0)} documents/s`);

    const sample = docs.slice(0, 100);
    const service = createLanguageService();
    let t = performance.now();
    for (const text of sample) service.diagnostics(service.parse('file:///bench.txt', text));
    const ours = performance.now() - t;
    const zhlint = (await import('zhlint')) as unknown as { run: (text: string) => unknown };
    t = performance.now();
    for (const text of sample) zhlint.run(text);
    const theirs = performance.now() - t;
    console.log(`reference on the first 100 of them, one core, in process: gongwen ${(ours / 1000).toFixed(2)} s, zhlint ${(theirs / 1000).toFixed(2)} s → zhlint/gongwen = ${(theirs / ours).toFixed(1)}×`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
