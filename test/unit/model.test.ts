import * as assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/parse';
import type { GongwenDocument, Heading } from '../../server/src/model/types';
import { readSeed, textAt } from './helpers';
import { isRegExpSpace, matchesIn } from '../../server/src/model/text';
import { createLineIndex } from '../../server/src/model/positions';
import { perDocument } from '../../server/src/model/memo';

const parseSeed = (prefix: string) => {
  const text = readSeed(prefix);
  return { text, doc: parseDocument(`seed:${prefix}`, text) };
};

/** `一、[5]` style summary: top-level marker with its child count. */
const shape = (doc: GongwenDocument) => doc.headings.map((h) => `${h.marker}${h.children.length}`);

/** Strip what the parser skips when joining lines: line breaks, indents, page-number lines. */
const unwrap = (s: string) => s.replace(/\r?\n[ \t\u3000]*—\s?\d+\s?—[ \t\u3000]*(?=\r?\n)/g, '').replace(/[\s\u3000]+/g, '');

describe('model: the true structure of each seed (issue #2)', () => {
  it('000 乳山: 5 sections, 三 with 5, 四 with 4, 五 with 3; plan title lost', () => {
    const { doc } = parseSeed('000');
    assert.deepEqual(shape(doc), ['一、0', '二、0', '三、5', '四、4', '五、3']);
    assert.equal(doc.notice.方案标题, undefined);
    assert.ok(doc.notice.方案导语?.text.startsWith('为贯彻落实'));
  });

  it('001 兖州: 5 sections, 二 with 3, 三 with 5 whose items are —— lines, 四 with 4, 五 with 3', () => {
    const { doc } = parseSeed('001');
    assert.deepEqual(shape(doc), ['一、0', '二、3', '三、5', '四、4', '五、3']);
    const youth = doc.headings[2].children[0];
    assert.ok(youth.children.length > 0 && youth.children.every((c) => c.kind === 'dash'));
  });

  it('002 威海: 6 sections, second level numbered （一）…（十九） continuously, three written (十)', () => {
    const { doc } = parseSeed('002');
    assert.equal(doc.headings.length, 6);
    const second = doc.headings.flatMap((h) => h.children);
    assert.deepEqual(second.map((h) => h.number), Array.from({ length: 19 }, (_, i) => i + 1));
    assert.deepEqual(second.filter((h) => h.marker.startsWith('(')).map((h) => h.marker), ['(十)', '(十一)', '(十二)']);
  });

  it('003 淄博: 3 sections, 一 with 2, 二 with 10, 三 with 5', () => {
    const { doc } = parseSeed('003');
    assert.deepEqual(shape(doc), ['一、2', '二、10', '三、5']);
  });

  it('004 平阴: 4 sections, 一 with 3, 二 with 5, 三 with 4, 四 with 3', () => {
    const { doc } = parseSeed('004');
    assert.deepEqual(shape(doc), ['一、3', '二、5', '三、4', '四、3']);
  });
});

describe('model: notice elements', () => {
  it('reads 发文字号 parts as written, including stray spaces', () => {
    const n003 = parseSeed('003').doc.notice.发文字号!;
    assert.equal(n003.text, '淄政办发〔2016〕10 号');
    assert.deepEqual([n003.agency, n003.open, n003.year, n003.close, n003.serial], ['淄政办发', '〔', '2016', '〕', '10']);
    assert.equal(parseSeed('000').doc.notice.发文字号!.text, '乳政发〔2022〕6号');
  });

  it('reads 成文日期 as written (PDF spaces kept for the date rule to judge)', () => {
    const d = parseSeed('000').doc.notice.成文日期!;
    assert.equal(d.text, '2022年 7月 12日');
    assert.deepEqual([d.year, d.month, d.day], ['2022', '7', '12']);
  });

  it('finds 标题 with the issuer line above 关于…, 主送机关, 署名, 附注, 抄送 and 印发', () => {
    const { doc } = parseSeed('001');
    assert.equal(doc.notice.标题!.text, '济宁市兖州区人民政府关于印发济宁市兖州区全民科学素质行动规划纲要实施方案（2021-2025年）的通知');
    assert.equal(doc.notice.主送机关!.text, '各镇人民政府，各街道办事处，兖州工业园区管委会，区政府各部门、单位：');
    assert.equal(doc.notice.发文机关署名!.text, '济宁市兖州区人民政府');
    assert.equal(doc.notice.附注!.text, '（此件公开发布）');
    assert.equal(doc.notice.方案标题!.text, '济宁市兖州区全民科学素质行动规划纲要实施方案（2021—2025年）');
    assert.match(doc.notice.抄送!.text, /^抄送：.*区检察院。$/);
    assert.equal(doc.notice.印发!.date!.text, '2022年 6月 18日');
  });

  it('keeps the 发文机关标志 of a joint notice apart from its title (002)', () => {
    const { doc } = parseSeed('002');
    assert.ok(doc.notice.发文机关标志!.text.startsWith('威海市科学技术局'));
    assert.equal(doc.notice.标题!.text, '关于印发《关于新时代进一步加强科学技术普及工作的实施意见》的通知');
    assert.equal(doc.notice.附注!.text, '(此件公开发布)');
  });

  it('takes both parenthesised lines after the date as 附注 (004)', () => {
    assert.equal(parseSeed('004').doc.notice.附注!.text, '（联系电话：县科协，87883287）（此件公开发布）');
  });

  it('skips the [bookmark: _GoBack] artefact in text but not in ranges (004)', () => {
    const { text, doc } = parseSeed('004');
    const pre = doc.notice.方案导语!;
    assert.ok(pre.text.startsWith('为深入贯彻落实'));
    assert.ok(textAt(text, pre.range).startsWith('为深入贯彻落实'), 'range starts after the artefact');
  });
});

