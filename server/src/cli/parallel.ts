/**
 * `gongwen lint` over many files on every core (issue #18): the files are shared out through one atomic
 * counter between this thread and `jobs - 1` worker threads, each with its own language service built the
 * same way (cli/service.ts) and reading files the same way (io/read.ts). Results are put back in the order
 * of the files, so the output is the one a single thread prints. The wait is synchronous
 * (`Atomics.wait` + `receiveMessageOnPort`), so `main()` stays a plain function returning the exit code.
 *
 * Workers start `dist/cli.js` (with the code cache) and only exist in the bundle: run from the
 * TypeScript sources (tests), lint stays in-process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LanguageService } from '../service';
import type { UiLanguage } from '../settings';
import { setLanguage } from '../l10n';
import { readDocument } from './files';
import { holdsError, lintJsonEntry, type LintResult } from './format-json';
import { cliService, fileUri, type ServiceRequest } from './service';
import { fixText } from './fix';
import { findingContext } from './report-context';
import { outlineData } from './format-json';
import { formatOutlineText } from './outline';
import { PARALLEL_MIN_FILES, releaseEarlyWorkers, takeEarlyWorker } from './early-workers';

export { defaultJobs, PARALLEL_MIN_FILES } from './early-workers';

/**
 * `lint --format json`: a file's element of the output, serialised and UTF-8 encoded where the file was linted
 * (`lintJsonEntry`), and whether it holds an error-severity finding (the exit code). Printing the findings of
 * 1,000 files took the printing thread ~0.2 s after the last file (serialising with an indent, then encoding
 * 11 MB); made per file, that work is shared out like the linting, and the objects are not cloned back (#18).
 */
export interface LintJsonOutcome {
  file: string;
  json: Uint8Array;
  hasError: boolean;
}

export type LintOutcome = LintResult | LintJsonOutcome | { error: string };

/** What `lint` wants of each file besides its findings. */
export interface LintWants {
  /** The text report's count of findings `--fix` removes. */
  countFixable?: boolean;
  /** The review report's paragraphs and outline (--format html|markdown). */
  forReport?: boolean;
  /** --format json: the file's entry of the output instead of its findings (`LintJsonOutcome`). */
  json?: boolean;
}

/**
 * A monotonic clock in milliseconds, for timing this thread's first files. Not `performance.now()`: importing
 * perf_hooks loads ten of Node's modules at every start, ~2.7 ms for a one-file lint that never times anything
 * (issue #18).
 */
const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** This thread's first tasks, timed before deciding on workers (they add no wait: this thread works meanwhile). */
const PROBE_MS = 40;
/**
 * What starting a worker costs, roughly: loading the bundle in a new thread and its engine's cold start
 * (~150 M instructions to load, then a first file run cold; docs/performance.md, issue #18).
 * `GONGWEN_WORKER_START_MS=0` makes any work worth them (the CLI test's check that workers print what one thread prints).
 */
const WORKER_START_MS = Number(process.env.GONGWEN_WORKER_START_MS ?? 150);
/**
 * The least time a byte of a file can take to lint, as far as anything seen: ~30 MB/s, several times the warm
 * rate of this machine (~5 MB/s on seed-sized files, 1 MB documents at ~15 MB/s). When the files would be worth
 * the workers even at this speed (1,000 seed copies: ≥ 0.9 s), they are started before the first file rather
 * than after the ~50 ms of timing it: the worker's ~0.2 s start then overlaps more of this thread's work (#18).
 */
export const FASTEST_MS_PER_BYTE = 1 / 30_000;
/** With no progress from any worker for this long, the files they hold are linted here instead. */
const STALL_MS = 120_000;

