/** Alignment quality on the hand-labelled clause pairs (test/align/labels.json): top-1 accuracy ≥ 90%. */
import assert from 'node:assert/strict';
import { evaluate } from '../../bench/align-quality';
import { calibrate, NO_MATCH } from '../../server/src/align/align';
import { grams } from '../../server/src/align/vectors';

describe('align: quality on labelled pairs', () => {
  it('top-1 accuracy is at least 90% (printed)', () => {
    const q = evaluate();
    console.log(`      top-1 accuracy ${(q.accuracy * 100).toFixed(1)}% (${q.correct}/${q.total}); misses:\n        ${q.misses.join('\n        ')}`);
    assert.ok(q.total >= 60, `only ${q.total} labelled pairs`);
    assert.ok(q.accuracy >= 0.9, `top-1 accuracy ${q.accuracy}`);
  });

  it('the calibrated score is monotone in [0, 1] and unrelated text falls below the no-match line', () => {
    assert.ok(calibrate(0) < 0.2 && calibrate(0) > 0);
    assert.ok(calibrate(0.6) > 0.99);
    assert.ok(calibrate(0.05) < NO_MATCH && calibrate(0.3) > NO_MATCH);
  });

  it('uses character unigrams and bigrams, ignoring punctuation', () => {
    assert.deepEqual(grams('科普，工作'), ['科', '科普', '普', '普工', '工', '工作', '作']);
  });
});
