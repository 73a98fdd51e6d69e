/**
 * The skeleton generator behind "新建实施方案" (issue #6). Acceptance: the built `gongwen lint`
 * reports every placeholder of a generated document as an error of the `placeholder` rule, so the
 * skeleton does not pass until it is filled in (issue #13), and reports nothing else.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { generateSkeleton, isDocNumber, parentTarget, parsePeriod, PLACEHOLDER, type SkeletonInput } from '../../server/src/drafting/skeleton';
import { jurisdictionChain, parentPlans } from '../../server/src/drafting/parents';
import { bundledDepartments } from '../../server/src/knowledge/departments';
import { bundledPlans } from '../../server/src/knowledge/plans';
import { parseDocument } from '../../server/src/model/parse';
import { NOTICE_ELEMENT_ORDER } from '../../server/src/model/types';
import { ROOT, offsetAt } from './helpers';

const plans = bundledPlans().entries;
const plan = (id: string) => {
  const p = plans.find((e) => e.id === id);
  if (!p) throw new Error(`no plan ${id} in the registry`);
  return p;
};

const INPUTS: Record<string, SkeletonInput> = {
  'county under Shandong': {
    jurisdiction: '平阴县', docNumber: '平政字〔2022〕21号', period: [2021, 2025],
    parents: [plan('national-2021'), plan('shandong-2021')], date: { year: 2022, month: 7, day: 12 },
  },
  'county-level city under 威海': {
    jurisdiction: '乳山市', docNumber: '乳政发〔2022〕6号', period: [2021, 2025],
    parents: [plan('weihai-2021'), plan('national-2021'), plan('shandong-2021')], date: { year: 2022, month: 10, day: 3 },
  },
  'district, nothing chosen yet': { jurisdiction: '济宁市兖州区', period: [2021, 2025], parents: [], date: { year: 2023, month: 1, day: 31 } },
  // What 新建实施方案 preselects (issue #20): the city's plan too, so the target is the nearest parent's.
  '乳山市 with the parents the command preselects': {
    jurisdiction: '乳山市', period: [2021, 2025], parents: parentPlans(plans, [2021, 2025], '乳山市', bundledDepartments().lists), date: { year: 2024, month: 3, day: 5 },
  },
  '平阴县 with the parents the command preselects': {
    jurisdiction: '平阴县', period: [2021, 2025], parents: parentPlans(plans, [2021, 2025], '平阴县', bundledDepartments().lists), date: { year: 2024, month: 3, day: 5 },
  },
};

function placeholderOffsets(text: string): Array<[number, number]> {
  return [...text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length]);
}

function coversPlaceholder(text: string, range: Range, holes: Array<[number, number]>): boolean {
  const start = offsetAt(text, range.start.line, range.start.character);
  const end = offsetAt(text, range.end.line, range.end.character);
  return holes.some(([s, e]) => start < e && s < Math.max(end, start + 1));
}

describe('skeleton generator', () => {
  it('writes the notice elements in GB/T 9704 order, then the plan', () => {
    const text = generateSkeleton(INPUTS['county under Shandong']);
    const doc = parseDocument('file:///new.gw', text);
    const present = NOTICE_ELEMENT_ORDER.filter((n) => doc.notice[n]);
    for (const name of ['发文机关标志', '发文字号', '标题', '主送机关', '正文', '发文机关署名', '成文日期', '附注', '方案标题'] as const) {
      assert.ok(doc.notice[name], `missing ${name}`);
    }
    const lines = present.map((n) => doc.notice[n]!.range.start.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'elements in standard order');
    assert.equal(doc.notice.发文字号!.text, '平政字〔2022〕21号');
    assert.equal(doc.notice.方案标题!.text, '平阴县全民科学素质行动规划纲要实施方案（2021—2025年）');
  });

  it('has the plan parts of the national template: 5 提升行动 and 4 重点工程', () => {
    const doc = parseDocument('file:///new.gw', generateSkeleton(INPUTS['county under Shandong']));
    assert.deepEqual(doc.headings.map((h) => h.title), ['总体要求', '提升行动', '重点工程', '保障措施']);
    assert.deepEqual(doc.headings[0].children.map((h) => h.title), ['指导思想', '基本原则', '工作目标']);
    assert.equal(doc.headings[1].children.length, 5);
    assert.equal(doc.headings[2].children.length, 4);
    assert.deepEqual(doc.counts.map((c) => [c.noun, c.count]), [['提升行动', 5], ['重点工程', 4]]);
  });

  it("takes the nearest parent's target: 16% under Shandong, 17% under 威海", () => {
    const county = parseDocument('file:///a.gw', generateSkeleton(INPUTS['county under Shandong']));
    assert.deepEqual(county.targets.map((t) => [t.year, t.value, t.comparator]), [[2025, 16, '>=']]);
    const city = parseDocument('file:///b.gw', generateSkeleton(INPUTS['county-level city under 威海']));
    assert.deepEqual(city.targets.map((t) => [t.year, t.value]), [[2025, 17]]);
    assert.equal(parentTarget([plan('national-2021')], 2025)?.target.comparator, '>');
    assert.match(generateSkeleton({ ...INPUTS['county under Shandong'], parents: [plan('national-2021')] }), /比例超过15%/);
  });

  it('cites every chosen parent with its 文号, and uses the jurisdiction prefix (区) throughout', () => {
    const text = generateSkeleton(INPUTS['county under Shandong']);
    assert.ok(text.includes('《全民科学素质行动规划纲要（2021—2035年）》（国发〔2021〕9号）和《山东省全民科学素质行动规划纲要实施方案（2021—2025年）》（鲁政发〔2021〕25号）'));
    const district = generateSkeleton(INPUTS['district, nothing chosen yet']);
    assert.match(district, /区政府各部门/);
    assert.match(district, /全区公民具备科学素质的比例达到【请填写：目标值】/);
    assert.doesNotMatch(district, /县/);
  });

  describe('gongwen lint (built dist/cli.js) on generated documents', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-skeleton-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    type Linted = { diagnostics: Array<{ rule: string; severity: string; message: string; range: Range }>; status: number | null };

    function lint(name: string, text: string): Linted {
      const file = path.join(dir, `${name}.gw`);
      fs.writeFileSync(file, text);
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '-f', 'json', file], { encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const [result] = JSON.parse(r.stdout) as Array<{ diagnostics: Linted['diagnostics'] }>;
      return { diagnostics: result.diagnostics, status: r.status };
    }

    /** Findings of the built CLI that do not touch a placeholder. */
    function strayFindings(name: string, text: string): string[] {
      const holes = placeholderOffsets(text);
      return lint(name, text).diagnostics.filter((d) => !coversPlaceholder(text, d.range, holes)).map((d) => `${d.range.start.line + 1} ${d.rule} ${d.message}`);
    }

    for (const [name, input] of Object.entries(INPUTS)) {
      it(`reports each placeholder as a placeholder error, and nothing else (${name})`, () => {
        const text = generateSkeleton(input);
        const { diagnostics, status } = lint(input.jurisdiction, text);
        const found = diagnostics.map((d) => {
          const from = offsetAt(text, d.range.start.line, d.range.start.character);
          return `${text.slice(from, offsetAt(text, d.range.end.line, d.range.end.character))} ${d.rule} ${d.severity}`;
        });
        const holes = [...text.matchAll(PLACEHOLDER)].map((m) => `${m[0]} placeholder error`);
        assert.ok(holes.length >= 10, 'the skeleton has placeholders to fill in');
        assert.deepEqual(found, holes);
        assert.equal(status, 1, 'errors: the unfilled skeleton does not pass');
      });
    }

    it('passes once every placeholder is filled in', () => {
      const text = generateSkeleton(INPUTS['county under Shandong']).replace(PLACEHOLDER, (hole) => (hole.includes('责任单位') ? '县科协' : '已填写'));
      assert.deepEqual(lint('filled', text).diagnostics.map((d) => `${d.range.start.line + 1} ${d.rule}`), []);
    });

    it('would see a real defect slipped into a skeleton (a padded month)', () => {
      const text = generateSkeleton(INPUTS['county under Shandong']).replace('2022年7月12日', '2022年07月12日');
      assert.ok(strayFindings('defect', text).some((f) => f.includes('date-format')));
    });
  });
});

