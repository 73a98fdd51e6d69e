/**
 * `dist/cli.js`: starts the bundled CLI (`dist/cli-main.js`) with V8's code cache (code-cache.ts), written after
 * the run so the functions the lint compiled are in it (issue #18: compiling the bundle was a third of a one-file
 * lint).
 */
import * as path from 'node:path';
import { cliCacheName, flushNodeCache, runWithCodeCache } from './code-cache';
import { exitWhenWritten } from './cli-exit';
import { tuneEngine } from './engine-flags';
import { defaultJobs, documentsUnder, EARLY_LINT_KEY, earlyLintWorkers, startEarlyWorkers } from './cli/early-workers';

// Node's own modules carry a code cache made under V8's default flags, which V8 rejects once tuneEngine() has
// changed a flag: a built-in first loaded after it is compiled from source. So what every CLI run loads is loaded
// first: worker_threads and the streams under it (cli.ts), parseArgs (loaded on first access) and the standard
// output stream, which every command writes to (~30–45 M instructions otherwise, callgrind, #18). Standard error
// too: cli-exit.ts looks at it after every run, and a stream made then (on a pipe, Node's `net`) would be compiled
// from source.
// A plain require: esbuild drops a side-effect-only import of a built-in (worker_threads also says below whose
// cache a worker thread reads).
const threads = require('node:worker_threads') as typeof import('node:worker_threads');
void (require('node:util') as typeof import('node:util')).parseArgs;
void process.stdout;
void process.stderr;
// Before the bundle is compiled: the code cache is then made and read under the same flags.
tuneEngine();
// `lint` over many documents: its worker threads start now, on the cores this thread leaves idle while it loads the
// bundle and lists the files (cli/early-workers.ts). After tuneEngine(): V8's flags must not change while they start.
if (threads.isMainThread) {
  const early = earlyLintWorkers(process.argv.slice(2), { cores: defaultJobs(), documentsUnder });
  startEarlyWorkers(early, () => new threads.Worker(__filename, { workerData: { [EARLY_LINT_KEY]: true } }));
}
const cache = runWithCodeCache(path.join(__dirname, 'cli-main.js'), cliCacheName(process.argv.slice(2), threads.isMainThread ? undefined : threads.workerData), 'after-run');
// The run is over and its code cache written: leave without V8's heap teardown when no output is pending (cli-exit.ts).
exitWhenWritten({ isMainThread: threads.isMainThread, stdout: process.stdout, stderr: process.stderr, cache, flushNodeCache, exit: () => process.exit() });
