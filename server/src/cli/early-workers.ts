/**
 * `gongwen lint` over many documents starts its worker threads before the bundle loads (issue #18). A worker
 * takes ~0.17 s to be ready (its own Node, the bundle, and Node's modules compiled again under the CLI's V8
 * flags), and `lint` started it only after loading the bundle and listing the files, ~0.09 s into the run: the
 * second core stayed idle meanwhile. Started by the starter (cli-start.ts) as soon as the command line asks for
 * `lint` over enough documents, it is ready ~0.1 s earlier (1,000 seed copies: 0.98× wall, farm-bench); the files
 * come to it in a message once `lint` has listed them (parallel.ts `shareOut`).
 *
 * The starter and the bundle are two scripts, so the workers are handed over through one property of the
 * global object under a registered symbol. `lint` takes what it uses and releases the rest (a folder of a few
 * files, or work not worth a worker: they are ended at once).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { CLI_OPTIONS } from './options';
import { isDocumentName } from '../io/extensions';

/** Fewer files than this are linted in-process: a worker's start (~0.1 s) costs more than they take. */
export const PARALLEL_MIN_FILES = 8;

/** The default for `--jobs`: every core the process may use. */
export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** The `workerData` key of a worker started early: it waits for its job (cli.ts). */
export const EARLY_LINT_KEY = 'gongwenLintEarly';

const REGISTRY = Symbol.for('gongwen.earlyLintWorkers');
type Registry = { [REGISTRY]?: Worker[] };

/**
 * Documents worth starting workers for before anything is timed. `lint` takes workers once what is left would
 * take this thread over twice a worker's start (parallel.ts `worthWorkers`): ~1.5 MB of seed-sized documents at
 * the ~5 MB/s of this machine. 4 MB is then worth them on a machine 2.5 times as fast; below it a worker started
 * early may go unused, and its start (~0.13 s of a core) made a folder of ten seeds 1.08× as slow.
 */
export const EARLY_MIN_BYTES = 4_000_000;
/** The look at the folders stops after this many entries (a large tree of other files). */
const EARLY_MAX_ENTRIES = 4096;

/** What the decision reads of the machine: the cores, and the documents under the paths (`documentsUnder`). */
export interface EarlyContext {
  cores: number;
  documentsUnder(paths: readonly string[]): DocumentCount;
}

export interface DocumentCount {
  files: number;
  bytes: number;
}

/**
 * How many worker threads to start before the bundle loads for this command line: `jobs - 1` (every core by
 * default) for `lint` over at least `PARALLEL_MIN_FILES` documents of at least `EARLY_MIN_BYTES`; 0 for anything
 * else: fewer or smaller documents, another verb, `--fix`, `--fix-dry-run`, `--annotate`, `--help`, `--version`,
 * `--jobs 1`, options before the verb, a command line that does not parse (the bundle then says what is wrong).
 */
export function earlyLintWorkers(argv: readonly string[], context: EarlyContext): number {
  if (argv[0] !== 'lint') return 0;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: CLI_OPTIONS, allowPositionals: true, strict: true });
  } catch {
    return 0;
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'lint') return 0;
  if (values.help || values.version || values.fix || values['fix-dry-run'] || values.annotate !== undefined) return 0;
  let jobs = context.cores;
  if (values.jobs !== undefined) {
    if (!/^[0-9]+$/.test(values.jobs)) return 0;
    jobs = Number(values.jobs);
  }
  if (!Number.isSafeInteger(jobs) || jobs < 2) return 0;
  return enoughDocuments(context.documentsUnder(positionals.slice(1))) ? jobs - 1 : 0;
}

const enoughDocuments = (found: DocumentCount) => found.files >= PARALLEL_MIN_FILES && found.bytes >= EARLY_MIN_BYTES;

/**
 * The documents under `paths`, counted until there are enough for `earlyLintWorkers`: the files named, and the
 * documents of the folders named, folder by folder. A look, not the listing (io/walk.ts): what cannot be read
 * counts for nothing, and the bundle reports it.
 */
export function documentsUnder(paths: readonly string[]): DocumentCount {
  const found: DocumentCount = { files: 0, bytes: 0 };
  const enough = () => enoughDocuments(found);
  const folders: string[] = [];
  const count = (file: string) => {
    try {
      found.bytes += fs.statSync(file).size;
      found.files++;
    } catch {
      // gone since it was listed
    }
  };
  for (const p of paths) {
    try {
      if (fs.statSync(p).isDirectory()) folders.push(p);
      else count(p);
    } catch {
      // nothing there
    }
  }
  let entries = 0;
  for (let i = 0; i < folders.length && !enough() && entries < EARLY_MAX_ENTRIES; i++) {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(folders[i], { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of names) {
      if (enough() || ++entries > EARLY_MAX_ENTRIES) break;
      const full = path.join(folders[i], entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) folders.push(full);
      else if (entry.isFile() && isDocumentName(entry.name)) count(full);
    }
  }
  return found;
}

/**
 * Starts `count` workers of `script` that wait for their job, and leaves them for `takeEarlyWorker`. They do
 * not keep the process alive; one that fails takes no file (the other threads lint them).
 */
export function startEarlyWorkers(count: number, create: () => Worker): void {
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const worker = create();
      worker.unref();
      worker.on('error', () => undefined);
      workers.push(worker);
    } catch {
      break; // no more threads: the ones started and this one do the work
    }
  }
  if (workers.length) (globalThis as Registry)[REGISTRY] = workers;
}

/** A worker started early and not taken yet, if any. */
export function takeEarlyWorker(): Worker | undefined {
  return (globalThis as Registry)[REGISTRY]?.shift();
}

/** Ends the early workers nobody took: the files were too few, or not worth them. */
export function releaseEarlyWorkers(): void {
  const workers = (globalThis as Registry)[REGISTRY];
  if (!workers) return;
  delete (globalThis as Registry)[REGISTRY];
  for (const worker of workers) void worker.terminate();
}