describe('model: every range points at the user’s real characters', () => {
  for (const seed of ['000', '001', '002', '003', '004']) {
    it(`seed ${seed}: markers, heading lines, units, citations and targets`, () => {
      const { text, doc } = parseSeed(seed);
      for (const h of doc.allHeadings) {
        assert.equal(textAt(text, h.markerRange), h.marker);
        assert.ok(unwrap(textAt(text, h.range)).includes(h.title.replace(/\s/g, '')), `${h.marker}${h.title}`);
        assert.ok(h.sectionRange.end.line >= h.range.end.line);
      }
      for (const r of doc.responsibilities) for (const u of r.units) assert.equal(unwrap(textAt(text, u.range)), u.name);
      for (const c of doc.citations) assert.equal(unwrap(textAt(text, c.range)), `《${c.title}》`);
      for (const t of doc.targets) assert.ok(unwrap(textAt(text, t.range)).endsWith(unwrap(t.text)));
      for (const el of Object.values(doc.notice)) assert.equal(unwrap(textAt(text, el!.range)), unwrap(el!.text));
    });
  }

  it('a responsibility list broken by a page number is one list (000, （一）4.)', () => {
    const { text, doc } = parseSeed('000');
    const item = doc.headings[2].children[0].children[3];
    const [list] = doc.responsibilities.filter((r) => r.owner === item);
    assert.equal(list.form, '按职责分工负责');
    assert.ok(list.units.map((u) => u.name).includes('威海市生态环境局乳山分局'));
    assert.ok(list.range.end.line > list.range.start.line + 3, 'spans the page break');
    assert.match(textAt(text, list.range), /— 5 —/);
    const split = list.units.find((u) => u.name === '市市场监管局')!;
    assert.notEqual(split.range.start.line, split.range.end.line, '市市 / 场监管局 is wrapped');
  });

  it('reads the four clause forms', () => {
    const forms = (p: string) => new Set(parseSeed(p).doc.responsibilities.map((r) => r.form));
    assert.ok(forms('000').has('负责')); // （市委组织部负责）
    assert.ok(forms('002').has('责任单位')); // （责任单位：市科技局、市科协）
    const lead = parseSeed('003').doc.responsibilities.find((r) => r.form === '牵头配合')!;
    assert.deepEqual(lead.units.map((u) => u.name), ['市教育局', '团市委']);
  });
});

describe('model: citations, abbreviations, targets, counts', () => {
  it('reads a citation with its 文号 and the abbreviation it defines (004)', () => {
    const { doc } = parseSeed('004');
    const outline = doc.citations.find((c) => c.title.startsWith('全民科学素质行动规划纲要'))!;
    assert.equal(outline.docNumber?.text, '国发〔2021〕9号');
    assert.deepEqual(doc.abbreviations.map((a) => [a.short, a.full]), [['科学素质纲要', '全民科学素质行动规划纲要（2021—2035年）']]);
  });

  it('joins a citation title that the PDF broke across lines (000)', () => {
    const titles = parseSeed('000').doc.citations.map((c) => c.title);
    assert.ok(titles.includes('山东省全民科学素质行动规划纲要实施方案（2021—2025年）'));
  });

  it('reads the headline targets of each seed', () => {
    const headline = (p: string) => {
      const t = parseSeed(p).doc.targets.find((x) => x.unit === '%' && x.metric.includes('科学素质'))!;
      return [t.year, t.comparator, t.value];
    };
    assert.deepEqual(headline('000'), [2025, '>=', 17]);
    assert.deepEqual(headline('001'), [2025, '>=', 16.1]);
    assert.deepEqual(headline('002'), [2025, '>=', 17]);
    assert.deepEqual(headline('003'), [2020, '>', 10.5]);
    assert.deepEqual(headline('004'), [2025, '>=', 18.5]);
  });

  it('reads count statements and ties them to their section', () => {
    const { doc } = parseSeed('000');
    assert.deepEqual(doc.counts.map((c) => [c.count, c.noun, c.owner?.marker]), [[5, '提升行动', '三、'], [4, '重点工程', '四、']]);
  });
});

