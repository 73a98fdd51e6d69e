/**
 * Certain means certain (issue #14): what `lint --fix` (and formatting and fix-all, which apply the
 * same certain edits) changes lies inside the range of a finding reported before the fix — an
 * insertion at either end counts as inside — the line count stays, and a second run changes
 * nothing. Checked on the seeds, the real documents of test/real/docs and fuzzed documents (the
 * generator of test/fuzz, fixed PRNG seed). The changed regions come from a character diff of the
 * texts (test/unit/fix-scope.ts), not from the edits, so an edit set that claims less than it does
 * cannot pass.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { fixPass, fixText } from '../../server/src/cli/fix';
import { allCertainEdits, quickFixes, type RuledFinding } from '../../server/src/features/code-actions';
import { EMPTY_WORKSPACE } from '../../server/src/workspace';
import { makeInput } from '../fuzz/generate';
import { loadSeeds } from '../fuzz/fuzz';
import { createRng } from '../fuzz/prng';
import { changedRegions, describeRegion, lineStarts, rangeOffsets, regionsOutside } from './fix-scope';
import { ROOT, SEEDS_DIR } from './helpers';

const REAL_DIR = path.join(ROOT, 'test', 'real', 'docs');
const FUZZ_SEED = 14014;
const FUZZ_COUNT = 40;
const service = createLanguageService();
const uri = 'file:///property/input.txt';

const texts = (dir: string) =>
  fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));

/** What breaks the property for one document, as messages naming the place (empty when it holds). */
function fixProblems(name: string, original: string): string[] {
  const problems: string[] = [];
  let text = original;
  for (let pass = 1; pass <= 5; pass++) {
    const { doc, edits, text: next } = fixPass(service, uri, text);
    if (edits.length === 0 || next === text) break;
    const ranges = service.diagnostics(doc).map((d) => d.range);
    for (const r of regionsOutside(text, next, ranges).slice(0, 5)) problems.push(`${name} pass ${pass}: outside every finding: ${describeRegion(text, r)}`);
    const lines = [lineStarts(text).lines.length, lineStarts(next).lines.length];
    if (lines[0] !== lines[1]) problems.push(`${name} pass ${pass}: ${lines[0]} lines became ${lines[1]}`);
    text = next;
  }
  const fixed = fixText(service, uri, original).text;
  if (fixed !== text) problems.push(`${name}: fixText differs from its passes`);
  if (fixText(service, uri, fixed).text !== fixed) problems.push(`${name}: a second --fix changes the text again`);
  return problems;
}

/**
 * The same property one level down, per rule: each preferred fix edits only inside its own finding.
 * (The service also drops a preferred fix that would not, so this names the rule that broke it.)
 */
function ruleProblems(name: string, text: string): string[] {
  const doc = service.parse(uri, text);
  const { starts } = lineStarts(text);
  const within = (inner: Range, outer: Range) => {
    const [a, b] = rangeOffsets(starts, outer);
    const [c, d] = rangeOffsets(starts, inner);
    return a <= c && d <= b;
  };
  const problems: string[] = [];
  for (const rule of service.rules) {
    for (const finding of rule.check({ doc, settings: service.settings, knowledge: service.knowledge, workspace: EMPTY_WORKSPACE })) {
      for (const fix of finding.fixes ?? []) {
        if (!fix.preferred) continue;
        const stray = fix.edits.find((e) => !within(e.range, finding.range));
        if (stray) problems.push(`${name}: ${rule.id} line ${finding.range.start.line + 1}: “${fix.title}” edits ${JSON.stringify(stray.range)} outside ${JSON.stringify(finding.range)}`);
      }
    }
  }
  return problems;
}

/** Small defects of each kind a certain fix exists for, some next to numbering slips that --fix must leave alone. */
function crafted(): Array<{ name: string; text: string }> {
  const seed = fs.readFileSync(path.join(SEEDS_DIR, fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith('000_'))!), 'utf8');
  const inject = (from: string, to: string) => {
    assert.ok(seed.includes(from), from);
    return seed.replace(from, to);
  };
  return [
    { name: 'duplicate unit', text: inject('市科技局、团市委', '市科技局、市教体局、团市委') },
    { name: 'half-width colon and its space', text: '一、甲\n（一）工作要求。（责任单位: 市科技局）\n' },
    { name: 'numbering slips with a stated count', text: '一、提升行动\n实施3项提升行动。\n（一）甲行动。内容。\n（三）乙行动。内容。\n三、保障\n内容,结束。\n' },
  ];
}

function fuzzed(): Array<{ name: string; text: string }> {
  const rng = createRng(FUZZ_SEED);
  const seeds = loadSeeds();
  return Array.from({ length: FUZZ_COUNT }, (_, i) => {
    const input = makeInput(seeds, rng);
    return { name: `fuzz ${FUZZ_SEED}#${i} (${input.recipe.join(' ')})`, text: input.text };
  });
}

