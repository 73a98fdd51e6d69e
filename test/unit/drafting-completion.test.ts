/** Drafting completion (issue #6): heading markers in the document's own style, standard clauses by section. */
import * as assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { readSeed } from './helpers';

const service = createLanguageService();

/** Completion at the end of `line` (0-based) of `text`. */
function complete(text: string, line: number, character?: number): CompletionItem[] {
  const doc = service.parse('file:///draft.gw', text);
  const lines = text.split('\n');
  return service.completion(doc, { line, character: character ?? lines[line].length });
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const markerLabels = (items: CompletionItem[]) => items.filter((i) => i.insertTextFormat !== InsertTextFormat.Snippet).map((i) => i.label);
const clauseLabels = (items: CompletionItem[]) => items.filter((i) => i.insertTextFormat === InsertTextFormat.Snippet).map((i) => i.label);

describe('drafting completion: heading markers', () => {
  it('after （二） offers （三） first, then the first marker of the next level and the next top marker', () => {
    const text = '一、重点任务\n（一）甲项任务。内容。\n（二）乙项任务。内容。\n';
    assert.deepEqual(markerLabels(complete(text, 3)), ['（三）', '1.', '二、']);
  });

  it('after a （一） heading offers 1. as its first child', () => {
    const text = '一、总体要求\n（一）指导思想\n';
    assert.deepEqual(markerLabels(complete(text, 2)), ['（二）', '1.', '二、']);
  });

  it('never offers a marker the section already has: between （一） and （二） no second （二） (issue #20 defect 9)', () => {
    const text = '一、重点任务\n（一）甲项任务。内容。\n\n（二）乙项任务。内容。\n二、保障措施\n';
    const offered = markerLabels(complete(text, 2));
    assert.ok(!offered.includes('（二）'), offered.join(' '));
    assert.ok(!offered.includes('二、'), offered.join(' '));
    assert.ok(offered.includes('1.'), offered.join(' '));
  });

  it('names the heading it follows in the detail without cutting a word (issue #20 defect 9)', () => {
    const text = '一、加强科普基础设施建设提升基层科普能力\n';
    const item = complete(text, 1).find((i) => i.label === '二、');
    assert.ok(item);
    // Whole words, then an ellipsis: not “…提升基” (half of 基层).
    assert.equal(item.detail, '同级下一个标题（接“一、加强科普基础设施建设提升…”）');
    const short = complete('一、总体要求\n', 1).find((i) => i.label === '二、');
    assert.equal(short?.detail, '同级下一个标题（接“一、总体要求”）');
  });

  it('an empty document starts with 一、; the notice before the plan title gets no marker', () => {
    assert.deepEqual(markerLabels(complete('', 0)), ['一、']);
    const text = readSeed('004');
    const doc = service.parse('file:///004.gw', text);
    const title = doc.notice.方案标题!.range;
    assert.deepEqual(markerLabels(service.completion(doc, { line: title.start.line - 1, character: 0 })), []);
    assert.deepEqual(markerLabels(service.completion(doc, { line: title.end.line + 1, character: 0 })), ['一、']);
  });

  it('replaces the marker typed so far, from the indent to the cursor', () => {
    const text = '一、重点任务\n（一）甲项任务。内容。\n\u3000\u3000（\n';
    const items = complete(text, 2);
    const item = items.find((i) => i.label === '（二）');
    assert.ok(item, labels(items).join(' '));
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } });
    assert.equal((item.textEdit as TextEdit).newText, '（二）');
  });

  it('uses the full-width dot when the document does', () => {
    const text = '一、总体要求\n（一）指导思想\n1．坚持引领。内容。\n2．坚持协同。内容。\n';
    assert.deepEqual(markerLabels(complete(text, 4)).slice(0, 2), ['3．', '（1）']);
  });

  it('continues numbering across sections where the document does (seed 002: （七） under 三、)', () => {
    const text = '一、加强能力建设\n（一）完善设施布局。内容。\n（二）提升创作能力。内容。\n二、促进协同发展\n（三）推动资源科普化。内容。\n三、重点人群\n';
    assert.deepEqual(markerLabels(complete(text, 6)), ['四、', '（四）']);
  });

  it('on seed 002 after （八）… offers （九） and, in a new section, continues with （九）', () => {
    const lines = readSeed('002').split('\n');
    const at = lines.findIndex((l) => l.startsWith('四、深入推进重点人群'));
    // A draft that ends with the 四、 heading: its first child continues the running count.
    const draft = lines.slice(0, at + 1).join('\n') + '\n';
    assert.deepEqual(markerLabels(complete(draft, at + 1, 0)).slice(0, 2), ['五、', '（九）']);
    // In the whole seed the next line is （九） and 五、 follows: neither is offered again (issue #20).
    const offered = markerLabels(complete(lines.join('\n'), at + 1, 0));
    assert.ok(!offered.includes('（九）') && !offered.includes('五、'), offered.join(' '));
  });

  it('offers nothing once a sentence has been written on the line', () => {
    const text = '一、重点任务\n（一）甲项任务。内容。\n开展科普活动。\n';
    assert.deepEqual(labels(complete(text, 2)), []);
  });

  it('offers the next list item after a —— item', () => {
    const text = '一、基本原则\n——坚持引领。内容。\n';
    assert.equal(markerLabels(complete(text, 2))[0], '——');
  });
});

