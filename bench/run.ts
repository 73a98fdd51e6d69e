/**
 * `npm run bench`: runs every bench/*.ts that exports `async function run()`, in name order, and prints
 * the machine first (figures are recorded with it in docs/performance.md).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function machine(): string {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `node ${process.version}, ${os.availableParallelism()} CPUs (nproc), ${model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load}`;
}

async function main(): Promise<void> {
  console.log(`gongwen bench — ${new Date().toISOString()}\n${machine()}\n`);
  const only = process.argv.slice(2);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && f !== 'stats.ts').sort();
  for (const file of files) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    const mod = (await import(path.join(__dirname, file))) as { run?: () => Promise<unknown> };
    if (typeof mod.run !== 'function') continue;
    console.log(`== ${file}`);
    await mod.run();
    console.log('');
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
