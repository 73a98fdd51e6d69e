/** `gongwen align`, `gongwen coverage` and `lint --upper` in process (main() with a recording io). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { seedPath } from './helpers';

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), colour: false }, '0.0.0');
  return { code, out, err };
}

const rushan = seedPath('000');
const weihai = seedPath('002');

describe('CLI: align and coverage', () => {
  it('align --format json has the shape of the issue, one entry per clause', () => {
    const r = run('align', '--upper', weihai, '--format', 'json', rushan);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['file', 'upper', 'matches']);
    assert.equal(json.file, rushan);
    assert.equal(json.upper, weihai);
    assert.equal(json.matches.length, 46);
    for (const m of json.matches) {
      assert.deepEqual(Object.keys(m), ['clause', 'match']);
      assert.deepEqual(Object.keys(m.clause), ['title', 'range']);
      if (m.match !== null) {
        assert.deepEqual(Object.keys(m.match), ['title', 'range', 'score']);
        assert.ok(m.match.score >= 0.5 && m.match.score <= 1);
      }
    }
    const elderly = json.matches.find((m: any) => m.clause.title === '老年人科学素质提升行动');
    assert.equal(elderly.clause.range.start.line, 284);
    assert.equal(elderly.match.title, '提升老年人科学素质');
    assert.ok(json.matches.some((m: any) => m.match === null), 'some clauses have no match');
  });

  it('align as text: a line per clause with the match or （无对应条款）', () => {
    const r = run('align', '--upper', weihai, rushan);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /285 +（四）老年人科学素质提升行动 +（十三）提升老年人科学素质（第 104 行） +0\.\d\d/);
    assert.match(r.out, /（无对应条款）/);
  });

  it('coverage: a table of the upper clauses with covered / weak / missing', () => {
    const r = run('coverage', '--upper', weihai, rushan);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /已覆盖 \d+ · 较弱 \d+ · 缺失 \d+/);
    assert.match(r.out, /（十三）提升老年人科学素质 +已覆盖 +（四）老年人科学素质提升行动（第 285 行）/);
    assert.match(r.out, /（六）推进科普产业发展 +缺失/);
  });

  it('lint reads the upper documents of gongwen.json `upper` (per document, a glob relative to gongwen.json)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-upper-'));
    try {
      fs.writeFileSync(path.join(dir, '000.txt'), fs.readFileSync(rushan, 'utf8').replace('比例达到 17%', '比例达到 16.5%'));
      fs.copyFileSync(weihai, path.join(dir, '002.txt'));
      const config = path.join(dir, 'gongwen.json');
      fs.writeFileSync(config, JSON.stringify({ upper: { '000.txt': ['00?.txt'] } }));
      const r = run('lint', '--format', 'json', '--config', config, path.join(dir, '000.txt'));
      const found = JSON.parse(r.out).flatMap((f: any) => f.diagnostics).filter((d: any) => d.rule === 'target-below-upper');
      assert.equal(found.length, 1, r.err);
      assert.match(found[0].message, /威海《关于新时代进一步加强科学技术普及工作的实施意见》/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('align without --upper, or with two files, is a usage error', () => {
    assert.equal(run('align', rushan).code, 2);
    assert.equal(run('coverage', '--upper', weihai, rushan, weihai).code, 2);
  });

  it('lint --upper holds targets against the upper file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-upper-'));
    try {
      const lowered = path.join(dir, '乳山.txt');
      fs.writeFileSync(lowered, fs.readFileSync(rushan, 'utf8').replace('比例达到 17%', '比例达到 16.5%'));
      const r = run('lint', '--format', 'json', '--upper', weihai, lowered);
      const found = JSON.parse(r.out).flatMap((f: any) => f.diagnostics).filter((d: any) => d.rule === 'target-below-upper');
      assert.equal(found.length, 1, r.out.slice(0, 400));
      assert.match(found[0].message, /低于上级威海《关于新时代进一步加强科学技术普及工作的实施意见》的力争达到17%/);
      // Without --upper the registry's 威海 plan (cited by the seed) is the nearest parent.
      const plain = JSON.parse(run('lint', '--format', 'json', lowered).out).flatMap((f: any) => f.diagnostics).filter((d: any) => d.rule === 'target-below-upper');
      assert.match(plain[0].message, /威海市全民科学素质行动规划纲要实施方案/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
