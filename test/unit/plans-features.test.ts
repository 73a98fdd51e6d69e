/** Definition, hover, code lens, references and coverage through the service, on seeds 000 (乳山) and 002 (威海). */
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { bundledKnowledge } from '../../server/src/knowledge/index';
import { workspaceOf } from '../../server/src/workspace';
import { parseDocument } from '../../server/src/model/parse';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { COVERAGE_COMMAND } from '../../server/src/features/coverage';
import { readSeed } from './helpers';

const rushan = parseDocument('file:///ws/000.txt', readSeed('000'));
const weihai = parseDocument('file:///ws/002.txt', readSeed('002'));
const weihaiPlan = parseDocument('file:///ws/weihai-plan.gw', '威海市全民科学素质行动规划纲要实施方案（2021—2025年）\n\n一、总体要求\n到2025年，全市公民具备科学素质的比例达到17%。\n');

function service(settings = DEFAULT_SETTINGS) {
  const knowledge = bundledKnowledge();
  knowledge.plans = { ...knowledge.plans, upper: { all: [], byDocument: [{ document: '/ws/000.txt', upper: ['/ws/002.txt'] }] } };
  return createLanguageService({ settings, knowledge, workspace: workspaceOf([rushan, weihai, weihaiPlan]) });
}

const line = (title: string) => rushan.allHeadings.find((h) => h.title === title)!.range.start.line;
const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('plans features', () => {
  it('definition from a 乳山 clause (heading line or body) goes to its 威海 match', () => {
    const s = service();
    const at = line('老年人科学素质提升行动');
    const locations = s.definition(rushan, { line: at, character: 3 });
    const target = weihai.allHeadings.find((h) => h.title === '提升老年人科学素质')!;
    assert.deepEqual(locations, [{ uri: weihai.uri, range: target.range }]);
    const inBody = rushan.allHeadings.find((h) => h.title === '实施智慧助老行动')!;
    assert.equal(s.definition(rushan, { line: inBody.range.start.line + 2, character: 2 }).length, 1);
  });

  it('definition on a citation opens the cited workspace document (by title)', () => {
    const s = service();
    const c = rushan.citations.find((x) => x.title.startsWith('威海市'))!;
    const locations = s.definition(rushan, c.range.start);
    assert.deepEqual(locations, [{ uri: weihaiPlan.uri, range: weihaiPlan.notice.方案标题!.range }]);
  });

  it('a new draft of a plan is not linked to an earlier version of the same plan it cites as the plan it issues', () => {
    // A 乳山 draft (what 新建实施方案 writes) in a workspace holding 乳山's issued plan, seed 000: both are
    // 《乳山市全民科学素质行动规划纲要实施方案（2021—2025年）》, which the draft's notice cites as the plan it issues.
    const draft = readSeed('000').replace('乳政发〔2022〕6号', '乳政发〔2024〕1号');
    const s = createLanguageService({ workspace: workspaceOf([rushan, weihaiPlan]) });
    const doc = s.parse('file:///ws/new.gw', draft);
    const own = doc.citations.find((c) => c.title.startsWith('乳山市'));
    assert.ok(own, 'the draft cites its own plan');
    assert.deepEqual(s.definition(doc, own.range.start), [], 'its own plan is not an upper document');
    const lensTitles = s.codeLenses(doc).map((l) => l.command?.title ?? '');
    assert.ok(lensTitles.some((t) => t.includes('威海')), 'the 威海 plan it cites is still its upper plan');
    assert.ok(!lensTitles.some((t) => t.includes('乳山')), lensTitles.join(' | '));
  });

  it('the cited document is an upper document too: its targets count', () => {
    const text = readSeed('000').replace('比例达到 17%', '比例达到 16.5%');
    const s = createLanguageService({ workspace: workspaceOf([weihaiPlan]) });
    const doc = s.parse('file:///ws/000.txt', text);
    const d = s.diagnostics(doc).find((x) => x.code === 'target-below-upper');
    assert.ok(d);
    assert.match(String(d.message), /威海《威海市全民科学素质行动规划纲要实施方案（2021—2025年）》的达到17%/);
  });

  it('hover on a clause heading shows the matched clause, its text and the score', () => {
    const value = hoverText(service().hover(rushan, { line: line('老年人科学素质提升行动'), character: 4 }));
    assert.match(value, /↑ 威海\*\* （十三）提升老年人科学素质 — 相似度 0\.\d\d/);
    assert.match(value, /开展老年人康养知识普及行动/);
  });

  it('hover on a registered citation shows its 文号 and targets', () => {
    const c = rushan.citations.find((x) => x.title.startsWith('全民科学素质行动规划纲要'))!;
    const value = hoverText(service().hover(rushan, c.range.start));
    assert.match(value, /国发〔2021〕9号/);
    assert.match(value, /2025年 公民具备科学素质的比例 超过15%/);
  });

  it('code lenses name the match; the setting turns them off', () => {
    const lenses = service().codeLenses(rushan);
    const titles = lenses.map((l) => l.command!.title);
    assert.ok(titles.includes(titles.find((t) => /^↑ 威海 （十三）提升老年人科学素质 0\.\d\d$/.test(t))!), titles.join('\n'));
    assert.deepEqual(service({ ...DEFAULT_SETTINGS, codeLens: { upper: false } }).codeLenses(rushan), []);
  });

  it('references from a 威海 clause list the 乳山 clauses that implement it', () => {
    const target = weihai.allHeadings.find((h) => h.title === '提升老年人科学素质')!;
    const refs = service().references(weihai, target.range.start);
    assert.ok(refs.length >= 1);
    assert.ok(refs.every((r) => r.uri === rushan.uri));
    assert.ok(refs.some((r) => r.range.start.line === line('老年人科学素质提升行动')));
  });

  it('coverage: a Markdown table of the 威海 clauses with covered / weak / missing', () => {
    // Two upper documents here (002 configured, the 威海 plan cited): the argument picks one.
    assert.equal((service().executeCommand(COVERAGE_COMMAND, rushan, []).data as { reports: unknown[] }).reports.length, 2);
    const result = service().executeCommand(COVERAGE_COMMAND, rushan, [weihai.uri]);
    const data = result.data as { markdown: string; reports: { upper: string; counts: Record<string, number> }[] };
    assert.equal(data.reports.length, 1);
    assert.equal(data.reports[0].upper, weihai.uri);
    const c = data.reports[0].counts;
    assert.equal(c.covered + c.weak + c.missing, weihai.allHeadings.length);
    assert.ok(c.covered > 0 && c.missing > 0, JSON.stringify(c));
    // Each clause is a link to its line in its document (issue #20).
    assert.match(data.markdown, /\| \u3000\[（十三）提升老年人科学素质\]\(file:\/\/\/\S+#L\d+\) \| ✅ 已覆盖 \| \[（四）老年人科学素质提升行动（第 (\d+) 行）\]\(file:\/\/\/\S+#L\1\)/);
  });

  it('coverage without an upper document says how to name one', () => {
    const s = createLanguageService();
    const data = s.executeCommand(COVERAGE_COMMAND, weihai, []).data as { markdown: string };
    assert.match(data.markdown, /没有找到上级方案/);
  });
});
