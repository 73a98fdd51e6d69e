/**
 * `npm run precision`: per rule (every registered one, a zero row when it found nothing), the findings on the real fixtures and on the seeds and how many of
 * them are judged true in test/real/expected.json, with the precision that gives; then, for the
 * proofreading rules, precision and recall on their crafted corpora (test/proofread/*.jsonl) with the
 * sample sizes (a corpus line is a sentence, or a small document for the rules that compare two places of one).
 */
import { readFileSync } from 'node:fs';
import { EXPECTED, type Expected } from '../test/real/findings';
import { corpusRules, scoreCorpus } from '../test/proofread/score';
import { RULES } from '../server/src/rules/index';

const expected: Expected = JSON.parse(readFileSync(EXPECTED, 'utf8'));
const rows = new Map<string, { real: number; realTrue: number; seeds: number; seedsTrue: number }>();
// Every rule has a row, so a rule that finds nothing on the real documents says so (0 findings, precision —).
for (const rule of RULES) rows.set(rule.id, { real: 0, realTrue: 0, seeds: 0, seedsTrue: 0 });
for (const [file, doc] of Object.entries(expected)) {
  const seed = file.startsWith('seeds/');
  for (const f of doc.findings) {
    const row = rows.get(f.rule) ?? { real: 0, realTrue: 0, seeds: 0, seedsTrue: 0 };
    if (seed) {
      row.seeds++;
      if (f.verdict === true) row.seedsTrue++;
    } else {
      row.real++;
      if (f.verdict === true) row.realTrue++;
    }
    rows.set(f.rule, row);
  }
}
// Every rule has a row, so a rule that found nothing shows its zero sample rather than being left out.
for (const rule of RULES) if (!rows.has(rule.id)) rows.set(rule.id, { real: 0, realTrue: 0, seeds: 0, seedsTrue: 0 });
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const total = { real: 0, realTrue: 0, seeds: 0, seedsTrue: 0 };
console.log('rule                      real  true  precision   seeds  true  precision');
for (const [rule, r] of [...rows].sort()) {
  for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
  console.log(`${rule.padEnd(24)} ${String(r.real).padStart(5)} ${String(r.realTrue).padStart(5)} ${pct(r.realTrue, r.real).padStart(10)}   ${String(r.seeds).padStart(5)} ${String(r.seedsTrue).padStart(5)} ${pct(r.seedsTrue, r.seeds).padStart(10)}`);
}
console.log(`${'all rules'.padEnd(24)} ${String(total.real).padStart(5)} ${String(total.realTrue).padStart(5)} ${pct(total.realTrue, total.real).padStart(10)}   ${String(total.seeds).padStart(5)} ${String(total.seedsTrue).padStart(5)} ${pct(total.seedsTrue, total.seeds).padStart(10)}`);
const docs = Object.keys(expected).filter((f) => !f.startsWith('seeds/'));
const found = (k: 'genre' | '文号' | '成文日期') => docs.filter((f) => expected[f].facts[k] !== null).length;
console.log(`\nreal documents: ${docs.length}; genre read in ${found('genre')}, 文号 in ${found('文号')}, 成文日期 in ${found('成文日期')}`);

console.log('\ncrafted corpora (test/proofread/*.jsonl)');
console.log('rule                  sentences  flagged  found  true  precision  recall');
for (const rule of corpusRules()) {
  const s = scoreCorpus(rule);
  const flagged = s.truePositives + s.falseNegatives.length;
  const found = s.truePositives + s.falsePositives.length;
  console.log(`${rule.padEnd(24)} ${String(s.sentences).padStart(7)} ${String(flagged).padStart(8)} ${String(found).padStart(6)} ${String(s.truePositives).padStart(5)} ${pct(s.truePositives, found).padStart(10)} ${pct(s.truePositives, flagged).padStart(7)}`);
  for (const f of s.falsePositives) console.log(`  false positive: ${f}`);
}
