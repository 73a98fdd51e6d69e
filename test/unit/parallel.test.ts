/** cli/parallel.ts: when `lint` starts worker threads (issue #18: lazily, only for work that pays for their start). */
import assert from 'node:assert/strict';
import { FASTEST_MS_PER_BYTE, worthWorkers } from '../../server/src/cli/parallel';

describe('worker threads are started only for work worth their start', () => {
  it('starts them when what is left would take this thread well over a worker start', () => {
    // 1,000 seed-sized files (28 KB): ~5 ms a file warm, 998 left.
    assert.equal(worthWorkers(5 / 28_000, 998 * 28_000), true);
    // Two large files (1.3 MB each) still to come after small ones.
    assert.equal(worthWorkers(5 / 28_000, 2 * 1_340_000), true);
  });

  it('does not start them for a few small files, or for nothing left', () => {
    assert.equal(worthWorkers(5 / 28_000, 7 * 28_000), false); // 9 seed-sized files, 2 done: ~35 ms left
    assert.equal(worthWorkers(5 / 28_000, 0), false);
  });

  it('weighs how long the rest would take, not how many tasks are left', () => {
    // The same 20 tasks left (counted, no sizes): worth it at 20 ms a task, not at 1 ms.
    assert.equal(worthWorkers(20, 20), true);
    assert.equal(worthWorkers(1, 20), false);
  });

  it('with a start of 0 ms (GONGWEN_WORKER_START_MS=0, for tests) any work left is worth them, none is not', () => {
    assert.equal(worthWorkers(0.001, 1, 0), true);
    assert.equal(worthWorkers(0.001, 0, 0), false);
  });

  it('starts them before the first file only when the bytes would be worth them even at the fastest rate seen', () => {
    // 1,000 seed copies (28 MB): worth it whatever the speed, so no ~50 ms of timing first.
    assert.equal(worthWorkers(FASTEST_MS_PER_BYTE, 1000 * 28_000), true);
    // Nine seeds, or two 1.3 MB documents: timed first (the second may be worth them, at its real speed).
    assert.equal(worthWorkers(FASTEST_MS_PER_BYTE, 9 * 28_000), false);
    assert.equal(worthWorkers(FASTEST_MS_PER_BYTE, 2 * 1_340_000), false);
  });
});
