/**
 * `gongwen report` on a province-sized folder (issue #19): 300 plans made from seed 004 for 山东's and
 * the next provinces' places (test/report/province-folder.ts), reported by the built CLI as JSON and as
 * the HTML page. A printed figure, not a timed test.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDivisions } from '../server/src/io/divisions';
import { writeLargeFolder } from '../test/report/province-folder';
import { folderReport } from '../server/src/cli/report';
import { parseCliArgs } from '../server/src/cli/args';
import { median, spread } from './stats';

const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');

function report(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'report', ...args], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`gongwen report exited ${r.status}`);
  return performance.now() - t;
}

export async function run(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-report-'));
  try {
    const dir = path.join(root, 'plans');
    const plans = writeLargeFolder(dir, 300, [...loadDivisions().byCode.values()]);
    const html = path.join(root, 'report.html');
    const json: number[] = [];
    const page: number[] = [];
    for (let r = 0; r < 3; r++) {
      json.push(report([dir, '--json']));
      page.push(report([dir, '--html', html]));
    }
    const out = spawnSync(process.execPath, [CLI, 'report', dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const data = JSON.parse(out.stdout) as { coverage: Array<{ children: string[]; tasks: unknown[] }> };
    const pairs = data.coverage.reduce((n, m) => n + m.children.length, 0);
    // CPU time of the same work in this process: on a shared machine wall time says more about the neighbours.
    const cpu = process.cpuUsage();
    const t = performance.now();
    folderReport(dir, parseCliArgs(['report', dir]), { out: () => undefined, err: () => undefined, colour: false });
    const used = process.cpuUsage(cpu);
    const cpuS = (used.user + used.system) / 1e6;
    console.log(`report, ${plans} plans, in this process: ${cpuS.toFixed(1)} s CPU (${((performance.now() - t) / 1000).toFixed(1)} s wall)`);
    console.log(`report, ${plans} plans (${pairs} child–parent pairs aligned), --json: ${spread(json.map((ms) => ms / 1000), 's', 2)}`);
    console.log(`report, same folder, --html: ${spread(page.map((ms) => ms / 1000), 's', 2)} → page ${(fs.statSync(html).size / 1e6).toFixed(1)} MB; median ${(median(page) / plans).toFixed(1)} ms per plan`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
