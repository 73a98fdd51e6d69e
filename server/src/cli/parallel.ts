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
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LanguageService } from '../service';
import type { UiLanguage } from '../settings';
import { setLanguage } from '../l10n';
import { readDocument } from './files';
import type { LintResult } from './format-json';
import { cliService, fileUri, type ServiceRequest } from './service';
import { fixText } from './fix';
import { findingContext } from './report-context';
import { outlineData } from './format-json';
import { formatOutlineText } from './outline';

export type LintOutcome = LintResult | { error: string };

/** Fewer files than this are linted in-process: a worker's start (~0.1 s) costs more than they take. */
export const PARALLEL_MIN_FILES = 8;
/** With no progress from any worker for this long, the files they hold are linted here instead. */
const STALL_MS = 120_000;

export function lintFile(service: LanguageService, file: string, countFixable = false, forReport = false): LintOutcome {
  const read = readDocument(file);
  if ('error' in read) return { error: read.error };
  const doc = service.parse(fileUri(file), read.text);
  const result: LintResult = { file, diagnostics: service.diagnostics(doc), source: read.source };
  // A review report (--format html|markdown) shows each finding in its paragraph, and the outline.
  if (forReport) {
    result.contexts = result.diagnostics.map((d) => findingContext(doc, d));
    result.outline = formatOutlineText(outlineData(file, doc));
  }
  // Text files only: --fix writes no .docx/.pdf.
  if (countFixable && result.diagnostics.length > 0 && read.encoding) {
    const fixed = fixText(service, fileUri(file), read.text);
    const after = fixed.doc ?? service.parse(fileUri(file), fixed.text);
    result.fixable = Math.max(0, result.diagnostics.length - service.diagnostics(after).length);
  }
  return result;
}

/** The default for `--jobs`: every core the process may use. */
export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

interface WorkerJob {
  files: readonly string[];
  request: ServiceRequest;
  lang?: UiLanguage;
  countFixable: boolean;
  forReport: boolean;
  /** [0] the next file to take, [1] results posted + workers finished (what the main thread waits on). */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

/** The worker script: the bundle's start file, beside the running bundle; undefined outside the bundle. */
function workerScript(): string | undefined {
  if (!__filename.endsWith('.js')) return undefined;
  const start = path.join(__dirname, 'cli.js');
  return fs.existsSync(start) ? start : undefined;
}

/** Every file's outcome, in the order of `files`. */
export function lintFiles(files: readonly string[], service: LanguageService, request: ServiceRequest, lang: UiLanguage | undefined, jobs: number, countFixable = false, forReport = false): LintOutcome[] {
  const script = workerScript();
  const workers = Math.min(jobs, files.length) - 1;
  if (files.length < PARALLEL_MIN_FILES || workers < 1 || !script) return files.map((file) => lintFile(service, file, countFixable, forReport));

  const shared = new SharedArrayBuffer(8);
  const counters = new Int32Array(shared);
  const ports: MessagePort[] = [];
  const started: Worker[] = [];
  for (let w = 0; w < workers; w++) {
    const { port1, port2 } = new MessageChannel();
    const job: WorkerJob = { files, request, lang, countFixable, forReport, shared, port: port2 };
    try {
      const worker = new Worker(script, { workerData: { gongwenLint: job }, transferList: [port2] });
      worker.unref();
      started.push(worker);
      ports.push(port1);
    } catch {
      break; // no more threads: the others and this one do the work
    }
  }

  const outcomes: Array<LintOutcome | undefined> = new Array(files.length);
  let received = 0;
  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const { index, json } = m.message as { index: number; json?: string };
        // undefined when it threw there: linted again here, to throw as one thread would
        outcomes[index] = json === undefined ? undefined : (JSON.parse(json) as LintOutcome);
        received++;
      }
    }
  };
  // This thread takes files too.
  for (let i = Atomics.add(counters, 0, 1); i < files.length; i = Atomics.add(counters, 0, 1)) outcomes[i] = lintFile(service, files[i], countFixable, forReport);
  // Then waits until every file taken by a worker has come back (each result bumps counters[1]).
  let mine = 0;
  for (let i = 0; i < files.length; i++) if (outcomes[i]) mine++;
  const expected = files.length - mine;
  for (;;) {
    const seen = Atomics.load(counters, 1);
    drain();
    if (received >= expected) break;
    if (Atomics.wait(counters, 1, seen, STALL_MS) === 'timed-out' && Atomics.load(counters, 1) === seen) break;
  }
  drain();
  for (const worker of started) void worker.terminate();
  for (const port of ports) port.close();
  // A worker that died or stalled: its files are linted here, so the output is still complete.
  return outcomes.map((o, i) => o ?? lintFile(service, files[i], countFixable, forReport));
}

/** The worker thread's side of `lintFiles`. */
export function runLintWorker(job: WorkerJob): void {
  if (job.lang) setLanguage(job.lang);
  const counters = new Int32Array(job.shared);
  // Sent as one JSON string: a string is copied whole, where a structured clone walks every diagnostic object
  // on both sides (the results are plain data, and are printed as JSON or text anyway).
  const post = (index: number, outcome: LintOutcome | undefined) => {
    job.port.postMessage({ index, json: outcome === undefined ? undefined : JSON.stringify(outcome) });
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  };
  let service: LanguageService;
  try {
    service = cliService(job.request, { out: () => undefined, err: () => undefined, colour: false });
  } catch {
    return; // the main thread lints what this worker never took
  }
  for (let i = Atomics.add(counters, 0, 1); i < job.files.length; i = Atomics.add(counters, 0, 1)) {
    let outcome: LintOutcome | undefined;
    try {
      outcome = lintFile(service, job.files[i], job.countFixable, job.forReport);
    } catch {
      outcome = undefined;
    }
    post(i, outcome);
  }
  job.port.close();
}
