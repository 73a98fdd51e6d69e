/**
 * Unit quick fixes keep the PDF's line breaks: a unit name wrapped across lines (and across a
 * `— 2 —` page-number line) is replaced inside its pieces, so the fix neither joins lines nor
 * drops the page number, and `lint --fix` keeps every seed's line count. The fixture
 * `unit-outdated.wrapped.gw` is also checked by rules.test.ts for its exact findings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { fixText } from '../../server/src/cli/fix';
import { joinedReplace } from '../../server/src/rules/format/joined';
import { FIXTURES_DIR, ROOT, SEEDS_DIR, loadFixtures, readSeed } from './helpers';
import { applyEdits } from './format-edits';

const service = createLanguageService();
const URI = 'mem://wrapped.gw';
const lineCount = (text: string) => text.split(/\r\n|\n|\r/).length;
const codes = (text: string) => service.diagnostics(service.parse(URI, text)).map((d) => `${d.range.start.line + 1} ${d.code}`);

/** The edits of the first fix of the first finding of `code`. */
function fixOf(text: string, code: string, nth = 0): TextEdit[] {
  const doc = service.parse(URI, text);
  const d = service.diagnostics(doc).filter((x) => x.code === code)[nth];
  assert.ok(d, `a ${code} finding`);
  const action = service.codeActions(doc, d.range).find((a) => a.diagnostics?.some((x) => x.code === code) && a.edit);
  assert.ok(action, `a fix for ${code}`);
  return action.edit!.changes![URI];
}

/** The body of a 乳山 plan (notice of the unit-outdated fixture) with `lines` as its task items. */
function plan(lines: string[]): string {
  const fixture = fs.readFileSync(path.join(FIXTURES_DIR, 'unit-outdated.after-reform.gw'), 'utf8').split('\n');
  return [...fixture.slice(0, 14), '一、提升行动', '（一）青少年科学素质提升行动', ...lines, ''].join('\n');
}

describe('unit fixes keep the line breaks of a wrapped name', () => {
  const fixture = loadFixtures().find((f) => f.name === 'unit-outdated.wrapped.gw')!;

  it('the fixture wraps 市卫生计生委 across a page-number line and 市安监局 across a line break', () => {
    assert.ok(fixture.text.includes('市卫生计\n\n— 2 —\n\n生委、市安\n监局'));
    assert.deepEqual(fixture.expected, ['18 unit-outdated', '22 unit-outdated']);
  });

  it('replaces a name wrapped across a page-number line inside its pieces', () => {
    const fixed = applyEdits(fixture.text, fixOf(fixture.text, 'unit-outdated', 0));
    assert.equal(lineCount(fixed), lineCount(fixture.text));
    assert.ok(fixed.includes('（市教体局、市卫生健\n\n— 2 —\n\n康局、市安\n监局、'), fixed);
    assert.deepEqual(codes(fixed), ['22 unit-outdated']);
  });

  it('puts the extra characters of a longer name into the last piece', () => {
    const fixed = applyEdits(fixture.text, fixOf(fixture.text, 'unit-outdated', 1));
    assert.equal(lineCount(fixed), lineCount(fixture.text));
    assert.ok(fixed.includes('生委、市应\n急管理局、市科协按职责分工负责）'), fixed);
    assert.deepEqual(codes(fixed), ['18 unit-outdated']);
  });

  it('formatting (certain edits) fixes both and keeps every line', () => {
    const doc = service.parse(URI, fixture.text);
    const fixed = applyEdits(fixture.text, service.certainEdits(doc));
    assert.equal(lineCount(fixed), lineCount(fixture.text));
    const expected = fixture.text.replace('市卫生计\n\n— 2 —\n\n生委、市安\n监局', '市卫生健\n\n— 2 —\n\n康局、市应\n急管理局');
    assert.equal(fixed, expected);
    assert.deepEqual(codes(fixed), []);
  });

  it('unit-alias in seed 001: 区市场监督管理 | 局 becomes 区市场监管 | 局 with the blank line kept', () => {
    const seed = readSeed('001');
    assert.ok(seed.includes('区市场监督管理\n\n局'));
    const fixed = applyEdits(seed, fixOf(seed, 'unit-alias'));
    assert.equal(lineCount(fixed), lineCount(seed));
    assert.equal(fixed, seed.replace('区市场监督管理\n\n局', '区市场监管\n\n局'));
    assert.ok(!codes(fixed).some((c) => c.endsWith(' unit-alias')));
  });

  it('unit-order sorts a list whose names are wrapped without deleting its line breaks', () => {
    const text = plan(['1.弘扬科学精神。开展科学家精神进校园活动。（市委宣传部、市科', '', '— 3 —', '', '协、市教体局、市科技局按职责分工负责）']);
    assert.deepEqual(codes(text), ['17 unit-order']);
    const fixed = applyEdits(text, fixOf(text, 'unit-order'));
    assert.equal(lineCount(fixed), lineCount(text));
    assert.ok(fixed.includes('（市委宣传部、市教\n\n— 3 —\n\n体局、市科技局、市科协按职责分工负责）'), fixed);
    assert.deepEqual(codes(fixed), []);
  });

  it('unit-duplicate removes a wrapped repeated name and its separator, keeping the break', () => {
    const text = plan(['1.弘扬科学精神。开展科学家精神进校园活动。（市委宣传部、市教体局、市教', '体局、市科协按职责分工负责）']);
    assert.deepEqual(codes(text), ['17 unit-duplicate']);
    const fixed = applyEdits(text, fixOf(text, 'unit-duplicate'));
    assert.equal(lineCount(fixed), lineCount(text));
    assert.ok(fixed.includes('（市委宣传部、市教体局\n、市科协按职责分工负责）'), fixed);
    assert.deepEqual(codes(fixed), []);
  });

  it('unit-level keeps a break inside the name it replaces', () => {
    const text = plan(['1.弘扬科学精神。开展科学家精神进校园活动。（市委宣传部、市教体局、县科', '协按职责分工负责）']);
    assert.deepEqual(codes(text), ['17 unit-level']);
    const fixed = applyEdits(text, fixOf(text, 'unit-level'));
    assert.equal(fixed, text.replace('县科\n协', '市科\n协'));
  });
});