describe('model: character classes by code', () => {
  it('isRegExpSpace is /\\s/ for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isRegExpSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    assert.deepEqual(differ, []);
  });

  it('matchesIn gives what matchAll gives, empty matches and surrogate pairs included, and leaves lastIndex at 0', () => {
    const patterns = [/[0-9]+/g, /x*/g, /(?:)/gu, /(?=[年月])/g, /\p{Script=Han}{0,2}/gu, /(.)\1/g, /[《》]/g, /$/gm];
    const texts = ['', '2023年5月', 'ab𠀀c𠀀𠀀年', 'xxaxx', '的的了了《规划》》', '一\n二\n'];
    for (const re of patterns) {
      for (const text of texts) {
        const want = [...text.matchAll(re)].map((m) => [m.index, ...m]);
        re.lastIndex = 3; // a stale lastIndex from an earlier exec must not matter
        assert.deepEqual(matchesIn(re, text).map((m) => [m.index, ...m]), want, `${re} on ${JSON.stringify(text)}`);
        assert.equal(re.lastIndex, 0);
      }
    }
    assert.throws(() => matchesIn(/a/, 'a'), TypeError);
  });
});

describe('model: line index', () => {
  it('rangeWithin gives positionAt\'s positions for any offsets and any window of lines, inside or not', () => {
    // Lines of 0–5 units (empty lines included), offsets past both ends, windows that hold the offsets and ones that do not.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const starts = [0];
      for (let l = next(12); l > 0; l--) starts.push(starts[starts.length - 1] + next(6) + 1);
      const length = starts[starts.length - 1] + next(6);
      const index = createLineIndex(starts, length);
      for (let k = 0; k < 40; k++) {
        const a = next(length + 4) - 2;
        const b = next(length + 4) - 2;
        const first = next(starts.length + 1) - 1;
        const last = first + next(4) - 1;
        const want = { start: index.positionAt(a), end: index.positionAt(b) };
        assert.deepEqual(index.rangeWithin(a, b, first, last), want, `${starts} ${length}: ${a}–${b} in ${first}–${last}`);
        assert.deepEqual(index.rangeOf(a, b), want);
      }
    }
  });
});

describe('model: messy input', () => {
  const seed000 = readSeed('000');
  const summary = (doc: GongwenDocument) => JSON.stringify({ s: shape(doc), n: doc.notice.发文字号?.text, r: doc.responsibilities.length });

  it('CRLF line endings give the same structure and correct ranges', () => {
    const crlf = seed000.replace(/\n/g, '\r\n');
    const doc = parseDocument('crlf', crlf);
    assert.equal(summary(doc), summary(parseDocument('lf', seed000)));
    for (const h of doc.allHeadings) assert.equal(textAt(crlf, h.markerRange), h.marker);
  });

  it('a BOM left in the text is treated as space', () => {
    const doc = parseDocument('bom', '\uFEFF' + seed000);
    assert.equal(summary(doc), summary(parseDocument('lf', seed000)));
  });

  it('never throws on empty, one-line, marker-only or binary-looking input', () => {
    for (const text of ['', '\n\n', '一、', '（一）', '——', '1.', '\u0000\u0001', '《', '（（（（', '— 1 —', '2022年7月12日']) {
      const doc = parseDocument('x', text);
      assert.ok(Array.isArray(doc.headings));
    }
  });

  it('nests a heading under the nearest higher-ranked one even when a level is skipped', () => {
    const doc = parseDocument('x', '一、甲\n1.乙。内容。\n（一）丙。内容。\n');
    assert.deepEqual(doc.headings[0].children.map((h: Heading) => h.marker), ['1.', '（一）']);
  });

  it('does not take a wrapped line that starts with a number for a heading', () => {
    const doc = parseDocument('x', '一、目标\n到2025年，全市公民具备科学素质的比例比上年提高\n1.5个百分点，培训人员达到\n2.3万人次。\n');
    assert.equal(doc.allHeadings.length, 1);
  });
});

describe('model: the per-document memo', () => {
  it('computes once per document and key, and leaves the document plain data', () => {
    const text = readSeed('000');
    const doc = parseDocument('seed:000', text);
    const twin = parseDocument('seed:000', text);
    const keys = Object.keys(doc);
    let runs = 0;
    const key = Symbol('test');
    assert.equal(perDocument(doc, key, () => ++runs), 1);
    assert.equal(perDocument(doc, key, () => ++runs), 1);
    assert.equal(perDocument(doc, Symbol('other'), () => ++runs), 2);
    assert.equal(perDocument(twin, key, () => ++runs), 3);
    assert.deepEqual(Object.keys(doc), keys);
    assert.deepStrictEqual(doc, parseDocument('seed:000', text)); // a document never remembered anything
  });
});
