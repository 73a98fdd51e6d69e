/**
 * The pagination engine (server/src/export/pages.ts, lines.ts; issue #16): lines of the 22 × 28 grid
 * with 避头尾, pages of 22 lines, the documents issued and 附件 from a new page, the 署名 never alone
 * on a page, the 版记 at the bottom of an even last page with a blank page before it when needed.
 * Agreement with LibreOffice's rendering: test/unit/export-render.test.ts.
 */
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/parse';
import { exportContent, type Piece } from '../../server/src/export/content';
import { BODY_HEIGHT, blankBeforeImprint, paginate } from '../../server/src/export/pages';
import { breakLines, HAN, OFF_GRID } from '../../server/src/export/lines';
import { cellLineHeight, columnWidths } from '../../server/src/export/table';
import { TEXT_WIDTH } from '../../server/src/export/layout';
import { LANDSCAPE_HEIGHT, LANDSCAPE_WIDTH } from '../../server/src/export/landscape';
import { readSeed } from './helpers';

const para = (text: string): Piece => ({ kind: 'paragraph', text });
const head: Piece[] = [
  { kind: 'logo', text: '测试县人民政府文件' },
  { kind: 'doc-number', text: '测政发〔2024〕1号' },
  { kind: 'title', text: '测试县人民政府关于开展测试工作的通知' },
  { kind: 'addressee', text: '各乡镇人民政府：' },
];
const closing: Piece[] = [
  { kind: 'signature', text: '测试县人民政府' },
  { kind: 'date', text: '2024年1月2日' },
];
const imprint: Piece = { kind: 'imprint', cc: '县委办公室。', printer: '测试县人民政府办公室', printed: '2024年1月2日印发' };
const CJK = '的';

describe('pagination engine: lines on the 22 × 28 grid (issue #16)', () => {
  it('fills a line with 28 characters, the first line of a paragraph with 25 (an indent of two 16 pt characters is 2.03 cells)', () => {
    const lines = breakLines(CJK.repeat(60), 28 - (2 * 320) / (8844 / 28), 28);
    assert.deepEqual(lines.map((l) => l.text.length), [25, 28, 7]);
    assert.deepEqual(lines.map((l) => l.start), [0, 25, 53]);
  });

  it('避头尾: a stop or comma hangs past the edge, a bracket or two marks pull a character down; an opening mark never ends a line', () => {
    assert.deepEqual(breakLines(CJK.repeat(28) + '。后', 28, 28).map((l) => l.text), [CJK.repeat(28) + '。', '后']);
    assert.deepEqual(breakLines(CJK.repeat(28) + '。”后', 28, 28).map((l) => l.text), [CJK.repeat(27), CJK + '。”后']);
    // A closing bracket does not hang: it takes the last character down with it.
    assert.deepEqual(breakLines(CJK.repeat(28) + '）后', 28, 28).map((l) => l.text), [CJK.repeat(27), CJK + '）后']);
    assert.deepEqual(breakLines(CJK.repeat(27) + '《书名》', 28, 28).map((l) => l.text), [CJK.repeat(27), '《书名》']);
  });

  it('keeps a figure whole (2021, 16.1%) unless it alone is longer than the line', () => {
    const lines = breakLines(CJK.repeat(26) + '2021年', 28, 28);
    assert.deepEqual(lines.map((l) => l.text), [CJK.repeat(26), '2021年']);
    assert.equal(breakLines('1'.repeat(80), 28, 28).length > 1, true);
  });
});

describe('pagination engine: Chinese characters beside Latin text', () => {
  it('HAN, written out as ranges, holds exactly the characters of \\p{Script=Han} (every code point)', () => {
    const property = /\p{Script=Han}/u;
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (HAN.test(c) !== property.test(c)) differ.push(`U+${cp.toString(16).toUpperCase()}`);
    }
    assert.deepEqual(differ.slice(0, 10), []);
  });
});

