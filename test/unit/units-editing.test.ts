/**
 * Issue #4: editing help for responsible units — completion (characters and pinyin), the clause
 * snippet, the hover, the 查找责任单位 command and `gongwen units --format json`.
 */
import * as assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { main } from '../../server/src/cli/main';
import type { UnitTask } from '../../server/src/features/unit-tasks';
import { readSeed, seedPath, textAt } from './helpers';

const service = createLanguageService();
const HEAD = '乳政发〔2022〕6号\n\n乳山市人民政府\n关于印发乳山市科普工作实施方案的通知\n\n一、提升行动\n（一）青少年科学素质提升行动\n';

/** Completion at the end of the last line of `text`. */
function completeAtEnd(text: string): CompletionItem[] {
  const lines = text.split('\n');
  const doc = service.parse('mem://c.gw', text);
  return service.completion(doc, { line: lines.length - 1, character: lines[lines.length - 1].length });
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('unit completion', () => {
  it('offers 乳山\'s units in canonical order inside a clause', () => {
    const items = completeAtEnd(`${HEAD}1.弘扬科学精神。开展活动。（市委宣传部、`);
    const names = labels(items).sort((a, b) => {
      const sa = items.find((i) => i.label === a)!.sortText!;
      const sb = items.find((i) => i.label === b)!.sortText!;
      return sa < sb ? -1 : 1;
    });
    assert.equal(names[0], '市委组织部');
    assert.ok(!names.includes('市委宣传部'), 'a unit already named is not offered again');
    assert.ok(names.indexOf('市教体局') < names.indexOf('市科协'));
  });

  it('matches pinyin initials: jtj offers 市教体局 and replaces the typed letters', () => {
    const text = `${HEAD}1.弘扬科学精神。开展活动。（市委宣传部、jtj`;
    const items = completeAtEnd(text);
    assert.deepEqual(labels(items), ['市教体局']);
    const edit = items[0].textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
    assert.equal(edit.range.end.character - edit.range.start.character, 3);
    assert.equal(items[0].filterText, 'jtj', 'the editor keeps the item while it filters by the typed letters');
  });

  it('matches full pinyin and characters', () => {
    assert.ok(labels(completeAtEnd(`${HEAD}1.开展活动。（kexie`)).includes('市科协'));
    assert.ok(labels(completeAtEnd(`${HEAD}1.开展活动。（市委宣传部、卫生`)).includes('市卫生健康局'));
    assert.ok(labels(completeAtEnd(`${HEAD}1.开展活动。（市委宣传部、wsjk`)).includes('市卫生健康局'));
  });

  it('completes after 牵头单位： and 配合单位： (issue #20)', () => {
    assert.ok(labels(completeAtEnd(`${HEAD}1.开展活动。（牵头单位：kx`)).includes('市科协'));
    assert.ok(labels(completeAtEnd(`${HEAD}1.开展活动。（牵头单位：市科协；配合单位：市科`)).includes('市科技局'));
  });

  it('completes after 责任单位：', () => {
    assert.ok(labels(completeAtEnd(`${HEAD}1.开展活动。（责任单位：市科技局、kx`)).includes('市科协'));
  });

  it('ranks for the jurisdiction: 平阴 offers 县 units', () => {
    const text = `平政字〔2022〕21号\n\n一、行动\n1.开展活动。（县委宣传部、yj`;
    // 平阴 writes 县应急局 (seed 004), its list's preferred form since #13.
    assert.deepEqual(labels(completeAtEnd(text)), ['县应急局']);
  });

  it('offers nothing outside a clause', () => {
    // (Other completions, such as drafting help, may answer here; no unit does.)
    assert.ok(!labels(completeAtEnd(`${HEAD}1.开展活动，jtj`)).includes('市教体局'));
  });

  it('offers the clause at the end of a task item without one, with the previous task\'s units', () => {
    const text = `${HEAD}1.弘扬科学精神。开展活动。（市委宣传部、市科协按职责分工负责）\n2.提升教育。加强科学教育。`;
    const [item] = completeAtEnd(text);
    assert.equal(item.label, '（…按职责分工负责）');
    assert.equal((item.textEdit as { newText: string }).newText, '（${1:市委宣传部、市科协}按职责分工负责）$0');
    assert.equal(item.insertTextFormat, 2);
  });
});

describe('unit hover', () => {
  const hoverOn = (text: string, name: string, nth = 0) => {
    const doc = service.parse('mem://h.gw', text);
    const unit = doc.responsibilities.flatMap((r) => r.units).filter((u) => u.name === name)[nth];
    const h = service.hover(doc, unit.range.start);
    return { value: (h?.contents as MarkupContent).value, range: h?.range };
  };

  it('names the canonical form, level, kind and the list in use with its reason', () => {
    const { value } = hoverOn(readSeed('000'), '威海市生态环境局乳山分局');
    assert.match(value, /级别：威海市（上级单位，驻本地）/);
    assert.match(value, /类别：政府部门/);
    assert.match(value, /曾用名：乳山市环境保护局（沿用至 2018 年）/);
    assert.match(value, /责任单位名录：乳山市（据发文机关“乳山市”推断）/);
  });

  it('gives the place in the default government sequence, which the bundled lists follow (#13)', () => {
    // 生态环境 is the 13th place of the government group (政府办公室 1, 发展改革 2 … 自然资源 12); a branch sits where its bureau sits.
    assert.match(hoverOn(readSeed('000'), '威海市生态环境局乳山分局').value, /规范顺序：政府部门第 13 位/);
    assert.match(hoverOn(readSeed('000'), '市气象局').value, /规范顺序：在党委部门、政府部门之后/);
    assert.match(hoverOn(readSeed('000'), '威海机械工程高级技工学校').value, /默认序列未列此单位/);
  });

  it('gives the history of a former name, and says a 2016 document used the name of its time', () => {
    const { value } = hoverOn(readSeed('003'), '市卫生计生委');
    assert.match(value, /规范写法：市卫生健康委/);
    assert.match(value, /本文成文于 2016 年/);
  });

  it('covers the whole name even where the PDF wrapped it', () => {
    const text = readSeed('001');
    const { range } = hoverOn(text, '区市场监督管理局');
    assert.equal(textAt(text, range!).replace(/\s+/g, ''), '区市场监督管理局');
  });
});

describe('查找责任单位', () => {
  it('gongwen.server.findUnitTasks lists the task items naming a unit, any of its forms', () => {
    const doc = service.parse('mem://seed001.gw', readSeed('001'));
    assert.ok(service.commands.includes('gongwen.server.findUnitTasks'));
    const tasks = service.executeCommand('gongwen.server.findUnitTasks', doc, ['区市场监督管理局']).data as UnitTask[];
    // Five lists write 区市场监管局 and one 区市场监督管理局: six tasks of one unit.
    assert.equal(tasks.length, 6);
    assert.deepEqual(tasks[0].path, ['三、提升行动', '（一）青少年科学素质提升行动', '——推动校内外科学教育资源有效贯通']);
    assert.ok(tasks.some((t) => t.unit === '区市场监督管理局'));
  });

  it('finds a 2016 unit by its successor\'s name', () => {
    const doc = service.parse('mem://seed003.gw', readSeed('003'));
    const tasks = service.executeCommand('gongwen.server.findUnitTasks', doc, ['市应急管理局']).data as UnitTask[];
    assert.ok(tasks.length > 0 && tasks.every((t) => t.unit === '市安监局'));
  });

  it('gongwen units --format json FILE maps each unit to its tasks', () => {
    let out = '';
    let err = '';
    const code = main(['units', '--format', 'json', seedPath('000')], { out: (s) => (out += s), err: (s) => (err += s), colour: false }, '0.0.0');
    assert.equal(code, 0, err);
    const json = JSON.parse(out);
    assert.equal(json.jurisdiction, '乳山市');
    assert.equal(json.units['市委党校'].length, 1);
    assert.deepEqual(json.units['市委党校'][0].path, ['三、提升行动', '（五）领导干部和公务员科学素质提升行动', '2.加强科学素质教育培训']);
    const text = readSeed('000');
    const headingLine = text.split(/\r\n|\n|\r/).findIndex((l) => l.startsWith('2.加强科学素质教育培训'));
    assert.equal(json.units['市委党校'][0].range.start.line, headingLine);
    assert.equal(textAt(text, json.units['市委党校'][0].unitRange), '市委党校');
  });
});
