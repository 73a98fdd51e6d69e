/**
 * Issue #5 rules on the seeds (exact findings, each a real defect) and on defects injected into
 * copies of the seeds: a lowered target, a wrong 文号, 计划纲要 for 规划纲要, a removed 以下简称.
 */
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { bundledKnowledge } from '../../server/src/knowledge/index';
import type { Knowledge } from '../../server/src/knowledge/types';
import { workspaceOf, type WorkspaceDocs } from '../../server/src/workspace';
import { parseDocument } from '../../server/src/model/parse';
import { readSeed, textAt } from './helpers';

const MINE = ['citation-mismatch', 'abbreviation-undefined', 'target-below-upper', 'target-year', 'target-conflict'];

function lint(text: string, options: { knowledge?: Knowledge; workspace?: WorkspaceDocs; uri?: string } = {}) {
  const service = createLanguageService({ knowledge: options.knowledge, workspace: options.workspace });
  const doc = service.parse(options.uri ?? 'file:///ws/doc.txt', text);
  return service
    .diagnostics(doc)
    .filter((d) => MINE.includes(String(d.code)))
    .map((d) => ({ line: d.range.start.line + 1, rule: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, text: textAt(text, d.range) }));
}

/** Replace exactly one occurrence, so an injected defect cannot silently miss. */
function inject(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `“${from}” must occur once`);
  return text.replace(from, to);
}

describe('plans rules: the seeds', () => {
  it('000 乳山, 002 威海, 003 淄博 and 004 平阴 give no finding', () => {
    for (const seed of ['000', '002', '003', '004']) assert.deepEqual(lint(readSeed(seed)), [], seed);
  });

  it('001 兖州 uses 《科学素质纲要》 twice without ever defining it (a real defect: no 以下简称 in the whole text)', () => {
    const found = lint(readSeed('001'));
    assert.deepEqual(found.map((f) => `${f.line} ${f.rule} ${f.text.replace(/\s+/g, '')}`), [
      '680 abbreviation-undefined 《科学素质纲要》',
      '709 abbreviation-undefined 《科学素质纲要》',
    ]);
  });

  it('001: the fix defines the short title after the first citation of the 2021 纲要', () => {
    const service = createLanguageService();
    const text = readSeed('001');
    const doc = service.parse('file:///ws/001.txt', text);
    const actions = service.codeActions(doc, { start: { line: 679, character: 0 }, end: { line: 679, character: 40 } });
    const edit = actions.flatMap((a) => a.edit?.changes?.['file:///ws/001.txt'] ?? []).find((e) => e.newText.includes('以下简称'));
    assert.ok(edit, 'a fix inserting 以下简称');
    assert.equal(edit.newText, '（以下简称《科学素质纲要》）');
    assert.equal(edit.range.start.line, 25);
  });
});