export function lintFile(service: LanguageService, file: string, { countFixable = false, forReport = false, json = false }: LintWants = {}): LintOutcome {
  const read = readDocument(file);
  if ('error' in read) return { error: read.error };
  const doc = service.parse(fileUri(file), read.text);
  const result: LintResult = { file, diagnostics: service.diagnostics(doc), source: read.source };
  if (json) return { file, json: Buffer.from(lintJsonEntry(result)), hasError: holdsError(result.diagnostics) };
  // A review report (--format html|markdown) shows each finding in its paragraph, and the outline.
  if (forReport) {
    result.contexts = result.diagnostics.map((d) => findingContext(doc, d));
    result.outline = formatOutlineText(outlineData(file, doc));
  }
  // Text files only: --fix writes no .docx/.pdf.
  if (countFixable && result.diagnostics.length > 0 && read.encoding) {
    const fixed = fixText(service, fileUri(file), read.text, doc);
    const after = fixed.doc ?? service.parse(fileUri(file), fixed.text);
    result.fixable = Math.max(0, result.diagnostics.length - service.diagnostics(after).length);
  }
  return result;
}

/** A file's size in bytes, 0 when it cannot be read (its error is reported where it is linted). */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** What every job of the pool carries: the shared counters and the port the results go back on. */
export interface PoolChannel {
  /** [0] the next task to take, [1] results posted (what the main thread waits on). */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

interface LintJob {
  files: readonly string[];
  request: ServiceRequest;
  lang?: UiLanguage;
  wants: LintWants;
}

/** The worker script: the bundle's start file, beside the running bundle; undefined outside the bundle. */
function workerScript(): string | undefined {
  if (!__filename.endsWith('.js')) return undefined;
  const start = path.join(__dirname, 'cli.js');
  return fs.existsSync(start) ? start : undefined;
}

/** Every file's outcome, in the order of `files`. */
export function lintFiles(files: readonly string[], service: LanguageService, request: ServiceRequest, lang: UiLanguage | undefined, jobs: number, wants: LintWants = {}): LintOutcome[] {
  const job: LintJob = { files, request, lang, wants };
  const here = (i: number) => lintFile(service, files[i], wants);
  try {
    if (files.length < PARALLEL_MIN_FILES) return files.map((_, i) => here(i));
    return shareOut(files.length, jobs, 'gongwenLint', job, here, (i) => fileSize(files[i]), FASTEST_MS_PER_BYTE, takeEarlyWorker);
  } finally {
    // Workers the starter began for this folder (cli/early-workers.ts) and that took no job end now.
    releaseEarlyWorkers();
  }
}

/**
 * Tasks 0…count-1 shared out between this thread and up to `jobs - 1` worker threads of the bundle,
 * started with `workerData[key] = { ...job, shared, port }` (cli.ts picks the worker's side by `key`);
 * results in the order of the tasks. This thread starts on the tasks at once and starts the workers
 * only once its first tasks (`PROBE_MS` of them, at least two) say that what is left is worth a worker's
 * start (`worthWorkers`): a handful of small files never pays for loading the bundle again in another
 * thread. The estimate leaves out the first task (run cold, it takes several times a warm one) and, with
 * `weight` (a file's bytes), goes by size rather than by count: one large file among small ones counts.
 * With `fastestMsPerUnit` (the least a unit can take), workers start before the first task when the work
 * would be worth them even at that speed. A task a worker threw on, or never answered (it died or stalled),
 * is done again here: the result is the one a single thread gives, or its exception. Outside the bundle
 * (tests from the sources) every task is done here. `takeReady` gives a worker already started that waits for
 * its job (`lint`'s, started before the bundle loaded: cli/early-workers.ts); it is used before a new one.
 */
export function shareOut<T>(
  count: number,
  jobs: number,
  key: string,
  job: object,
  here: (i: number) => T,
  weight: (i: number) => number = () => 1,
  fastestMsPerUnit?: number,
  takeReady: () => Worker | undefined = () => undefined,
): T[] {
  const script = workerScript();
  const workers = Math.min(jobs, count) - 1;
  if (workers < 1 || !script) return Array.from({ length: count }, (_, i) => here(i));

  const shared = new SharedArrayBuffer(8);
  const counters = new Int32Array(shared);
  const ports: MessagePort[] = [];
  const started: Worker[] = [];
  const startWorkers = () => {
    for (let w = 0; w < workers; w++) {
      const { port1, port2 } = new MessageChannel();
      const channel: PoolChannel = { shared, port: port2 };
      // A worker already started and waiting for its job (cli/early-workers.ts) gets it in a message.
      const waiting = takeReady();
      if (waiting) {
        waiting.postMessage({ ...job, ...channel }, [port2]);
        started.push(waiting);
        ports.push(port1);
        continue;
      }
      try {
        const worker = new Worker(script, { workerData: { [key]: { ...job, ...channel } }, transferList: [port2] });
        worker.unref();
        started.push(worker);
        ports.push(port1);
      } catch {
        break; // no more threads: the others and this one do the work
      }
    }
  };

  const results: Array<T | undefined> = new Array(count);
  let received = 0;
  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const { index, outcome } = m.message as { index: number; outcome?: T };
        results[index] = outcome; // undefined when it threw there: done again here, to throw as one thread would
        received++;
      }
    }
  };
  // This thread takes tasks from the start; the workers come in at once when the work is large whatever its
  // speed, else once the first tasks have been timed.
  let mine = 0;
  let probing = true;
  if (fastestMsPerUnit !== undefined) {
    // Weighed only until enough (a file's weight is a stat: 1,000 of them were ~30 ms before the first file).
    let allWeight = 0;
    for (let k = 0; k < count && !worthWorkers(fastestMsPerUnit, allWeight); k++) allWeight += weight(k);
    if (worthWorkers(fastestMsPerUnit, allWeight)) {
      probing = false;
      startWorkers();
    }
  }
  const t0 = nowMs();
  let afterFirst = t0;
  let warmWeight = 0;
  for (let i = Atomics.add(counters, 0, 1); i < count; i = Atomics.add(counters, 0, 1)) {
    results[i] = here(i);
    mine++;
    // The workers' results are taken as they come, between this thread's files, rather than all after its last one:
    // reading 500 of them back (their JSON bytes) took this thread ~25 ms while the workers had nothing left (#18).
    if (ports.length > 0) drain();
    if (!probing) continue;
    // Before any worker exists, this thread has taken tasks 0…i in order.
    if (mine === 1) afterFirst = nowMs();
    else warmWeight += weight(i);
    const now = nowMs();
    if (mine >= 2 && now - t0 >= PROBE_MS) {
      probing = false;
      let leftWeight = 0;
      for (let k = i + 1; k < count; k++) leftWeight += weight(k);
      if (worthWorkers((now - afterFirst) / Math.max(1, warmWeight), leftWeight)) startWorkers();
    }
  }
  // Then waits until every task taken by a worker has come back (each result bumps counters[1]).
  const expected = count - mine;
  for (;;) {
    const seen = Atomics.load(counters, 1);
    drain();
    if (received >= expected) break;
    if (Atomics.wait(counters, 1, seen, STALL_MS) === 'timed-out' && Atomics.load(counters, 1) === seen) break;
  }
  drain();
  for (const worker of started) void worker.terminate();
  for (const port of ports) port.close();
  return results.map((r, i) => r ?? here(i));
}

