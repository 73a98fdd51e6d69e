/**
 * The judged expected-findings file (test/real/expected.json, issue #13): the built `gongwen lint`
 * over the seeds and the 20 real documents gives exactly the findings listed there, each judged by
 * reading the document, and the model reads each document's genre, 文号, 成文日期 and 署名 as listed.
 * A new finding, or a listed one that disappears, fails the test, so every change of behaviour is
 * looked at; `npx tsx test/real/update.ts` rewrites the file keeping the verdicts given so far.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXPECTED, currentFacts, currentFindings, keyOf, type Expected } from '../real/findings';

describe('real documents: judged expected findings', function () {
  this.timeout(120000);
  const expected: Expected = JSON.parse(readFileSync(EXPECTED, 'utf8'));
  const current = currentFindings();

  it('covers every seed and real document', () => {
    assert.deepEqual(Object.keys(current).sort(), Object.keys(expected).sort());
  });

  it('every listed finding is judged (true, or the reason it is wrong)', () => {
    const unjudged = Object.entries(expected).flatMap(([file, d]) => d.findings.filter((f) => f.verdict !== true && (typeof f.verdict !== 'string' || f.verdict === 'unjudged' || f.verdict.length < 5)).map((f) => `${file}:${keyOf(f)}`));
    assert.deepEqual(unjudged, []);
  });

  for (const file of Object.keys(expected)) {
    it(`${file}: findings as judged`, () => {
      const now = (current[file] ?? []).map(keyOf).sort();
      const listed = expected[file].findings.map(keyOf).sort();
      const added = now.filter((k) => !listed.includes(k));
      const gone = listed.filter((k) => !now.includes(k));
      assert.deepEqual({ added, gone }, { added: [], gone: [] });
    });
    it(`${file}: genre, 文号, 成文日期, 署名 and parts`, () => {
      assert.deepEqual(currentFacts(file), expected[file].facts);
    });
  }
});
