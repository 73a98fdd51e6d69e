/** cli/parallel.ts: when `lint` starts worker threads (issue #18: lazily, only for work that pays for their start). */
import assert from 'node:assert/strict';
import { worthWorkers } from '../../server/src/cli/parallel';

describe('worker threads are started only for work worth their start', () => {
  it('starts them when the tasks left would take this thread well over a worker start', () => {
    // 1,000 seed-sized files: the first took ~40 ms cold, 999 are left.
    assert.equal(worthWorkers(40, 1, 999), true);
    // 27 files, the first two done in 45 ms.
    assert.equal(worthWorkers(45, 2, 25), true);
  });

  it('does not start them for a few small files, for nothing left, or before any task was timed', () => {
    assert.equal(worthWorkers(40, 6, 2), false); // 8 small files: ~13 ms left
    assert.equal(worthWorkers(40, 10, 0), false);
    assert.equal(worthWorkers(0, 0, 100), false);
  });

  it('weighs the time per task, not the number of tasks left', () => {
    // The same 20 tasks left: worth it when each takes 20 ms, not when each takes 1 ms.
    assert.equal(worthWorkers(40, 2, 20), true);
    assert.equal(worthWorkers(40, 40, 20), false);
  });
});
