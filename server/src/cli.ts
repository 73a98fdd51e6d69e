/**
 * `gongwen` command line: the entry point esbuild bundles into `dist/cli.js`.
 * All the work is in `cli/`; this file only connects it to the process.
 */
// The version only: a default import put the whole extension manifest (~20 KB) in the CLI's bundle (#18).
import { version } from '../../package.json';
import { main } from './cli/main';
import { processIo } from './cli/io';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runLintWorker } from './cli/parallel';
import { runReportWorker } from './cli/report-jobs';
import { EARLY_LINT_KEY } from './cli/early-workers';

if (!isMainThread && workerData?.gongwenLint) {
  // A worker thread of `gongwen lint` over many files (cli/parallel.ts).
  runLintWorker(workerData.gongwenLint);
} else if (!isMainThread && workerData?.[EARLY_LINT_KEY]) {
  // A worker of `gongwen lint` started before the bundle loaded (cli/early-workers.ts): its files come in a message.
  parentPort?.once('message', (job) => runLintWorker(job));
} else if (!isMainThread && workerData?.gongwenReport) {
  // A worker thread of `gongwen report` (cli/report-jobs.ts).
  runReportWorker(workerData.gongwenReport);
} else {
  // `gongwen lint … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

  // exitCode rather than exit(): let stdout drain before the process ends.
  process.exitCode = main(process.argv.slice(2), processIo(), version);
}
