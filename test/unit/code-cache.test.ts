/**
 * server/src/code-cache.ts: the starters of dist/cli.js and dist/server.js run their bundle with V8's code cache
 * (issue #18). On Node 20 (no `module.enableCompileCache`) the cache is kept by hand (runCached) in
 * `$TMPDIR/gongwen-compile-cache/`: written by a start that had none, read (not written again) by the next, written
 * again when it is unusable, and for the server only after a delay.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import Module from 'node:module';
import { cliCacheName, readBundle, runCached, runWithCodeCache } from '../../server/src/code-cache';

const g = globalThis as unknown as { codeCacheRuns?: number };
const REPO = path.resolve(__dirname, '..', '..');
const MODULE = path.join(REPO, 'server', 'src', 'code-cache.ts');

/** One start in a process of its own, as the starters run (in this process V8 would reuse its own compile). */
function start(main: string, tmp: string, write: string): string {
  const code = `require(${JSON.stringify(MODULE)}).runCached(${JSON.stringify(main)}, 'test', ${write}); process.stdout.write(String(globalThis.codeCacheRuns))`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: REPO, env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('code cache of the bundles (code-cache.ts)', function () {
  let tmp: string;
  let main: string;
  let savedTmp: string | undefined;
  const cacheFiles = () => {
    const dir = path.join(tmp, 'gongwen-compile-cache');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')).map((f) => path.join(dir, f)) : [];
  };

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-code-cache-'));
    main = path.join(tmp, 'main.js');
    // A bundle that counts its runs and calls a function, so there is lazily compiled code to cache.
    fs.writeFileSync(main, 'function twice(n) { return n * 2; }\nglobalThis.codeCacheRuns = (globalThis.codeCacheRuns || 0) + twice(1) / 2;\n');
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // os.tmpdir() reads it on every call
    g.codeCacheRuns = 0;
  });

  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes the cache after a run that had none, and the next start reads it without writing it again', function () {
    assert.equal(start(main, tmp, "'after-run'"), '1');
    const [file, ...more] = cacheFiles();
    assert.ok(file && more.length === 0, 'one cache file');
    assert.ok(fs.statSync(file).size > 0);
    const inode = fs.statSync(file).ino;
    assert.equal(start(main, tmp, "'after-run'"), '1');
    // A cache that was accepted is left as it is; a rejected one is replaced (a new file renamed over it).
    assert.equal(fs.statSync(file).ino, inode);
  });

  it('runs the bundle from an unusable cache and replaces the cache', function () {
    start(main, tmp, "'after-run'");
    const [file] = cacheFiles();
    fs.writeFileSync(file, 'not a code cache');
    assert.equal(start(main, tmp, "'after-run'"), '1');
    assert.notEqual(fs.readFileSync(file, 'latin1'), 'not a code cache');
    const inode = fs.statSync(file).ino;
    start(main, tmp, "'after-run'");
    assert.equal(fs.statSync(file).ino, inode, 'the new cache is accepted');
  });

  it('replaces the cache of an earlier build of the same bundle, and leaves other bundles’ caches', function () {
    const other = path.join(tmp, 'other.js');
    fs.writeFileSync(other, 'globalThis.codeCacheRuns = 1;\n');
    start(other, tmp, "'after-run'");
    start(main, tmp, "'after-run'");
    assert.equal(cacheFiles().length, 2);
    const before = new Set(cacheFiles());
    // A rebuild: another size and time, so a new cache; the old one of this bundle goes.
    fs.appendFileSync(main, '// rebuilt\n');
    fs.utimesSync(main, new Date(), new Date(Date.now() + 5000));
    start(main, tmp, "'after-run'");
    const after = cacheFiles();
    assert.equal(after.length, 2, after.join(', '));
    assert.equal(after.filter((f) => before.has(f)).length, 1, 'the other bundle’s cache is kept, this one’s old cache is gone');
  });

  it('gives each CLI command a cache of its own, so `--version` run first does not leave lint without one', function () {
    assert.equal(cliCacheName(['lint', 'a.txt']), 'cli-lint');
    assert.equal(cliCacheName(['--format', 'json', 'lint']), 'cli-json', 'an option’s value before the command only names another cache');
    assert.equal(cliCacheName(['--version']), 'cli-none');
    assert.equal(cliCacheName([]), 'cli-none');
    assert.equal(cliCacheName(['../../x']), 'cli-other');
    assert.equal(cliCacheName([], { gongwenLint: {} }), 'cli-lint', 'a worker of lint --jobs');
    assert.equal(cliCacheName([], { gongwenReport: {} }), 'cli-report', 'a worker of report --jobs');
  });

  it('writes the server’s cache only after the delay', async function () {
    const written = runCached(main, 'server', { afterMs: 30 });
    assert.equal(g.codeCacheRuns, 1);
    assert.deepEqual(cacheFiles(), [], 'not written at start');
    assert.equal(await written, true);
    assert.equal(cacheFiles().length, 1, 'written after the delay');
  });

  it('keeps no cache when GONGWEN_NO_COMPILE_CACHE=1', function () {
    process.env.GONGWEN_NO_COMPILE_CACHE = '1';
    try {
      runWithCodeCache(main, 'test', 'after-run');
    } finally {
      delete process.env.GONGWEN_NO_COMPILE_CACHE;
    }
    assert.equal(g.codeCacheRuns, 1);
    assert.deepEqual(cacheFiles(), []);
  });

  it('reads a bundle as Node wraps a module, the built ones (ASCII) and one that is not, and its cache through the same buffer', function () {
    const other = path.join(tmp, 'other.js');
    fs.writeFileSync(other, "globalThis.word = '通知 — §1';\n");
    const small = path.join(tmp, 'small.bin');
    fs.writeFileSync(small, Buffer.from([1, 2, 3]));
    const large = path.join(tmp, 'large.bin');
    fs.writeFileSync(large, Buffer.alloc(3_000_000, 7));
    for (const file of [path.join(REPO, 'dist', 'cli-main.js'), path.join(REPO, 'dist', 'server-main.js'), other, main]) {
      for (const cache of [small, large, path.join(tmp, 'missing.bin')]) {
        let seen: fs.Stats | undefined;
        const read = readBundle(file, (stat) => ((seen = stat), cache));
        assert.equal(read.source, Module.wrap(fs.readFileSync(file, 'utf8')), file);
        assert.equal(seen?.size, fs.statSync(file).size, 'the cache is named from the bundle it was read from');
        assert.equal(read.file, cache);
        if (fs.existsSync(cache)) assert.ok(read.cachedData?.equals(fs.readFileSync(cache)), cache);
        else assert.equal(read.cachedData, undefined);
      }
    }
  });
});
