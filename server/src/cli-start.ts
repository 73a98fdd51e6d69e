/**
 * `dist/cli.js`: starts the bundled CLI (`dist/cli-main.js`) with V8's code cache, so a run after the
 * first does not compile the ~2 MB bundle again (issue #18: compiling it was a third of a one-file lint).
 * Node 22.1+ has `module.enableCompileCache()`; on older Nodes the same is done by hand: the bundle is
 * compiled with `vm.Script` from the cached data of the last run, kept in the system's temporary folder
 * (`gongwen-compile-cache/`), and the cache is written again after a run that could not use it. Any
 * failure of the cache falls back to a plain compile. `GONGWEN_NO_COMPILE_CACHE=1` turns it off.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { tuneEngine } from './engine-flags';

const MAIN = path.join(__dirname, 'cli-main.js');
const off = process.env.GONGWEN_NO_COMPILE_CACHE === '1';
const withCache = Module as unknown as { enableCompileCache?: (dir?: string) => unknown };

// Node's own modules carry a code cache made under V8's default flags, which V8 rejects once tuneEngine() has
// changed a flag: a built-in first loaded after it is compiled from source. worker_threads (and the streams under
// it) is loaded by every CLI run (cli.ts): loaded first, it keeps its cache (~30 M instructions, callgrind, #18).
// A plain require: esbuild drops a side-effect-only import of a built-in.
require('node:worker_threads');
tuneEngine();

if (off) require(MAIN);
else if (typeof withCache.enableCompileCache === 'function') {
  try {
    withCache.enableCompileCache();
  } catch {
    // a cache that cannot be made only costs the compile
  }
  require(MAIN);
} else runCached();

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function runCached(): void {
  const source = fs.readFileSync(MAIN, 'utf8');
  const stat = fs.statSync(MAIN);
  const dir = path.join(os.tmpdir(), 'gongwen-compile-cache');
  // The cache belongs to this bundle (path, size, time) and this Node (version, architecture).
  const file = path.join(dir, `cli-${hash(`${MAIN}\0${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`)}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: MAIN, cachedData });
  const mod = new Module(MAIN, module);
  mod.filename = MAIN;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(MAIN), mod, MAIN, __dirname);
  if (cachedData && !script.cachedDataRejected) return;
  // After the run, so the functions the run compiled are in the cache too.
  try {
    fs.mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, file);
  } catch {
    // a read-only temporary folder: run without the cache
  }
}