describe('drafting completion: standard clauses', () => {
  const plan = '平阴县人民政府关于印发平阴县全民科学素质行动规划纲要实施方案的通知\n' +
    '一、总体要求\n（一）指导思想。坚持统筹推进。\n二、保障措施\n';

  it('in a 保障措施 section offers 加强组织领导, 强化条件保障, 完善工作机制 as snippets with the next marker', () => {
    const items = complete(plan, 4);
    assert.deepEqual(clauseLabels(items).slice(0, 3), ['加强组织领导', '强化条件保障', '完善工作机制']);
    const first = items.find((i) => i.label === '加强组织领导')!;
    const edit = first.textEdit as TextEdit;
    assert.ok(edit.newText.startsWith('（一）加强组织领导。${1:县}政府'), edit.newText);
    // The leading body defaults to the jurisdiction's 科协 and follows edits of the prefix.
    assert.ok(edit.newText.includes('${2:$1科协}'), edit.newText);
  });

  it('leaves out the clauses the section already has and numbers the next one', () => {
    const text = plan + '（一）加强组织领导。由县政府统一领导。\n';
    const items = complete(text, 5);
    assert.ok(!clauseLabels(items).includes('加强组织领导'));
    const next = items.find((i) => i.label === '强化条件保障')!;
    assert.ok((next.textEdit as TextEdit).newText.startsWith('（二）强化条件保障。'));
  });

  it('infers the prefix from the units of the document (seed 001: 区)', () => {
    const text = readSeed('001');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('五、组织实施'));
    const item = complete(text, at + 1, 0).find((i) => i.label === '完善工作机制');
    assert.ok(item, 'clause offered in seed 001 五、组织实施');
    assert.ok((item.textEdit as TextEdit).newText.includes('${2:区科协}'), (item.textEdit as TextEdit).newText);
    assert.match(item.documentation as string, /区科协/);
  });

  it('in a group of 提升行动 offers the actions of that group', () => {
    const text = '一、提升行动\n（一）青少年科学素质提升行动。内容。\n';
    assert.deepEqual(clauseLabels(complete(text, 2)), ['弘扬和传承科学精神', '加强学校科学教育', '推动校内外科学教育资源衔接']);
  });

  it('in 提升行动 itself offers the five groups', () => {
    const text = '一、提升行动\n';
    assert.equal(clauseLabels(complete(text, 1)).length, 5);
  });

  it('filters on marker + title when a marker is being typed, on the title otherwise', () => {
    const marked = complete(plan + '（', 4).find((i) => i.label === '加强组织领导')!;
    assert.equal(marked.filterText, '（一）加强组织领导');
    const plain = complete(plan + '加强', 4).find((i) => i.label === '加强组织领导')!;
    assert.equal(plain.filterText, '加强组织领导');
    assert.deepEqual((plain.textEdit as TextEdit).range, { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } });
  });

  it('uses the 实施意见 templates for an 实施意见', () => {
    const text = '威海市科学技术局关于印发威海市加强新时代科普工作的实施意见的通知\n一、加强科普能力建设\n（一）完善科普基础设施布局。内容。\n二、强化工作保障\n';
    assert.deepEqual(clauseLabels(complete(text, 4)), ['强化组织领导', '健全保障机制', '完善激励机制']);
  });
});
