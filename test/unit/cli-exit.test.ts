/**
 * server/src/cli-exit.ts: a CLI run leaves with `process.exit()` (no heap teardown) only when that loses
 * nothing — no output pending, Node's own compile cache written, the main thread — and the built CLI still
 * writes its code cache and all of its output before it goes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exitWhenWritten, type ExitContext } from '../../server/src/cli-exit';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function context(over: Partial<ExitContext> = {}): ExitContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    isMainThread: true,
    stdout: { writableLength: 0 },
    stderr: { writableLength: 0 },
    cache: 'ours',
    flushNodeCache: () => assert.fail('flushes only a cache of Node’s own'),
    exit: () => void calls.push('exit'),
    calls,
    ...over,
  };
}

describe('how a CLI run ends (cli-exit.ts)', () => {
  it('exits at once when nothing is pending (Node 20: our cache, already written; or no cache at all)', () => {
    for (const cache of ['ours', 'none'] as const) {
      const c = context({ cache });
      assert.equal(exitWhenWritten(c), true);
      assert.deepEqual(c.calls, ['exit']);
    }
  });

  it('lets the process end by itself while stdout or stderr still holds output (an asynchronous pipe)', () => {
    for (const c of [context({ stdout: { writableLength: 3 } }), context({ stderr: { writableLength: 1 } })]) {
      assert.equal(exitWhenWritten(c), false);
      assert.deepEqual(c.calls, []);
    }
  });

  it('flushes Node 22’s compile cache before it exits, and does not exit where Node can only write it at a natural exit', () => {
    const calls: string[] = [];
    const flushing = context({ cache: 'node', flushNodeCache: () => calls.push('flush') > 0, exit: () => void calls.push('exit') });
    assert.equal(exitWhenWritten(flushing), true);
    assert.deepEqual(calls, ['flush', 'exit']);
    const old = context({ cache: 'node', flushNodeCache: () => false });
    assert.equal(exitWhenWritten(old), false);
    assert.deepEqual(old.calls, []);
  });

  it('never exits from a worker thread', () => {
    const c = context({ isMainThread: false });
    assert.equal(exitWhenWritten(c), false);
    assert.deepEqual(c.calls, []);
  });

  it('the built CLI writes its code cache, all of a large output through a pipe, and its exit code', function () {
    this.timeout(60_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-exit-'));
    try {
      const seeds = path.join(ROOT, 'seeds');
      const run = () => spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', seeds], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp }, maxBuffer: 1 << 26 });
      const first = run();
      const entries = JSON.parse(first.stdout) as unknown[];
      assert.equal(entries.length, fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).length);
      // The cache of the run: ours on Node 20 (gongwen-compile-cache/), Node's own from 22 on (node-compile-cache/).
      const cached = ['gongwen-compile-cache', 'node-compile-cache'].flatMap((d) => (fs.existsSync(path.join(tmp, d)) ? fs.readdirSync(path.join(tmp, d), { recursive: true, encoding: 'utf8' }) : []));
      assert.ok(cached.length > 0, 'a code cache was written before the process left');
      const second = run();
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.status, first.status);
      const missing = spawnSync(process.execPath, [CLI, 'lint', path.join(tmp, 'missing.txt')], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /missing\.txt/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
