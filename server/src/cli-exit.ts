/**
 * How a CLI run ends (issue #18). Left to end by itself, Node tears V8's heap down page by page before the
 * process goes (`isolate->Dispose()` after the event loop): ~9 ms of a one-seed `gongwen lint` of ~200 ms
 * (farm-bench, 30 pairs: 0.958× wall). `process.exit()` skips that teardown, and the kernel frees the pages at
 * once. It is taken only when nothing is left to do:
 *
 * - everything written has reached the operating system: on Linux stdout and stderr are synchronous, but a pipe
 *   on macOS or Windows (and a Windows terminal) is written asynchronously, and exiting then would cut the output;
 * - Node 22's own compile cache (`module.enableCompileCache()`, code-cache.ts) is written at a natural exit: when
 *   the run used it, it is flushed first where Node can (`module.flushCompileCache`, 22.10+), else the run ends by
 *   itself;
 * - only the main thread: a worker of `lint --jobs` ends when its files are done.
 *
 * Called by cli-start.ts after the run and after our own cache was written (code-cache.ts, `'after-run'`).
 */
import type { CacheUsed } from './code-cache';

export interface ExitContext {
  isMainThread: boolean;
  stdout: { writableLength: number };
  stderr: { writableLength: number };
  /** Which cache the run used (code-cache.ts `runWithCodeCache`). */
  cache: CacheUsed;
  /** Writes Node's own compile cache now; false where that Node cannot (code-cache.ts `flushNodeCache`). */
  flushNodeCache(): boolean;
  /** `process.exit` with `process.exitCode`. */
  exit(): void;
}

/** Ends the process at once when that loses nothing (see above); says whether it did (for the tests). */
export function exitWhenWritten(context: ExitContext): boolean {
  if (!context.isMainThread) return false;
  if (context.stdout.writableLength > 0 || context.stderr.writableLength > 0) return false;
  if (context.cache === 'node' && !context.flushNodeCache()) return false;
  context.exit();
  return true;
}