describe('lint --fix changes only what a finding names (issue #14)', function () {
  // A few seconds of CPU; generous for the shared, loaded test machine.
  this.timeout(300000);

  const corpora: Array<[string, () => Array<{ name: string; text: string }>]> = [
    ['the 5 seeds', () => texts(SEEDS_DIR)],
    ['the 20 real documents of test/real/docs', () => texts(REAL_DIR)],
    ['crafted defects', crafted],
    [`${FUZZ_COUNT} fuzzed documents (seed ${FUZZ_SEED})`, fuzzed],
  ];
  for (const [label, load] of corpora) {
    it(`${label}: every change inside a finding, same line count, a second run changes nothing`, () => {
      const docs = load();
      assert.ok(docs.length >= 3, label);
      assert.deepEqual(docs.flatMap((d) => fixProblems(d.name, d.text)), []);
    });
    it(`${label}: every preferred fix of every rule edits inside its own finding`, () => {
      assert.deepEqual(load().flatMap((d) => ruleProblems(d.name, d.text)), []);
    });
  }

  it('the seeds and real documents do get fixed (the property is not met by fixing nothing)', () => {
    const changed = [...texts(SEEDS_DIR), ...texts(REAL_DIR)].filter((d) => fixText(service, uri, d.text).text !== d.text);
    assert.ok(changed.length >= 10, `${changed.length} documents changed by --fix`);
  });
});

describe('fix-scope: the changed-region check itself', () => {
  const at = (line: number, a: number, b: number): Range => ({ start: { line, character: a }, end: { line, character: b } });

  it('finds each changed place of a line, with what replaced it', () => {
    assert.deepEqual(changedRegions('一、甲\n三、乙\n', '一、甲\n二、乙\n'), [{ start: 4, end: 5, inserted: '二' }]);
    assert.deepEqual(changedRegions('kitten', 'sitting'), [
      { start: 0, end: 1, inserted: 's' },
      { start: 4, end: 5, inserted: 'i' },
      { start: 6, end: 6, inserted: 'g' },
    ]);
    assert.deepEqual(changedRegions('a\r\nb', 'a\r\nb'), []);
  });

  it('reports a change outside every range, and accepts one inside or inserted at an end', () => {
    // 三、→二、 on line 2, but the finding is on line 1: outside.
    assert.equal(regionsOutside('一、甲\n三、乙\n', '一、甲\n二、乙\n', [at(0, 0, 2)]).length, 1);
    assert.equal(regionsOutside('一、甲\n三、乙\n', '一、甲\n二、乙\n', [at(1, 0, 2)]).length, 0);
    // 主送机关 without its colon: the colon inserted right after the finding's last character.
    assert.equal(regionsOutside('各区县\n', '各区县：\n', [at(0, 2, 3)]).length, 0);
    assert.equal(regionsOutside('各区县\n', '各区县：\n', [at(0, 0, 2)]).length, 1);
    // Two adjacent findings fixed together read as one change; a gap between them does not.
    assert.equal(regionsOutside('要求:(三)\n', '要求：（三)\n', [at(0, 2, 3), at(0, 3, 6)]).length, 0);
    assert.equal(regionsOutside('要求: (三)\n', '要求：：（三)\n', [at(0, 2, 3), at(0, 4, 7)]).length, 1);
  });

  it('places a deletion anywhere it could equally stand, but not wider than it is', () => {
    // Deleting the second “、市教育局” reads, to a diff, like deleting any copy of it.
    const before = '市教育局、市教育局、市财政局';
    const after = '市教育局、市财政局';
    assert.equal(regionsOutside(before, after, [at(0, 4, 9)]).length, 0, 'the separator and the duplicate');
    assert.equal(regionsOutside(before, after, [at(0, 5, 9)]).length, 1, 'the name alone does not cover the separator');
  });
});

describe('certain fixes: what the service applies unasked', () => {
  const range = (line: number, a: number, b: number): Range => ({ start: { line, character: a }, end: { line, character: b } });
  const finding = (r: Range, edit: Range, extra: { preview?: boolean } = {}): RuledFinding => ({
    ruleId: 'some-rule',
    diagnostic: { range: r, message: 'm' },
    fixes: [{ title: 'fix', edits: [{ range: edit, newText: 'x' }], preferred: true, ...extra }],
  });

  it('a preferred fix that edits outside its finding is offered, but neither preferred nor applied by --fix', () => {
    const inside = finding(range(0, 2, 4), range(0, 4, 4)); // an insertion at the end counts as inside
    const outside = finding(range(1, 2, 4), range(1, 4, 5));
    const previewed = finding(range(2, 0, 2), range(2, 0, 2), { preview: true });
    assert.deepEqual(allCertainEdits([inside, outside, previewed]).map((e) => e.range.start.line), [0]);
    const actions = quickFixes('mem://x', [inside, outside, previewed], { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, ['quickfix']);
    assert.deepEqual(actions.filter((a) => a.title === 'fix').map((a) => a.isPreferred), [true, false, false]);
    // The fix-all action counts only certain fixes: one here, so none is offered.
    assert.equal(actions.filter((a) => a.title.startsWith('修复本文中全部')).length, 0);
  });
});
