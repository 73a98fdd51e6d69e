/**
 * `gongwen lint --fix` and `--fix-dry-run` (issue #3), run as a user runs the built CLI on copies
 * of the seeds in a temporary folder. Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { applyEdits, fixText, unifiedDiff } from '../../server/src/cli/fix';
import { applyEdits as applyOneByOne } from './format-edits';
import { createRng } from '../fuzz/prng';
import { ROOT } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const service = createLanguageService();

function gongwen(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copySeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fix-'));
  for (const f of SEEDS) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, f));
  return dir;
}

/** Findings that carry a certain fix, as `line rule` (what --fix must leave none of). */
function fixable(text: string): string[] {
  const doc = service.parse('mem://x.txt', text);
  return service.certainEdits(doc).map((e) => `${e.range.start.line + 1}`);
}

describe('gongwen lint --fix', () => {
  it('fixes every certain finding of each seed copy in place and changes nothing else', () => {
    const dir = copySeeds();
    const run = gongwen(['lint', '--fix', ...SEEDS], dir);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    for (const f of SEEDS) {
      const original = fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8');
      const fixed = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(fixable(original).length > 0, `${f} had certain fixes`);
      assert.notEqual(fixed, original, f);
      // Exactly the certain edits, applied until stable: every other character is the original's.
      assert.equal(fixed, fixText(service, `file://${path.join(dir, f)}`, original).text, f);
      assert.deepEqual(fixable(fixed), [], `${f}: no certain fix left`);
      assert.match(run.stdout, new RegExp(`${f.replace('.', '\\.')}：已修复 \\d+ 处`));
    }
    // The lint after --fix shows none of the fixed findings.
    const after = JSON.parse(gongwen(['lint', '--format', 'json', ...SEEDS], dir).stdout);
    const codes = after.flatMap((r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((d) => d.code));
    for (const gone of ['doc-number', 'date-format', 'range-dash', 'punctuation-width', 'numeral-zero']) assert.ok(!codes.includes(gone), gone);
  });

  it('keeps the BOM and CRLF line endings of a file, and leaves a clean file untouched', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fix-'));
    const seed = fs.readFileSync(path.join(ROOT, 'seeds', SEEDS[4]), 'utf8');
    const crlf = seed.replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(dir, 'bom-crlf.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]));
    fs.writeFileSync(path.join(dir, 'clean.gw'), '一、甲\n二、乙\n');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(path.join(dir, 'clean.gw'), past, past);
    const run = gongwen(['lint', '--fix', 'bom-crlf.txt', 'clean.gw'], dir);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const bytes = fs.readFileSync(path.join(dir, 'bom-crlf.txt'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    assert.equal(text.split('\r\n').length, crlf.split('\r\n').length);
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF introduced');
    assert.ok(text.includes('二〇三五年') && text.includes('（2021—2025年）'));
    assert.equal(fs.statSync(path.join(dir, 'clean.gw')).mtimeMs, past.getTime(), 'a clean file is not written');
    assert.doesNotMatch(run.stdout, /clean\.gw：已修复/);
  });

  it('--fix-dry-run prints a unified diff, writes nothing and exits 1 when something would change', () => {
    const dir = copySeeds();
    const before = fs.readFileSync(path.join(dir, SEEDS[4]));
    const run = gongwen(['lint', '--fix-dry-run', SEEDS[4]], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(fs.readFileSync(path.join(dir, SEEDS[4])), before);
    assert.match(run.stdout, new RegExp(`^--- a/${SEEDS[4].replace('.', '\\.')}\\n\\+\\+\\+ b/`));
    assert.match(run.stdout, /^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    assert.match(run.stdout, /^-.*二Ｏ三五年/m);
    assert.match(run.stdout, /^\+.*二〇三五年/m);
    const clean = path.join(dir, 'clean.gw');
    fs.writeFileSync(clean, '一、甲\n二、乙\n');
    const none = gongwen(['lint', '--fix-dry-run', 'clean.gw'], dir);
    assert.equal(none.status, 0);
    assert.equal(none.stdout, '');
  });

  it('refuses --fix with --fix-dry-run, and --fix outside lint', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fix-'));
    assert.equal(gongwen(['lint', '--fix', '--fix-dry-run', 'x.gw'], dir).status, 2);
    assert.equal(gongwen(['outline', '--fix', 'x.gw'], dir).status, 2);
  });
});

describe('applyEdits (one rebuild per pass, issue #14)', () => {
  const pos = (line: number, character: number) => ({ line, character });

  it('gives what applying the edits one by one gives, on random edit sets over CRLF and LF lines', () => {
    const rng = createRng(1414);
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: rng.range(1, 8) }, () => '甲乙丙丁戊己庚'.slice(0, rng.int(8))).join(rng.chance(0.5) ? '\r\n' : '\n');
      const doc = service.parse('mem://apply.gw', text);
      // Non-overlapping edits at distinct places: each line offers its own characters in order.
      const edits = doc.lines.flatMap((l, line) => {
        const out = [];
        for (let c = 0; c < l.text.length; c += 2) {
          if (rng.chance(0.5)) out.push({ range: { start: pos(line, c), end: pos(line, c + rng.int(2)) }, newText: rng.pick(['', '〇', '，，']) });
        }
        return out;
      });
      const shuffled = [...edits].sort(() => rng.next() - 0.5);
      assert.equal(applyEdits(doc, shuffled), applyOneByOne(text, edits), JSON.stringify({ text, edits }));
    }
  });

  it('keeps insertions at one place in their order (as LSP applies them) and skips an overlapping edit', () => {
    const doc = service.parse('mem://apply.gw', '一二三');
    const at1 = { start: pos(0, 1), end: pos(0, 1) };
    assert.equal(applyEdits(doc, [{ range: at1, newText: 'a' }, { range: at1, newText: 'b' }]), '一ab二三');
    assert.equal(applyEdits(doc, [{ range: { start: pos(0, 0), end: pos(0, 2) }, newText: 'X' }, { range: { start: pos(0, 1), end: pos(0, 3) }, newText: 'Y' }]), 'X三');
  });
});

describe('unifiedDiff', () => {
  it('gives hunks with context and merges nearby changes', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n');
    const b = ['1', '2', 'x', '4', 'y', '6', '7', '8', '9', '10'].join('\n');
    assert.equal(unifiedDiff('f.txt', a, b), ['--- a/f.txt', '+++ b/f.txt', '@@ -1,8 +1,8 @@', ' 1', ' 2', '-3', '+x', ' 4', '-5', '+y', ' 6', ' 7', ' 8', ''].join('\n'));
    assert.equal(unifiedDiff('f.txt', a, a), '');
  });
});
