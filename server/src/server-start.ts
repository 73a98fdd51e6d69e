/**
 * `dist/server.js`: starts the bundled language server (`dist/server-main.js`) with V8's code cache
 * (code-cache.ts). Without it every start of the server parsed the 1.3 MB bundle (~125 M of the ~385 M
 * instructions of loading it, callgrind) and compiled each function at its first call (~80 M while loading alone).
 * The cache is written ten seconds after a start that could not use it: by then the editor has opened its
 * first documents, so the functions of a check are in it. The server keeps V8's default flags (no tuneEngine):
 * set before its load, a flag makes Node compile its own modules from source (+68 M instructions, more than
 * the regular-expression setting saves on a first check); set after, it would make the cache be rejected.
 */
import * as path from 'node:path';
import { runWithCodeCache } from './code-cache';

runWithCodeCache(path.join(__dirname, 'server-main.js'), 'server', { afterMs: 10_000 });