/**
 * Whether the tasks left are worth starting workers for: this thread takes `msPerUnit` for a unit of
 * work (a byte of a file, or a task), `unitsLeft` remain, and a worker pays once what is left would take
 * more than twice its start, since it takes about half of what remains after it has started.
 */
export function worthWorkers(msPerUnit: number, unitsLeft: number, startMs = WORKER_START_MS): boolean {
  return unitsLeft > 0 && msPerUnit * unitsLeft >= 2 * startMs;
}

/** A worker thread's side of `shareOut`: takes tasks until none is left, posting each result (undefined when it threw). */
export function serveTasks<T>(channel: PoolChannel, count: number, task: (i: number) => T): void {
  const counters = new Int32Array(channel.shared);
  for (let i = Atomics.add(counters, 0, 1); i < count; i = Atomics.add(counters, 0, 1)) {
    let outcome: T | undefined;
    try {
      outcome = task(i);
    } catch {
      outcome = undefined;
    }
    channel.port.postMessage({ index: i, outcome });
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
  channel.port.close();
}

/** The worker thread's side of `lintFiles`. */
export function runLintWorker(job: LintJob & PoolChannel): void {
  if (job.lang) setLanguage(job.lang);
  let service: LanguageService;
  try {
    service = cliService(job.request, { err: () => undefined });
  } catch {
    job.port.close();
    return; // the main thread lints what this worker never took
  }
  serveTasks(job, job.files.length, (i) => lintFile(service, job.files[i], job.wants));
}