describe('pagination engine: pages (issue #16)', () => {
  it('puts at most 22 grid lines in the 版心 of a page and numbers the pages', () => {
    const pages = paginate([...head, ...Array.from({ length: 12 }, () => para(CJK.repeat(277))), ...closing]);
    assert.ok(pages.length >= 3);
    pages.forEach((p, i) => assert.equal(p.number, i + 1));
    for (const p of pages.slice(1)) {
      assert.ok(p.lines.length <= 22, `page ${p.number}: ${p.lines.length} lines`);
      for (const l of p.lines) assert.ok(l.y >= 0 && l.y + l.height <= BODY_HEIGHT + 1, `page ${p.number}: a line outside the 版心`);
    }
    // A page of long paragraphs is full: 22 lines (widow and orphan control leaves short pages only around short paragraphs).
    assert.ok(pages.slice(1, -1).some((p) => p.lines.length === 22));
  });

  it('never leaves the 署名 and 成文日期 on a page without body text: the last paragraph goes with them', () => {
    // Enough text that the 署名 falls just past the end of page 1.
    for (let n = 1; n < 40; n++) {
      const pages = paginate([...head, para(CJK.repeat(n * 10)), ...closing]);
      const sig = pages.find((p) => p.lines.some((l) => l.kind === 'signature'))!;
      assert.ok(sig.lines.some((l) => l.kind === 'paragraph'), `n=${n}: the 署名 on page ${sig.number} stands without body text`);
      assert.ok(sig.lines.some((l) => l.kind === 'date'));
    }
  });

  it('puts the 版记 at the bottom of an even page, with a blank page before it when the text ends on an even page', () => {
    const odd = paginate([...head, para('正文。'), ...closing, imprint]);
    assert.equal(odd.length, 2);
    assert.ok(odd[1].imprint && !odd[1].blank);
    // §7.5: no blank page before it, so the 版记 page is numbered like the others.
    assert.deepEqual(odd.map((p) => p.numbered), [true, true]);
    assert.equal(blankBeforeImprint(odd), false);
    const last = odd[1].lines[odd[1].lines.length - 1];
    assert.equal(last.y + last.height, 22 * 579, 'the 印发 line on the 22nd line');

    let n = 1;
    let pages = paginate([...head, para(CJK.repeat(n)), ...closing, imprint]);
    while (pages.length < 4 && n < 2000) pages = paginate([...head, para(CJK.repeat((n += 20))), ...closing, imprint]);
    // The text now ends on page 2: page 3 is blank (no number printed) and the 版记 is on page 4.
    assert.equal(pages.length, 4);
    assert.ok(pages[2].blank && pages[2].lines.length === 0);
    assert.ok(pages[3].imprint && pages[3].number === 4);
    // §7.5: "版记页前有空白页的，空白页和版记页均不编排页码".
    assert.deepEqual(pages.map((p) => p.numbered), [true, true, false, false]);
    assert.equal(blankBeforeImprint(pages), true);
  });

  it('starts each document issued and each 附件 on a new page, and gives each line where it stands in the source', () => {
    const text = readSeed('001');
    const doc = parseDocument('file:///x', text);
    const pieces = exportContent(doc).pieces;
    const pages = paginate(pieces, text);
    const starts = pages.filter((p) => p.lines[0]?.kind === 'part-start');
    assert.equal(starts.length, pieces.filter((p) => p.kind === 'part-start').length);
    const located = pages.flatMap((p) => p.lines).filter((l) => l.from !== undefined);
    for (const l of located) assert.equal(text.slice(l.from, l.to).replace(/\s+/g, ''), l.text.replace(/\s+/g, ''));
  });

  it('lays a table out as table.ts writes it: a row of ruled cells as wide as the columns, where it stands (issue #16)', () => {
    const rows = ['品目\t单位\t税率\t备注', '烟叶\t元/公斤\t20%\t无', '毛茶\t元/公斤\t16%\t无', '水果\t元/公斤\t12%\t产地在本县境内、由县级以上人民政府确认为特色农产品的，按规定减半征收'];
    const doc = parseDocument('file:///t.gw', ['关于调整测试税目的通知', '', '各乡镇人民政府：', '　　现将税目调整如下。', ...rows, '　　特此通知。', ''].join('\n'));
    assert.equal(doc.tables.length, 1, 'the TAB rows are a table of the model');
    const pages = paginate(exportContent(doc).pieces, doc.text);
    const lines = pages.flatMap((p) => p.lines);
    const table = lines.filter((l) => l.kind === 'table' && l.row);
    assert.equal(table.length, 4);
    const widths = columnWidths(doc.tables[0]);
    for (const l of table) {
      assert.equal(l.style, 'row');
      assert.deepEqual(l.row!.cells.map((c) => c.width), widths);
      assert.equal(l.row!.cells.reduce((a, c) => a + c.width, 0), TEXT_WIDTH);
      // As high as its tallest cell, in the table's single spacing, plus its rule.
      assert.equal(l.height, l.row!.lines * cellLineHeight(doc.tables[0]) + 10);
    }
    assert.deepEqual(table[1].row!.cells.map((c) => c.lines.join('')), ['烟叶', '元/公斤', '20%', '无']);
    // The long 备注 is broken at its column's width: the row is as many lines high.
    const long = table[3].row!.cells[3].lines;
    assert.ok(long.length >= 2 && table[3].row!.lines === long.length, long.join('/'));
    assert.ok(table[0].height < table[3].height);
    const at = (t: string) => lines.findIndex((l) => l.text.includes(t));
    assert.ok(at('现将税目') < at('品目') && at('水果') < at('特此通知'), 'between the paragraphs around it');
    assert.ok(!pages.some((p) => p.landscape), 'four columns stay portrait');
  });

  it('puts a table of ten or more columns on landscape pages of its own, its header row on each, the text after it portrait', () => {
    const cols = Array.from({ length: 11 }, (_, k) => `栏目${k + 1}`);
    const records = Array.from({ length: 60 }, (_, r) => [String(r + 1), ...cols.slice(1).map((_, k) => (k === 3 ? '路面改造及排水管网铺设，沿线绿化提升，新建港湾式公交站台两处' : `内容${r}`))].join('\n'));
    const text = ['关于报送项目情况的通知', '', '各区县人民政府：', '', '　　现将项目情况列表如下。', '', ['序号', ...cols.slice(1)].join('\n'), '', records.join('\n\n'), '', '　　特此通知。', ''].join('\n');
    const doc = parseDocument('file:///t.gw', text);
    assert.equal(doc.tables[0]?.columns, 11);
    const pages = paginate(exportContent(doc).pieces, doc.text);
    const turned = pages.filter((p) => p.landscape);
    assert.ok(turned.length >= 2, `${turned.length} landscape pages`);
    assert.ok(!pages[0].landscape && !pages[pages.length - 1].landscape);
    for (const p of turned) {
      assert.ok(p.lines[0].row?.header, `page ${p.number} opens with the header row`);
      assert.ok(p.lines.every((l) => l.row), `page ${p.number} holds the table only`);
      const last = p.lines[p.lines.length - 1];
      assert.ok(last.y + last.height <= LANDSCAPE_HEIGHT + 1, `page ${p.number} inside the landscape 版心`);
      assert.equal(p.lines[0].row!.cells.reduce((a, c) => a + c.width, 0), LANDSCAPE_WIDTH);
    }
    // Every record once, in order, across the landscape pages.
    const serials = turned.flatMap((p) => p.lines.filter((l) => !l.row!.header).map((l) => l.row!.cells[0].lines.join('')));
    assert.deepEqual(serials, records.map((_, r) => String(r + 1)));
    assert.ok(pages[pages.length - 1].lines.some((l) => l.text.includes('特此通知')));
  });

  it('ends when a row that may not split is taller than a page under the repeated header: it stands on a page of its own, overfull', () => {
    // 20 narrow columns: a header of 40 characters a cell is 20 lines, a row of 60 characters a cell 24 (w:cantSplit: short cells).
    const cell = (text: string) => ({ text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    const columns = 20;
    const header = { cells: Array.from({ length: columns }, () => cell('栏目说明'.repeat(10))), aligned: true };
    const row = (n: number) => ({ cells: Array.from({ length: columns }, (_, k) => cell(k === 0 ? String(n) : '内容'.repeat(30))), aligned: true });
    const table = { shape: 'cell-lines' as const, columns, headerRows: 1, rows: [header, row(1), row(2)], firstLine: 0, lastLine: 0, range: header.cells[0].range };
    const pages = paginate([{ kind: 'table', table } as Piece]);
    const rows = pages.flatMap((p) => p.lines.filter((l) => l.row && !l.row.header));
    assert.deepEqual(rows.map((l) => l.row!.cells[0].lines.join('')), ['1', '2']);
    for (const p of pages.slice(1)) assert.ok(p.lines[0].row?.header && p.lines.length === 2, `page ${p.number}: the header and one row`);
  });

  it('breaks a cell\'s text as LibreOffice does off the grid: no stop hanging past the cell, a space between figures and Chinese', () => {
    // A stop does not hang in a cell: the character before it goes down with it.
    assert.deepEqual(breakLines('正，没有造成危害后果，或满足', 5, 5, OFF_GRID).map((l) => l.text), ['正，没有造', '成危害后', '果，或满足']);
    assert.deepEqual(breakLines('正，没有造成危害后果，或满足', 5, 5).map((l) => l.text), ['正，没有造', '成危害后果，', '或满足']);
    // 53 Chinese characters and 4 figures each between two: 57.3 cells with the autospacing, so a 58th character goes down (033, measured).
    const line = '一般｜擅自设置1块以上，3块及以内非公路标志，或擅自设置标志总面积在2平方米以上5平方米及以内的｜一般｜处一万元罚款';
    assert.deepEqual(breakLines(line, 57.47, 57.47, OFF_GRID).map((l) => l.text.slice(-2)), ['元罚', '款']);
  });

  it('lays out every seed without a line outside the 版心 and with the title on page 1', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const doc = parseDocument('file:///x', readSeed(prefix));
      const pages = paginate(exportContent(doc).pieces, doc.text);
      assert.ok(pages[0].lines.some((l) => l.kind === 'title'), prefix);
      for (const p of pages) for (const l of p.lines) assert.ok(l.y + l.height <= BODY_HEIGHT + 1 || p.lines.length === 1, `${prefix} page ${p.number}`);
    }
  });
});
