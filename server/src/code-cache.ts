/**
 * Runs a bundle of dist/ with V8's code cache, so a start after the first does not parse and compile the
 * bundle again (issue #18). Node 22.1+ has `module.enableCompileCache()`; on older Nodes the same is done by
 * hand: the bundle is compiled with `vm.Script` from the cached data of an earlier start, kept in the system's
 * temporary folder (`gongwen-compile-cache/`), and the cache is written again by a start that could not use it.
 * Any failure of the cache falls back to a plain compile. `GONGWEN_NO_COMPILE_CACHE=1` turns it off.
 *
 * V8 compiles functions lazily, at their first call, and the cache holds only the functions compiled when it
 * is written: the CLI writes it after its run (`'after-run'`), the server some seconds after start, when the
 * first documents have been checked. A cache is written once and then only read, so each CLI command has a
 * cache of its own (`cliCacheName`): one written by `gongwen --version` held none of the lint's functions, and
 * every later lint compiled them again (+50 M instructions, a sixth of a one-seed lint; callgrind, #18).
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export type CacheWrite = 'after-run' | { afterMs: number };

/** Node's own compile cache where it has one (22.1+), and how to write it now (22.10+). */
const nodeCache = Module as unknown as { enableCompileCache?: (dir?: string) => unknown; flushCompileCache?: () => void };

/** Which cache the run used: Node's own, ours by hand (`runCached`), or none (`GONGWEN_NO_COMPILE_CACHE=1`). */
export type CacheUsed = 'node' | 'ours' | 'none';

export function runWithCodeCache(main: string, name: string, write: CacheWrite): CacheUsed {
  if (process.env.GONGWEN_NO_COMPILE_CACHE === '1') {
    require(main);
    return 'none';
  }
  if (typeof nodeCache.enableCompileCache === 'function') {
    try {
      nodeCache.enableCompileCache();
    } catch {
      // a cache that cannot be made only costs the compile
    }
    require(main);
    return 'node';
  }
  void runCached(main, name, write);
  return 'ours';
}

/**
 * Writes Node's compile cache now, as Node does at a natural exit; false where this Node cannot (22.1–22.9), or
 * when the writing failed.
 */
export function flushNodeCache(): boolean {
  if (typeof nodeCache.flushCompileCache !== 'function') return false;
  try {
    nodeCache.flushCompileCache();
    return true;
  } catch {
    return false;
  }
}

/**
 * The cache's name for a CLI start: `cli-<command>` (`cli-lint`, `cli-export` …; `cli-none` for `--version`,
 * `--help`). A worker thread of `lint`/`report --jobs` runs the same functions as its command.
 */
export function cliCacheName(argv: readonly string[], worker?: { gongwenLint?: unknown; gongwenLintEarly?: unknown; gongwenReport?: unknown }): string {
  if (worker?.gongwenReport) return 'cli-report';
  if (worker?.gongwenLint || worker?.gongwenLintEarly) return 'cli-lint';
  const command = argv.find((a) => !a.startsWith('-'));
  if (command === undefined) return 'cli-none';
  return /^[a-z][a-z-]{0,19}$/.test(command) ? `cli-${command}` : 'cli-other';
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/**
 * The cache by hand (Node before 22.1); exported for its test. Settles once the cache is written (true) or
 * left as it is (false: it was accepted, or could not be written).
 */
export function runCached(main: string, name: string, write: CacheWrite): Promise<boolean> {
  const dir = path.join(os.tmpdir(), 'gongwen-compile-cache');
  // The cache belongs to this bundle (path; size and time) and this Node (version, architecture). The bundle's
  // path names the family, so a cache of an earlier build or Node can be removed when this one is written.
  const family = `${name}-${hash(main)}-`;
  const cacheOf = (stat: fs.Stats) => path.join(dir, `${family}${hash(`${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`)}.bin`);
  const { source, file, cachedData } = readBundle(main, cacheOf);
  const script = new vm.Script(source, { filename: main, cachedData });
  const mod = new Module(main, module);
  mod.filename = main;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(main));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(main), mod, main, path.dirname(main));
  if (cachedData && !script.cachedDataRejected) return Promise.resolve(false);
  const save = (): boolean => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, file);
      removeSuperseded(dir, family, path.basename(file));
      return true;
    } catch {
      return false; // a read-only temporary folder: run without the cache
    }
  };
  if (write === 'after-run') return Promise.resolve(save());
  return new Promise((resolve) => setTimeout(() => resolve(save()), write.afterMs).unref());
}

/** Node's function wrapper of a CommonJS module, before and after its text (`Module.wrap`). */
const [WRAP_HEAD, WRAP_TAIL] = Module.wrap('\u0000').split('\u0000');

/**
 * The bundle's text in Node's module wrapper, and its code cache (`cacheOf` names it from the bundle's size and
 * time), read through one buffer. Fresh memory is costly at start (a page first touched, ~14 µs on the machines
 * measured), so:
 * - the text is read with room for the wrapper: `Module.wrap(text)` joined three strings, which V8 copies into one
 *   before compiling, a third copy of the 0.75 MB CLI bundle (~180 page faults);
 * - the bundles are ASCII (esbuild.mjs), made a string as Latin-1 without decoding; a file that is not is decoded
 *   as UTF-8;
 * - the cache is then read into the same buffer, whose pages the text has touched (~160 page faults fewer).
 * The cache is undefined when there is none or it cannot be read.
 */
export function readBundle(main: string, cacheOf: (stat: fs.Stats) => string): { source: string; file: string; cachedData?: Buffer } {
  const fd = fs.openSync(main, 'r');
  try {
    const stat = fs.fstatSync(fd);
    const file = cacheOf(stat);
    let cacheFd: number | undefined;
    let cacheSize = 0;
    try {
      cacheFd = fs.openSync(file, 'r');
      cacheSize = fs.fstatSync(cacheFd).size;
    } catch {
      // no cache yet (or none to be had): the bundle is compiled from its text
    }
    try {
      const buffer = Buffer.allocUnsafe(Math.max(WRAP_HEAD.length + stat.size + WRAP_TAIL.length, cacheSize));
      let at = buffer.write(WRAP_HEAD, 0, 'latin1');
      at = readInto(fd, buffer, at, at + stat.size);
      at += buffer.write(WRAP_TAIL, at, 'latin1');
      const text = buffer.subarray(0, at);
      const source = text.toString(isAscii(text) ? 'latin1' : 'utf8');
      const cachedData = cacheFd === undefined ? undefined : buffer.subarray(0, readInto(cacheFd, buffer, 0, cacheSize));
      return { source, file, cachedData };
    } finally {
      if (cacheFd !== undefined) fs.closeSync(cacheFd);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the file into `buffer` from `at` up to `end` (less if it is shorter than its size said); returns where it stopped. */
function readInto(fd: number, buffer: Buffer, at: number, end: number): number {
  while (at < end) {
    const n = fs.readSync(fd, buffer, at, end - at, null);
    if (n === 0) break;
    at += n;
  }
  return at;
}

/**
 * Removes the caches of earlier builds of the same bundle (a cache is ~0.7 MB, and every update or rebuild made a
 * new one that nothing read again). Files of another family, and another start's file being written, are left.
 */
function removeSuperseded(dir: string, family: string, keep: string): void {
  try {
    for (const f of fs.readdirSync(dir)) {
      if (f !== keep && f.startsWith(family) && f.endsWith('.bin')) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // only tidiness: a cache that cannot be removed does no harm
  }
}