describe('plans rules: injected defects', () => {
  it('target-below-upper: 乳山 17% lowered to 15.5% names 威海 (the nearest parent in the registry) and its 17%', () => {
    const found = lint(inject(readSeed('000'), '比例达到 17%', '比例达到 15.5%'));
    assert.equal(found.length, 1);
    assert.equal(found[0].rule, 'target-below-upper');
    assert.match(found[0].message, /威海市全民科学素质行动规划纲要实施方案/);
    assert.match(found[0].message, /达到17%/);
  });

  it('target-below-upper: with seed 002 as configured upper document, the message names that document', () => {
    const upper = parseDocument('file:///ws/002.txt', readSeed('002'));
    const knowledge = bundledKnowledge();
    knowledge.plans = { ...knowledge.plans, upper: { all: [], byDocument: [{ document: '/ws/000.txt', upper: ['/ws/002.txt'] }] } };
    const text = inject(readSeed('000'), '比例达到 17%', '比例达到 16.5%');
    const found = lint(text, { knowledge, workspace: workspaceOf([upper]), uri: 'file:///ws/000.txt' });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /威海《关于新时代进一步加强科学技术普及工作的实施意见》的力争达到17%/);
  });

  it('target-below-upper: held to the strictest parent, whatever order the parents come in (province 16% listed before city 17%)', () => {
    const plan = (uri: string, title: string, value: string) =>
      parseDocument(uri, `${title}\n\n一、工作目标\n到2025年，公民具备科学素质的比例达到${value}%。\n`);
    const province = plan('file:///ws/province.txt', '某某省全民科学素质行动规划纲要实施方案（2021—2025年）', '16');
    const city = plan('file:///ws/city.txt', '某某市全民科学素质行动规划纲要实施方案（2021—2025年）', '17');
    const knowledge = bundledKnowledge();
    knowledge.plans = { ...knowledge.plans, upper: { all: [], byDocument: [{ document: '/ws/county.txt', upper: ['/ws/province.txt', '/ws/city.txt'] }] } };
    const county = '某某县全民科学素质行动规划纲要实施方案（2021—2025年）\n\n一、工作目标\n到2025年，全县公民具备科学素质的比例达到16.8%。\n';
    const found = lint(county, { knowledge, workspace: workspaceOf([province, city]), uri: 'file:///ws/county.txt' }).filter((f) => f.rule === 'target-below-upper');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /某某市全民科学素质/);
    assert.match(found[0].message, /达到17%/);
    const above = lint(county.replace('16.8%', '17.2%'), { knowledge, workspace: workspaceOf([province, city]), uri: 'file:///ws/county.txt' });
    assert.deepEqual(above.filter((f) => f.rule === 'target-below-upper'), []);
  });

  it('target-below-upper: 平阴 18.5% lowered to 15.8% is below 山东 16% (济南 states no target)', () => {
    const found = lint(inject(readSeed('004'), '比例达到18.5％', '比例达到15.8％'));
    assert.deepEqual(found.map((f) => f.rule), ['target-below-upper']);
    assert.match(found[0].message, /山东省全民科学素质行动规划纲要实施方案（2021—2025年）》（鲁政发〔2021〕25号）的达到16%/);
  });

  it('target-below-upper: 达到15% where the national plan says 超过15% is weaker; 超过15% is not', () => {
    // Only the national plan cited: its 超过15% is the nearest parent target.
    const base = inject(readSeed('004'), '《山东省全民科学素质行动规划纲要实施方案（2021-2025年）》（鲁政发〔2021〕25号）', '');
    assert.deepEqual(lint(inject(base, '比例达到18.5％', '比例达到15％')).map((f) => f.rule), ['target-below-upper']);
    assert.deepEqual(lint(inject(base, '比例达到18.5％', '比例超过15％')), []);
  });

  it('citation-mismatch: a wrong 文号 for 国发〔2021〕9号', () => {
    const found = lint(inject(readSeed('004'), '国发〔2021〕9号', '国发〔2021〕19号'));
    assert.deepEqual(found.map((f) => [f.rule, f.text]), [['citation-mismatch', '国发〔2021〕19号']]);
    assert.match(found[0].message, /应为 国发〔2021〕9号/);
  });

  it('citation-mismatch: 计划纲要 for 规划纲要 (2021—2035), without a 文号 (seed 000)', () => {
    const found = lint(inject(readSeed('000'), '根据《全民科学素质行动规划纲要', '根据《全民科学素质行动计划纲要'));
    assert.deepEqual(found.map((f) => f.rule), ['citation-mismatch']);
    assert.match(found[0].message, /登记的《全民科学素质行动规划纲要（2021—2035年）》（国发〔2021〕9号）/);
  });

  it('citation-mismatch: 规划纲要 with the 2006 文号 (seed 003): the 文号 belongs to the 计划纲要', () => {
    const found = lint(inject(readSeed('003'), '全民科学素质行动计划纲要（2006', '全民科学素质行动规划纲要（2006'));
    assert.deepEqual(found.map((f) => f.rule), ['citation-mismatch']);
    assert.match(found[0].message, /国发〔2006〕7号 是《全民科学素质行动计划纲要（2006—2010—2020年）》的文号/);
  });

  it('citation-mismatch: wrong years of the Shandong plan', () => {
    const found = lint(inject(readSeed('004'), '山东省全民科学素质行动规划纲要实施方案（2021-2025年）》（鲁政发〔2021〕25号）', '山东省全民科学素质行动规划纲要实施方案（2021-2035年）》'));
    assert.deepEqual(found.map((f) => f.rule), ['citation-mismatch']);
  });

  it('abbreviation-undefined: the 以下简称 removed from seed 004', () => {
    const found = lint(inject(readSeed('004'), '（国发〔2021〕9号，以下简称《科学素质纲要》）', '（国发〔2021〕9号）'));
    assert.deepEqual(found.map((f) => f.rule), ['abbreviation-undefined', 'abbreviation-undefined']);
  });

  it('abbreviation-undefined: a use before the definition names the definition line', () => {
    const text = '为落实《科学素质纲要》，根据《全民科学素质行动规划纲要（2021—2035年）》（以下简称《科学素质纲要》），制定本方案。\n';
    const found = lint(text);
    assert.deepEqual(found.map((f) => [f.line, f.rule]), [[1, 'abbreviation-undefined']]);
    assert.match(found[0].message, /第 1 行才定义/);
  });

  it('abbreviation-undefined: an abridged title of a plan the document cites in full, with a fix after the full citation', () => {
    const text = '根据《威海市全民科学素质行动规划纲要实施方案（2021—2025年）》，制定本方案。\n全市落实《威海方案》各项任务。\n';
    const found = lint(text);
    assert.deepEqual(found.map((f) => [f.line, f.rule, f.text]), [[2, 'abbreviation-undefined', '《威海方案》']]);
    assert.match(found[0].message, /全称《威海市全民科学素质行动规划纲要实施方案（2021—2025年）》/);
    const service = createLanguageService();
    const doc = service.parse('file:///ws/doc.txt', text);
    const edits = service.codeActions(doc, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }).flatMap((a) => a.edit?.changes?.['file:///ws/doc.txt'] ?? []);
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.newText]), [[0, text.indexOf('》') + 1, '（以下简称《威海方案》）']]);
  });

  it('abbreviation-undefined: the short title of a workspace document (its title, or another document’s 以下简称)', () => {
    const text = '一、主要任务\n全市落实《荣成方案》和《科普条例》各项任务。\n';
    assert.deepEqual(lint(text), [], 'neither is known without the workspace (nor in the registry)');
    const rongcheng = parseDocument('file:///ws/rongcheng.txt', '荣成市全民科学素质行动规划纲要实施方案（2021—2025年）\n\n一、主要目标\n到2025年，全市公民具备科学素质的比例达到17%。\n');
    const other = parseDocument('file:///ws/other.txt', '一、依据\n根据《山东省科学技术普及条例》（以下简称《科普条例》），制定本方案。\n');
    const found = lint(text, { workspace: workspaceOf([rongcheng, other]) });
    assert.deepEqual(found.map((f) => [f.line, f.text]), [[2, '《荣成方案》'], [2, '《科普条例》']]);
    assert.match(found[0].message, /全称《荣成市全民科学素质行动规划纲要实施方案（2021—2025年）》/);
    assert.match(found[1].message, /全称《山东省科学技术普及条例》/);
  });

  it('abbreviation-undefined: an abridged title of a registry entry (《威海方案》 for the 威海 plan)', () => {
    const found = lint('一、主要任务\n全市落实《威海方案》各项任务。\n');
    assert.deepEqual(found.map((f) => [f.line, f.text]), [[2, '《威海方案》']]);
  });

  it('abbreviation-undefined: 《实施方案》 names no document, and an abridgement of the document’s own title means itself', () => {
    assert.deepEqual(lint('根据《威海市全民科学素质行动规划纲要实施方案（2021—2025年）》，制定本方案。\n各单位要按照《实施方案》要求抓好落实。\n'), []);
    const own = '关于印发《荣成市全民科学素质行动规划纲要实施方案（2021—2025年）》的通知\n现将《荣成方案》印发给你们，请认真贯彻执行。\n';
    assert.deepEqual(lint(own), []);
  });

  it('abbreviation-undefined: a title one place name shorter is another document, not a short title (seed 001 cites 济宁市 and 兖州区 plans)', () => {
    const text = '根据《济宁市兖州区全民科学素质行动规划纲要实施方案（2021—2025年）》，参照《济宁市全民科学素质行动规划纲要实施方案》。\n';
    assert.deepEqual(lint(text), []);
  });

  it('target-year: 2027 in a “十四五” plan (seed 004)', () => {
    const found = lint(inject(readSeed('004'), '到2025年，全县公民', '到2027年，全县公民'));
    assert.deepEqual(found.map((f) => f.rule), ['target-year']);
    assert.match(found[0].message, /2027 年不在方案规划期 2021—2025 年内/);
  });

  it('target-year: 2030 in 乳山 (period from the title its notice cites, the plan title being lost)', () => {
    const found = lint(inject(readSeed('000'), '到 2025年，全市公民', '到 2030年，全市公民'));
    assert.deepEqual(found.map((f) => f.rule), ['target-year']);
  });

  it('target-conflict: the same metric and year stated again with another value', () => {
    const text = inject(readSeed('001'), '（三）科学统筹推进。', '（三）科学统筹推进。到2025年，全区公民具备科学素质的比例达到15%。');
    const found = lint(text).filter((f) => f.rule === 'target-conflict');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /与第 165 行的达到16\.1%不一致/);
  });

  it('target-conflict: any wording, full-width digits, 本地 and 比率 (seed 001 restates 16.1% as 提升至１６ ％)', () => {
    const text = inject(readSeed('001'), '（三）科学统筹推进。', '（三）科学统筹推进。到２０２５年，本地公民具备科学素质的比率提升至１６ ％。');
    const found = lint(text).filter((f) => f.rule === 'target-conflict');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /此处为提升至16%，与第 165 行的达到16\.1%不一致/);
  });

  it('target-conflict: a 确保 floor below the 力争 figure is one target (seed 002), a 力争 figure below the floor is not', () => {
    const both = (floor: string) => inject(readSeed('002'), '公民具备科学素质比例力争达到17%', `公民具备科学素质比例确保达到${floor}，力争达到17%`);
    assert.deepEqual(lint(both('16%')).filter((f) => f.rule === 'target-conflict'), []);
    const found = lint(both('17.5%')).filter((f) => f.rule === 'target-conflict');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /力争目标应高于确保目标：此处为力争达到17%，第 \d+ 行为确保达到17\.5%/);
  });
});
