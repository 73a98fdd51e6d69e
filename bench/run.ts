/**
 * `npm run bench`: runs every bench/*.ts that exports `async function run()`, in name order, each in a
 * process of its own (one benchmark's heap — the alignment reference holds ~1 GB — must not slow the
 * garbage collection of the next), and prints the machine first (figures are recorded with it in
 * docs/performance.md). `npm run bench -- latency` runs only the files whose name contains `latency`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function machine(): string {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `node ${process.version}, ${os.availableParallelism()} CPUs (nproc), ${model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load}`;
}

/** Run one bench file's `run()` in this process (the child's side). */
async function runOne(file: string): Promise<void> {
  const mod = (await import(path.join(__dirname, file))) as { run?: () => Promise<unknown> };
  if (typeof mod.run === 'function') await mod.run();
}

async function main(): Promise<void> {
  const [flag, file] = process.argv.slice(2);
  if (flag === '--one' && file) return runOne(file);
  console.log(`gongwen bench — ${new Date().toISOString()}\n${machine()}\n`);
  const only = process.argv.slice(2);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && f !== 'stats.ts').sort();
  for (const f of files) {
    if (only.length && !only.some((o) => f.includes(o))) continue;
    if (!/export async function run\(/.test(fs.readFileSync(path.join(__dirname, f), 'utf8'))) continue;
    console.log(`== ${f}`);
    // The same tsx this process runs under (its loader is in execArgv), a fresh process per file.
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--one', f], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
    console.log('');
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
