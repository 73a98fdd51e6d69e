/**
 * `gongwen report` on a province-sized folder (issue #19): 300 plans made from seed 004 for 山东's and
 * the next provinces' places (test/report/province-folder.ts), reported by the built CLI as JSON and as
 * the HTML page, on every core and on one thread (`--jobs`). A printed figure, not a timed test.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDivisions } from '../server/src/io/divisions';
import { writeLargeFolder } from '../test/report/province-folder';
import { folderReportSteps } from '../server/src/io/report-folder';
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
    const one: number[] = [];
    for (let r = 0; r < 3; r++) {
      json.push(report([dir, '--json']));
      one.push(report([dir, '--json', '--jobs', '1']));
      page.push(report([dir, '--html', html]));
    }
    const out = spawnSync(process.execPath, [CLI, 'report', dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const data = JSON.parse(out.stdout) as { coverage: Array<{ children: string[]; tasks: unknown[] }> };
    const pairs = data.coverage.reduce((n, m) => n + m.children.length, 0);
    // CPU time of the same work in this process: on a shared machine wall time says more about the neighbours.
    // From the sources every plan is analysed in this thread: the steps show what the threads share (the analysis) and what they do not.
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    const t = performance.now();
    const start = cpuNow();
    let read = 0;
    let analysed = 0;
    let first = 0;
    let count = 0;
    const steps = folderReportSteps(dir, {}, { err: () => undefined });
    for (let step = steps.next(); !step.done; step = steps.next()) {
      if (step.value.done <= step.value.total / 2) read = cpuNow();
      else {
        analysed = cpuNow();
        if (!count++) first = analysed;
      }
    }
    // The first analysis step also holds relating the plans (places, parents), done once in the main thread.
    const perPlan = count > 1 ? (analysed - first) / (count - 1) : 0;
    const relate = first - read - perPlan;
    const end = cpuNow();
    const cpuS = end - start;
    console.log(`report, ${plans} plans, in this process: ${cpuS.toFixed(1)} s CPU (${((performance.now() - t) / 1000).toFixed(1)} s wall)`);
    console.log(`  of which read + parse ${(read - start).toFixed(1)} s (done again by every worker), places + parents ${relate.toFixed(1)} s, analysis (findings + coverage, what --jobs shares) ${(analysed - read - relate).toFixed(1)} s, tables ${(end - analysed).toFixed(1)} s`);
    console.log(`report, ${plans} plans (${pairs} child–parent pairs aligned), --json (every core): ${spread(json.map((ms) => ms / 1000), 's', 2)}`);
    console.log(`report, same folder, --json --jobs 1: ${spread(one.map((ms) => ms / 1000), 's', 2)}; every core / one thread, median wall: ${(median(json) / median(one)).toFixed(2)}`);
    console.log(`report, same folder, --html: ${spread(page.map((ms) => ms / 1000), 's', 2)} → page ${(fs.statSync(html).size / 1e6).toFixed(1)} MB; median ${(median(page) / plans).toFixed(1)} ms per plan`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
