/**
 * gongwen beside its peers on the same inputs, in the same run (issue #18): AutoCorrect (the Rust CJK
 * linter, through its Node binding `autocorrect-node`) and zhlint. Ratios are peer time / gongwen time
 * (above 1: gongwen is faster). In process, fresh parse + all rules for gongwen, `lintFor` for
 * AutoCorrect, `run` for zhlint; whole process for one seed (`node dist/cli.js lint` against a Node
 * process that loads autocorrect-node and lints the same file). Different jobs — AutoCorrect and zhlint
 * check spacing and punctuation between scripts, gongwen the structure of a 公文 — so this is a yardstick
 * of speed, not of findings.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/service';
import { bigDocument, seedTexts } from './throughput';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

type Linter = (text: string) => unknown;

function time(lint: Linter, texts: readonly string[], runs: number): number {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (const text of texts) lint(text);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

function wholeProcess(args: string[], runs: number): number {
  const ms: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const t = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    if (child.status !== null && child.status > 1) throw new Error(`${args.join(' ')} exited ${child.status}`);
    if (r > 0) ms.push(performance.now() - t); // the first run warms the caches (and writes the code cache)
  }
  return median(ms);
}

export async function run(): Promise<void> {
  let autocorrect: { lintFor(text: string, file: string): unknown } | undefined;
  try {
    autocorrect = require('autocorrect-node');
  } catch {
    console.log('peers: autocorrect-node is not installed; AutoCorrect rows skipped');
  }
  const zhlint = (await import('zhlint')) as unknown as { run: (text: string) => unknown };
  const service = createLanguageService();
  const gongwen: Linter = (text) => service.diagnostics(service.parse('file:///bench.txt', text));
  const ac: Linter | undefined = autocorrect && ((text) => autocorrect!.lintFor(text, 'bench.txt'));
  const seeds = seedTexts();
  const realDir = path.join(ROOT, 'test', 'real', 'docs');
  const real = fs.readdirSync(realDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(realDir, f), 'utf8'));
  const rows: Array<[string, string[], number, boolean]> = [
    ['one seed (000)', [seeds[0]!.text], 30, true],
    [`the ${real.length} real documents`, real, 10, true],
    ['1 MB', [bigDocument(1_000_000)], 5, true],
    ['10 MB', [bigDocument(10_000_000)], 3, false],
  ];
  console.log('peers (in process, median wall; ratio = peer / gongwen):');
  for (const [name, texts, runs, withZhlint] of rows) {
    for (const text of texts.slice(0, 3)) gongwen(text); // warm up
    const ours = time(gongwen, texts, runs);
    let line = `  ${name}: gongwen ${ours.toFixed(1)} ms`;
    if (ac) {
      for (const text of texts.slice(0, 3)) ac(text);
      const theirs = time(ac, texts, runs);
      line += `, AutoCorrect ${theirs.toFixed(1)} ms (${(theirs / ours).toFixed(2)}×)`;
    }
    if (withZhlint) {
      const theirs = time(zhlint.run, texts, Math.min(runs, 3));
      line += `, zhlint ${theirs.toFixed(1)} ms (${(theirs / ours).toFixed(2)}×)`;
    }
    console.log(line);
  }

  // Whole process, one seed: what a user waits for.
  const seedFile = path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0]!);
  const bare = wholeProcess(['-e', '0'], 10);
  const ours = wholeProcess([CLI, 'lint', seedFile], 10);
  let line = `whole process, one seed: node -e 0 ${bare.toFixed(0)} ms, gongwen lint ${ours.toFixed(0)} ms (+${(ours - bare).toFixed(0)} ms)`;
  if (ac) {
    const script = `const a=require('autocorrect-node');const f=${JSON.stringify(seedFile)};const r=a.lintFor(require('fs').readFileSync(f,'utf8'),f);process.stdout.write(JSON.stringify(r).slice(0,0))`;
    const theirs = wholeProcess(['-e', script], 10);
    line += `, AutoCorrect (autocorrect-node) ${theirs.toFixed(0)} ms → gongwen/AutoCorrect ${(ours / theirs).toFixed(2)}×`;
  }
  console.log(line);

  // 1,000 documents: `gongwen lint` (all cores) against autocorrect-node over the same files in one process.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-peers-'));
  try {
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.txt`), `${seeds[i % seeds.length]!.text}\n（第 ${i + 1} 份）\n`);
    const ourDir = wholeProcess([CLI, 'lint', '--format', 'json', dir], 2);
    let line1000 = `1,000 documents, whole process: gongwen lint ${(ourDir / 1000).toFixed(2)} s`;
    if (ac) {
      const script = `const a=require('autocorrect-node');const fs=require('fs'),p=require('path');const d=${JSON.stringify(dir)};const out=[];for(const f of fs.readdirSync(d).sort())out.push(a.lintFor(fs.readFileSync(p.join(d,f),'utf8'),f));process.stdout.write(JSON.stringify(out))`;
      const theirs = wholeProcess(['-e', script], 2);
      line1000 += `, AutoCorrect ${(theirs / 1000).toFixed(2)} s → gongwen/AutoCorrect ${(ourDir / theirs).toFixed(2)}×`;
    }
    console.log(line1000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