describe('joinedReplace', () => {
  /** A document of `lines` as one block (the model joins them), and the joined index of `name`. */
  function at(text: string, name: string) {
    const doc = service.parse(URI, text);
    const block = doc.blocks.find((b) => b.text.includes(name))!;
    const from = block.text.indexOf(name);
    return { doc, block, from, to: from + name.length };
  }
  const replace = (text: string, name: string, by: string) => {
    const { doc, block, from, to } = at(text, name);
    return applyEdits(text, [joinedReplace(doc, block, from, to, by)]);
  };
  const text = '1.加强协作。（市委宣传部、市卫生计\n\n— 4 —\n\n生委负责）\n';

  it('keeps the page-number line and puts each new character into the piece of the old one', () => {
    assert.equal(replace(text, '市卫生计生委', '市卫生健康委'), text.replace('计\n\n— 4 —\n\n生', '健\n\n— 4 —\n\n康'));
  });

  it('a longer new name takes its extra characters in the last piece, a shorter one gives them up there', () => {
    assert.equal(replace(text, '市卫生计生委', '市卫生和计划生育委员会'), text.replace('计\n\n— 4 —\n\n生委', '和\n\n— 4 —\n\n计划生育委员会'));
    assert.equal(replace(text, '市卫生计生委', '市卫委'), text.replace('卫生计\n\n— 4 —\n\n生委', '卫\n\n— 4 —\n\n委'));
    assert.equal(replace(text, '市卫生计生委', ''), text.replace('市卫生计\n\n— 4 —\n\n生委', '\n\n— 4 —\n\n'));
  });

  it('an insertion goes after the kept start, and one edit changes nothing outside the name', () => {
    assert.equal(replace(text, '市卫生计生委', '市卫生计生委员会'), text.replace('生委负责', '生委员会负责'));
    assert.equal(replace(text, '市卫生计生委', '市卫生计生委'), text);
    const { doc, block, from, to } = at(text, '市卫生计生委');
    const edit = joinedReplace(doc, block, from, to, '市卫生健康委');
    assert.deepEqual(edit.range, { start: { line: 0, character: 17 }, end: { line: 4, character: 1 } });
  });
});

describe('lint --fix keeps the line count of every seed', () => {
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

  it('in memory: every certain fix, applied until stable, keeps each seed\'s lines', () => {
    assert.equal(seeds.length, 5);
    for (const f of seeds) {
      const original = fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8');
      const { text } = fixText(service, `file:///tmp/${f}`, original);
      assert.equal(lineCount(text), lineCount(original), f);
    }
  });

  it('the built CLI on copies of the seeds (run `npm run build` first)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fix-lines-'));
    for (const f of seeds) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, f));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--fix', ...seeds], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    for (const f of seeds) {
      const original = fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8');
      const fixed = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.equal(lineCount(fixed), lineCount(original), f);
    }
    // Seed 001's wrapped 区市场监督管理 | 局 is fixed and no unit-alias is left.
    const fixed001 = fs.readFileSync(path.join(dir, seeds[1]), 'utf8');
    assert.ok(fixed001.includes('区市场监管\n\n局'));
    const after = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', ...seeds], { cwd: dir, encoding: 'utf8' }).stdout);
    const left = after.flatMap((r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((d) => d.code));
    assert.ok(!left.includes('unit-alias'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
