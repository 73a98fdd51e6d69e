/**
 * `dist/cli.js`: starts the bundled CLI (`dist/cli-main.js`) with V8's code cache (code-cache.ts), written after
 * the run so the functions the lint compiled are in it (issue #18: compiling the bundle was a third of a one-file
 * lint).
 */
import * as path from 'node:path';
import { runWithCodeCache } from './code-cache';
import { tuneEngine } from './engine-flags';

// Node's own modules carry a code cache made under V8's default flags, which V8 rejects once tuneEngine() has
// changed a flag: a built-in first loaded after it is compiled from source. worker_threads (and the streams under
// it) is loaded by every CLI run (cli.ts): loaded first, it keeps its cache (~30 M instructions, callgrind, #18).
// A plain require: esbuild drops a side-effect-only import of a built-in.
require('node:worker_threads');
// Before the bundle is compiled: the code cache is then made and read under the same flags.
tuneEngine();
runWithCodeCache(path.join(__dirname, 'cli-main.js'), 'cli', 'after-run');
