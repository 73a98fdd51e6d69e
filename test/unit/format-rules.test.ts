/**
 * The format checks for issuance (issue #3): each rule finds a defect injected into a copy of a
 * seed, its certain fix gives back the corrected text, and on the five seeds every finding of
 * these rules is a real defect (exact lists below, with the reason for each).
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { readSeed, textAt } from './helpers';
import { applyEdits } from './format-edits';

export const FORMAT_RULES = ['doc-number', 'date-format', 'range-dash', 'punctuation-width', 'numeral-zero', 'notice-elements', 'title-mismatch'];

const service = createLanguageService();
const parse = (text: string) => service.parse('mem://seed-copy.txt', text);
const ours = (text: string): Diagnostic[] => service.diagnostics(parse(text)).filter((d) => FORMAT_RULES.includes(String(d.code)));

/** Replaces exactly one occurrence (fails when the seed text is not as expected). */
function inject(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  assert.ok(i >= 0 && text.indexOf(from, i + 1) < 0, `“${from}” occurs once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The preferred quick fix of the one finding of `rule` on `line` (1-based), applied. */
function fixOne(text: string, rule: string, line: number): { diagnostic: Diagnostic; fixed: string } {
  const doc = parse(text);
  const found = service.diagnostics(doc).filter((d) => d.code === rule && d.range.start.line + 1 === line);
  assert.equal(found.length, 1, `one ${rule} finding on line ${line}: ${JSON.stringify(service.diagnostics(doc).filter((d) => d.code === rule).map((d) => d.range.start.line + 1))}`);
  const [diagnostic] = found;
  const action = service.codeActions(doc, diagnostic.range).find((a) => a.isPreferred && a.diagnostics?.[0] === diagnostic);
  assert.ok(action, `a preferred fix for ${rule}`);
  return { diagnostic, fixed: applyEdits(text, action.edit!.changes!['mem://seed-copy.txt']) };
}

describe('format rules: a defect injected into a seed is found and fixed', () => {
  it('doc-number: 乳政发[2022]第06号 → 乳政发〔2022〕6号', () => {
    const seed = readSeed('000');
    const broken = inject(seed, '乳政发〔2022〕6号', '乳政发[2022]第06号');
    const { diagnostic, fixed } = fixOne(broken, 'doc-number', 2);
    assert.equal(textAt(broken, diagnostic.range), '乳政发[2022]第06号');
    assert.match(String(diagnostic.message), /六角括号/);
    assert.match(String(diagnostic.message), /第/);
    assert.match(String(diagnostic.message), /应为“乳政发〔2022〕6号”/);
    assert.equal(fixed, seed);
  });

  it('doc-number: a cited 文号 without 号 and with a space', () => {
    const seed = readSeed('004');
    const broken = inject(seed, '（国发〔2021〕9号，', '（国发〔2021〕 9，');
    const { diagnostic, fixed } = fixOne(broken, 'doc-number', 26);
    assert.match(String(diagnostic.message), /^引用的文号“国发〔2021〕 9”/);
    assert.equal(fixed, seed);
  });

  it('date-format: a leading zero on the day of 成文日期', () => {
    const seed = readSeed('004');
    const broken = inject(seed, '2022年11月7日', '2022年11月07日');
    const { diagnostic, fixed } = fixOne(broken, 'date-format', 18);
    assert.equal(diagnostic.severity, 2);
    assert.match(String(diagnostic.message), /前导 0/);
    assert.equal(fixed, seed);
  });

  it('date-format: PDF spaces alone are information, and the fix removes only them', () => {
    const seed = readSeed('000');
    const { diagnostic, fixed } = fixOne(seed, 'date-format', 14);
    assert.equal(diagnostic.severity, 3);
    assert.equal(fixed, inject(seed, '2022年 7月 12日', '2022年7月12日'));
  });

  it('range-dash: 2021-2025 in the notice body, with the mix named', () => {
    const seed = readSeed('000');
    const broken = inject(seed, '（2021—2025年）》印发', '（2021-2025年）》印发');
    const { diagnostic, fixed } = fixOne(broken, 'range-dash', 10);
    assert.equal(textAt(broken, diagnostic.range), '2021-2025');
    assert.match(String(diagnostic.message), /写法不统一/);
    assert.equal(fixed, seed);
  });

  it('punctuation-width: a half-width 附注', () => {
    const seed = readSeed('000');
    const broken = inject(seed, '（此件公开发布）', '(此件公开发布)');
    const { diagnostic, fixed } = fixOne(broken, 'punctuation-width', 16);
    assert.equal(textAt(broken, diagnostic.range), '(此件公开发布)');
    assert.equal(fixed, seed);
  });

  it('numeral-zero: 二O三五年', () => {
    const seed = readSeed('000');
    const broken = inject(seed, '二〇三五年', '二O三五年');
    const line = broken.split('\n').findIndex((l) => l.includes('二O三五')) + 1;
    const { diagnostic, fixed } = fixOne(broken, 'numeral-zero', line);
    assert.equal(textAt(broken, diagnostic.range), '二O三五');
    assert.match(String(diagnostic.message), /“二〇三五”/);
    assert.equal(fixed, seed);
  });

  it('notice-elements: a 主送机关 ending in a half-width colon', () => {
    const seed = readSeed('004');
    const broken = inject(seed, '县政府各部门：', '县政府各部门:');
    const { diagnostic, fixed } = fixOne(broken, 'notice-elements', 14);
    assert.equal(textAt(broken, diagnostic.range), ':');
    assert.equal(fixed, seed);
    assert.deepEqual(ours(broken).filter((d) => d.code === 'punctuation-width' && d.range.start.line === 13), [], 'reported once, by notice-elements');
  });

  it('notice-elements: a missing 发文机关署名 is named', () => {
    const seed = readSeed('000');
    const broken = inject(seed, '乳山市人民政府\n\n2022年', '2022年');
    const found = ours(broken).filter((d) => d.code === 'notice-elements');
    assert.equal(found.length, 1);
    assert.match(String(found[0].message), /缺少“发文机关署名”/);
  });

  it('title-mismatch: the notice names another plan title (no automatic fix)', () => {
    const seed = readSeed('004');
    const broken = inject(seed, '现将《平阴县“十四五”全民科学素质行动规划纲要实施方案》', '现将《平阴县“十四五”全民科学素质提升实施方案》');
    const found = ours(broken).filter((d) => d.code === 'title-mismatch');
    assert.equal(found.length, 1);
    assert.equal(textAt(broken, found[0].range), '《平阴县“十四五”全民科学素质提升实施方案》');
    assert.match(String(found[0].message), /平阴县“十四五”全民科学素质行动规划纲要实施方案/);
    assert.deepEqual(service.certainEdits(parse(broken)).filter((e) => e.range.start.line === found[0].range.start.line && e.newText.includes('行动')), []);
  });
});

/**
 * Every finding of these rules on the seeds is a real defect of that seed:
 * - 000: 成文日期 `2022年 7月 12日` has PDF spaces (information); line 488 `工作,提升` a half-width comma.
 * - 001: `2021-2025`/`2021-2035` ranges with a hyphen in the title (6), the notice body (14) and the
 *   plan's preamble (26, 28, 30) while the plan title writes `2021—2025`; 成文日期 and 印发日期
 *   `2022年 6月 18日` have PDF spaces (information).
 * - 002: 发文字号 `威科字〔2024〕8号` stands after the title (GB/T 9704 puts it before); half-width
 *   `(此件公开发布)` (50), `(以下简称“科普”)` and the two cited 文号 in `(…)` (54), a `）` written `)`
 *   (92), and on 94–100 half-width `, : ( )` in 党校(行政学院), (责任单位:…) and the run-on text.
 * - 003: `淄政办发〔2016〕10 号`, `国发〔2006〕7 号` and `鲁政办发〔2016〕19 号` have a stray space;
 *   成文日期 `2016 年 8 月 15 日` PDF spaces (information); `2016-2020` in the plan title (28) and the
 *   preamble (35) beside `2016—2020` in the notice; half-width `(…)` in the notice body (14); and 54 more
 *   half-width `(…)` pairs (the 责任单位
 *   clauses and `(县)` `(街道)` …), one of them (230) a `（` closed by a half-width `)`.
 * - 004: `（2021-2025年）` in the cited Shandong plan title and `二Ｏ三五年` with a full-width letter O (26).
 */
describe('format rules: seeds', () => {
  const p3 = [
    145, 162, 173, 194, 213, 230, 291, 306, 313, 316, 339, 352, 365, 384, 393, 393, 395, 400, 408, 423, 432, 446, 457, 470,
    478, 497, 508, 523, 540, 561, 581, 600, 611, 624, 639, 654, 665, 682, 693, 697, 697, 701, 715, 718, 724, 728, 739, 744,
    761, 774, 783, 795, 814, 833,
  ].map((l) => `${l} punctuation-width`);
  const expected: Record<string, string[]> = {
    '000': ['14 date-format', '488 punctuation-width'],
    '001': ['6 range-dash', '14 range-dash', '18 date-format', '26 range-dash', '28 range-dash', '30 range-dash', '726 date-format'],
    '002': [
      '17 notice-elements', '50 punctuation-width', '54 punctuation-width', '54 punctuation-width', '54 punctuation-width', '92 punctuation-width',
      ...Array(6).fill('94 punctuation-width'), ...Array(7).fill('96 punctuation-width'), '98 punctuation-width', '98 punctuation-width',
      ...Array(8).fill('100 punctuation-width'),
    ],
    '003': ['4 doc-number', '14 punctuation-width', '22 date-format', '28 range-dash', '32 doc-number', '35 range-dash', '37 doc-number', ...p3],
    '004': ['26 range-dash', '26 numeral-zero'],
  };
  for (const [seed, lines] of Object.entries(expected)) {
    it(`seed ${seed}`, () => {
      const found = ours(readSeed(seed));
      assert.deepEqual(found.map((d) => `${d.range.start.line + 1} ${d.code}`), lines);
    });
  }

  it('PDF spaces in a date are information, other findings warnings', () => {
    const severities = new Set(['000', '001', '003'].flatMap((s) => ours(readSeed(s)).filter((d) => d.code === 'date-format').map((d) => d.severity)));
    assert.deepEqual([...severities], [3]);
  });

  it('the ranges point at the defect itself', () => {
    const text = readSeed('003');
    const byRule = (rule: string) => ours(text).filter((d) => d.code === rule).map((d) => textAt(text, d.range));
    assert.deepEqual(byRule('doc-number'), ['淄政办发〔2016〕10 号', '国发〔2006〕7 号', '鲁政办发〔2016〕19 号']);
    assert.deepEqual(byRule('date-format'), ['2016 年 8 月 15 日']);
    assert.deepEqual(byRule('range-dash'), ['2016-2020', '2016-2020']);
    assert.equal(textAt(readSeed('004'), ours(readSeed('004'))[1].range), '二Ｏ三五');
  });

  it('applying every certain fix leaves none of the fixable findings', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      let text = readSeed(seed);
      for (let pass = 0; pass < 4; pass++) {
        const edits = service.certainEdits(parse(text));
        if (edits.length === 0) break;
        text = applyEdits(text, edits);
      }
      const left = ours(text).filter((d) => d.code !== 'notice-elements' && d.code !== 'title-mismatch');
      assert.deepEqual(left.map((d) => `${d.range.start.line + 1} ${d.code}`), [], `seed ${seed}`);
    }
  });
});
