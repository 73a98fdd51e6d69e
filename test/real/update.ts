/**
 * `npx tsx test/real/update.ts`: writes test/real/expected.json from what the engine says now,
 * keeping every verdict already given; a new finding gets the verdict "unjudged", which the test
 * rejects until someone reads the document and judges it (true, or the reason it is wrong).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EXPECTED, currentFacts, currentFindings, keyOf, type Expected } from './findings';

const old: Expected = existsSync(EXPECTED) ? JSON.parse(readFileSync(EXPECTED, 'utf8')) : {};
const next: Expected = {};
for (const [file, findings] of Object.entries(currentFindings()).sort()) {
  const verdicts = new Map((old[file]?.findings ?? []).map((f) => [keyOf(f), f.verdict]));
  next[file] = {
    facts: currentFacts(file),
    findings: findings.map((f) => ({ ...f, verdict: verdicts.get(keyOf(f)) ?? 'unjudged' })),
  };
}
writeFileSync(EXPECTED, JSON.stringify(next, null, 1) + '\n');
const unjudged = Object.values(next).flatMap((d) => d.findings).filter((f) => f.verdict === 'unjudged').length;
console.log(`${EXPECTED}: ${Object.keys(next).length} documents, ${unjudged} findings to judge`);