describe('skeleton command answers', () => {
  it('reads a period with the 一字线 or a hyphen, and refuses a backward one', () => {
    assert.deepEqual(parsePeriod('2021—2025'), [2021, 2025]);
    assert.deepEqual(parsePeriod(' 2026-2030年 '), [2026, 2030]);
    assert.equal(parsePeriod('2025—2021'), undefined);
    assert.equal(parsePeriod('十四五'), undefined);
  });

  it('accepts a 文号 in the GB/T 9704 form only', () => {
    assert.equal(isDocNumber('平政字〔2022〕21号'), true);
    assert.equal(isDocNumber('平政字[2022]21号'), false);
    assert.equal(isDocNumber('平政字〔2022〕021号'), false);
    assert.equal(isDocNumber('平政字〔2022〕第21号'), false);
  });

  it('knows each place\'s parents: county → city → province (issue #20)', () => {
    const lists = bundledDepartments().lists;
    assert.deepEqual(jurisdictionChain('乳山市', lists), ['乳山市', '威海市', '山东省']);
    assert.deepEqual(jurisdictionChain('济宁市兖州区', lists), ['兖州区', '济宁市', '山东省']);
    assert.deepEqual(jurisdictionChain('平阴县', lists), ['平阴县', '济南市', '山东省']);
    assert.deepEqual(jurisdictionChain('青岛市'), ['青岛市', '山东省']);
    assert.deepEqual(jurisdictionChain('某某县'), ['某某县']);
    // A cycle in a user's lists stops.
    assert.deepEqual(jurisdictionChain('甲县', [{ jurisdiction: '甲县', parent: '乙市' }, { jurisdiction: '乙市', parent: '甲县' }]), ['甲县', '乙市']);
  });

  it('preselects the national plans and those of the jurisdiction\'s own city and province, of an overlapping period (issue #20)', () => {
    const lists = bundledDepartments().lists;
    const ids = (j: string, period: [number, number] = [2021, 2025]) => parentPlans(plans, period, j, lists).map((p) => p.id).sort();
    assert.deepEqual(ids('乳山市'), ['national-2021', 'shandong-2021', 'weihai-2021']);
    assert.deepEqual(ids('平阴县'), ['jinan-2022', 'national-2021', 'shandong-2021']);
    assert.deepEqual(ids('济宁市兖州区'), ['national-2021', 'shandong-2021']);
    assert.deepEqual(ids('威海市'), ['national-2021', 'shandong-2021'], 'a city is not its own parent');
    assert.deepEqual(ids('淄博市', [2016, 2020]), ['national-2006', 'national-2016', 'shandong-2016']);
    assert.deepEqual(ids('某某县'), ['national-2021'], 'unknown parents: the national plan only');
  });
});
