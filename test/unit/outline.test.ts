/**
 * The Outline (document symbols) and folding by parts (issue #13, decision "Outline"): the covering
 * document named by its genre with the notice's elements and its own headings, then each issued or
 * forwarded document and each attachment with its own heading tree.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/features/folding';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseDocument } from '../../server/src/model/parse';
import type { GongwenDocument } from '../../server/src/model/types';
import { ROOT, readSeed, SEEDS_DIR } from './helpers';

const REAL_DIR = path.join(ROOT, 'test', 'real', 'docs');

function readReal(prefix: string): string {
  const name = fs.readdirSync(REAL_DIR).find((f) => f.startsWith(prefix));
  assert.ok(name, `no real document ${prefix}`);
  return fs.readFileSync(path.join(REAL_DIR, name), 'utf8');
}

const parse = (text: string): GongwenDocument => parseDocument('file:///test.txt', text);
const names = (symbols: readonly DocumentSymbol[] | undefined) => (symbols ?? []).map((s) => s.name);
const all = (symbols: readonly DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((s) => [s, ...all(s.children ?? [])]);

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('outline: document symbols by part', () => {
  describe('seed 002 (a notice issuing an 实施意见)', () => {
    const doc = parse(readSeed('002'));
    const symbols = documentSymbols(doc);
    const [cover, issued] = symbols;

    it('has two top-level symbols: the notice (印发) and the issued 实施意见', () => {
      assert.deepEqual(names(symbols), ['通知（印发）', '关于新时代进一步加强科学技术普及工作的 实施意见']);
      assert.equal(cover!.detail, '关于印发《关于新时代进一步加强科学技术普及工作的实施意见》的通知');
      assert.equal(issued!.detail, '印发的意见 · 一、（一）1.（1）编号');
      assert.equal(cover!.kind, SymbolKind.File);
      assert.equal(issued!.kind, SymbolKind.File);
    });

    it('puts the notice elements under the cover, in the order they stand', () => {
      assert.deepEqual(names(cover!.children), ['发文机关标志', '标题', '发文字号', '主送机关', '正文', '发文机关署名', '成文日期', '附注']);
      assert.equal(cover!.children!.find((s) => s.name === '发文字号')!.detail, '威科字〔2024〕8号');
    });

    it('puts the plan opening and the heading tree under the issued part, its title as the selection', () => {
      assert.deepEqual(names(issued!.children), ['方案导语', '一、总体要求', '二、加强科普能力建设', '三、促进科普与科技创新协同发展', '四、深入推进重点人群科普工作', '五、开展重点领域科普工作', '六、强化工作保障']);
      assert.equal(issued!.children![2]!.children!.length, 6);
      assert.deepEqual(issued!.selectionRange, doc.parts[1]!.title!.range);
      assert.deepEqual(issued!.range, doc.parts[1]!.range);
    });
  });

  describe('real 013 (a notice issuing five 办法 in 章 and 条)', () => {
    const doc = parse(readReal('013_'));
    const symbols = documentSymbols(doc);

    it('lists the cover and the five 办法 at the top level, each with its own scheme', () => {
      assert.deepEqual(names(symbols), [
        '通知（印发）',
        '兰州市建设项目生成管理办法（试行）',
        '兰州市政务服务帮办代办实施办法（试行）',
        '兰州市投资项目“多评合一”管理办法（试 行）',
        '兰州市工程建设项目审批管理系统运行管理办法（试行）',
        '兰州市企业投资项目审批告知承诺制管理办法（试行）',
      ]);
      for (const part of symbols.slice(1)) assert.equal(part.detail, '印发的办法 · 第X章/第X条', part.name);
    });

    it('nests 章 and 条 inside each 办法, with the chapter and article symbol kinds', () => {
      const first = symbols[1]!;
      assert.deepEqual(names(first.children), ['第一章总则', '第二章政府投资项目生成', '第三章企业投资经营性项目生成', '第四章附\u3000则']);
      assert.equal(first.children![0]!.kind, SymbolKind.Module);
      assert.equal(first.children![0]!.children![0]!.kind, SymbolKind.Namespace);
      assert.match(first.children![0]!.children![0]!.name, /^第一条/);
      // `　　第二条` is indented: its symbol starts at the line start, so a cursor at column 1 is in it.
      const second = first.children![0]!.children![1]!;
      assert.match(second.name, /^第二条/);
      assert.deepEqual(second.range.start, { line: second.selectionRange.start.line, character: 0 });
      assert.ok(second.selectionRange.start.character > 0);
      // The second 办法 starts again at 第一章: its tree is its own, not a continuation of the first.
      assert.match(symbols[2]!.children![0]!.name, /^第一章/);
      // The third has no chapters: its articles are its top level.
      assert.match(symbols[3]!.children![0]!.name, /^第一条/);
    });

    it('keeps the notice elements under the cover only', () => {
      assert.deepEqual(names(symbols[0]!.children), ['标题', '发文字号', '主送机关', '正文', '发文机关署名', '成文日期']);
      assert.ok(!all(symbols.slice(1)).some((s) => s.name === '方案标题'), 'the issued title is the part itself');
    });

    it('folds each part', () => {
      const folds = foldingRanges(doc);
      for (const part of doc.parts) {
        const fold = folds.find((f) => f.startLine === part.range.start.line);
        assert.ok(fold, `no fold at line ${part.range.start.line}`);
        assert.equal(fold.endLine, part.range.end.line, `fold at line ${part.range.start.line}`);
      }
    });
  });

  describe('real 043 (an 意见 with its own headings and no carried document)', () => {
    const doc = parse(readReal('043_'));
    const symbols = documentSymbols(doc);

    it('has one top-level symbol, 意见, holding its elements and headings in document order', () => {
      assert.deepEqual(names(symbols), ['意见']);
      assert.equal(symbols[0]!.detail, '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见');
      assert.deepEqual(names(symbols[0]!.children), ['标题', '发文字号', '主送机关', '正文', '一、总体要求', '二、主要目标', '三、重点任务', '四、保障措施', '发文机关署名', '成文日期', '附注']);
    });

    it('does not fold the lone cover (it is the whole file) but folds its sections', () => {
      const folds = foldingRanges(doc);
      assert.ok(!folds.some((f) => f.startLine === 0 && f.endLine === doc.parts[0]!.range.end.line), JSON.stringify(folds));
      assert.ok(folds.some((f) => f.startLine === 15), '三、重点任务 folds');
    });
  });

  it('names a cover without a genre 公文 and an untitled issued part by what it is (seed 000)', () => {
    const symbols = documentSymbols(parse(readSeed('000')));
    assert.deepEqual(names(symbols), ['公文', '印发的文件']);
    assert.equal(symbols[1]!.detail, '一、（一）1.（1）编号', 'the name is not repeated in the detail');
    assert.deepEqual(names(symbols[1]!.children).slice(1), ['一、指导思想', '二、主要目标', '三、提升行动', '四、重点工程', '五、组织实施与保障']);
  });

  it('names attachments by label and title, and a forwarded document with its 文号 (real 031, 027)', () => {
    const attached = documentSymbols(parse(readReal('031_')));
    assert.deepEqual(names(attached).slice(1, 2), ['附件1 浙江省城市道路占道收费项目和标准']);
    assert.equal(attached[1]!.detail, '附件');
    const forwarded = documentSymbols(parse(readReal('027_')));
    assert.equal(forwarded[0]!.name, '通知（转发）');
    assert.equal(forwarded[1]!.detail, '转发的通知 · 工信厅科函﹝2024﹞398号 · 一、（一）1.（1）编号');
  });

  // Breadcrumbs and sticky scroll find the symbol around the cursor by its range: a child outside
  // its parent would never be shown there.
  it('on every seed and real document, each child lies inside its parent and each selection inside its range', () => {
    const files = [
      ...fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS_DIR, f)),
      ...fs.readdirSync(REAL_DIR).filter((f) => f.endsWith('.txt')).map((f) => path.join(REAL_DIR, f)),
    ];
    const problems: string[] = [];
    for (const file of files) {
      const symbols = documentSymbols(parse(fs.readFileSync(file, 'utf8')));
      for (const s of all(symbols)) {
        if (!contains(s.range, s.selectionRange)) problems.push(`${path.basename(file)} ${s.name}: selection ${show(s.selectionRange)} outside ${show(s.range)}`);
        for (const c of s.children ?? []) {
          if (!contains(s.range, c.range)) problems.push(`${path.basename(file)} ${c.name} ${show(c.range)} outside ${s.name} ${show(s.range)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
