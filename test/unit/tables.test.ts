/**
 * Tables in the document model (issue #16, model/tables.ts): recognised only where the shape is
 * certain, on the real documents that hold them and on a .docx with a Word table; their cells are
 * never read as headings, titles or parts, but rules still read the cells' text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/model/parse';
import { createLanguageService } from '../../server/src/service';
import { readDocx } from '../../server/src/io/docx/read';
import { numberedDocx } from '../office/build-docx';
import type { GongwenDocument } from '../../server/src/model/types';

const REAL = path.join(__dirname, '..', 'real', 'docs');
const real = (prefix: string) => {
  const name = fs.readdirSync(REAL).find((f) => f.startsWith(prefix))!;
  return fs.readFileSync(path.join(REAL, name), 'utf8');
};
const headingLines = (doc: GongwenDocument) => doc.allHeadings.map((h) => h.markerRange.start.line);
const inside = (doc: GongwenDocument, line: number) => doc.tables.some((t) => line >= t.firstLine && line <= t.lastLine);

describe('tables in the model', () => {
  it('014: the TAB-separated 税目税率表 is one table of 4 columns, its rows not headings', () => {
    const doc = parseDocument('file:///014.txt', real('014_'));
    assert.equal(doc.tables.length, 1);
    const [table] = doc.tables;
    assert.equal(table.shape, 'tab-rows');
    assert.equal(table.columns, 4);
    // Lines 130–163 (1-based): from 一、烟叶产品 to 山野菜; the ragged header above (3 and 2 cells) is left as text.
    assert.equal(table.firstLine, 129);
    assert.equal(table.lastLine, 162);
    assert.equal(table.rows.length, 34);
    assert.ok(table.rows.every((r) => r.cells.length === 4 && r.aligned));
    assert.deepEqual(table.rows[4].cells.map((c) => c.text), ['果　　品', '8', '', '含采集野生水果']);
    // A cell's range names its characters in the source.
    const cell = table.rows[4].cells[3];
    assert.equal(doc.lines[cell.range.start.line].text.slice(cell.range.start.character, cell.range.end.character), '含采集野生水果');
    // 一、烟叶产品 and (一)植物药材 are row labels, not headings of the 办法 around the table.
    assert.ok(!headingLines(doc).some((l) => inside(doc, l)), 'a heading inside the table');
    assert.ok(headingLines(doc).length > 50, 'the document\'s own headings are still read');
  });

  it('014: rules still read the cells — the half-width brackets of (一)植物药材 are found, as punctuation', () => {
    const service = createLanguageService();
    const text = real('014_');
    const found = service.diagnostics(service.parse('file:///014.txt', text)).filter((d) => d.range.start.line === 150);
    assert.deepEqual(found.map((d) => d.code), ['punctuation-width']);
  });

  it('033: the five 裁量基准 tables, 12 columns under 序号 … 备注, records by their 序号', () => {
    const doc = parseDocument('file:///033.txt', real('033_'));
    assert.equal(doc.tables.length, 5);
    for (const t of doc.tables) {
      assert.equal(t.shape, 'cell-lines');
      assert.equal(t.columns, 12);
      assert.equal(t.headerRows, 1);
      assert.equal(t.rows[0].cells[0].text, '序号');
      assert.equal(t.rows[0].cells[11].text, '备注');
    }
    // The tables end where the next 附件 label stands (line 2097 `附件2：`), and the last runs to the end of the file.
    assert.equal(doc.tables[0].firstLine, 21);
    assert.equal(doc.tables[0].lastLine, 2094);
    assert.equal(doc.tables[4].lastLine, doc.lines.length - 1 - (doc.lines[doc.lines.length - 1].kind === 'blank' ? 1 : 0));
    // Record 2 stands one line a column: aligned; record 1 has a cell of five lines: kept in order, not aligned.
    const rows = doc.tables[0].rows;
    const record = (n: string) => rows.find((r) => r.cells[0].text === n)!;
    assert.equal(record('2').aligned, true);
    assert.deepEqual(record('2').cells.slice(0, 3).map((c) => c.text), ['2', '擅自占用、挖掘公路的', '市、区县交通运输主管部门']);
    assert.equal(record('1').aligned, false);
    assert.equal(record('1').cells.length, 16);
    // Twelve lines are not always a line a column: record 89 of table 3 has a condition `…同时满足以下条件：` whose
    // items 1.–4. are lines of the same cell (and its 处罚种类 … 备注 merged with other rows).
    const r89 = doc.tables[2].rows.find((r) => r.cells[0].text === '89')!;
    assert.equal(r89.cells.length, 12);
    assert.equal(r89.aligned, false);
    // `（一）海事部分` is a section row of table 3, not a heading that would make the attachment a plan.
    const section = doc.tables[2].rows.find((r) => r.section)!;
    assert.equal(section.cells[0].text, '（一）海事部分');
    assert.ok(!headingLines(doc).some((l) => inside(doc, l)), 'a heading inside a table');
    assert.deepEqual(
      doc.parts.map((p) => p.kind + (p.scheme ? '/' + p.scheme : '')),
      ['cover', 'issued', 'attachment', 'attachment', 'attachment', 'attachment'],
    );
  });

  it('031 and 006: tables with merged cells or a header wrapped over two lines are not certain, so not tables', () => {
    // 031: cells a line with rows of 4, 3 and 7 lines (车/行/道 merged down); 006: `资助` / `类别` is one label on two lines.
    assert.deepEqual(parseDocument('file:///031.txt', real('031_')).tables, []);
    assert.deepEqual(parseDocument('file:///006.txt', real('006_')).tables, []);
  });

  it('near misses: two TAB rows, rows of different cell counts, a 序号 header without records', () => {
    assert.equal(parseDocument('x', '标题\n\n甲\t乙\n丙\t丁\n').tables.length, 0);
    assert.equal(parseDocument('x', '甲\t乙\n丙\t丁\t戊\n己\t庚\n辛\t壬\t癸\n').tables.length, 0);
    assert.equal(parseDocument('x', '序号\n名称\n数量\n\n一、总体要求\n').tables.length, 0);
    assert.equal(parseDocument('x', '甲\t乙\n丙\t丁\n戊\t己\n').tables.length, 1);
  });

  it('a .docx table is read a row a line and becomes a table of the model', async () => {
    const read = readDocx(await numberedDocx());
    assert.ok(typeof read !== 'string');
    const doc = parseDocument('file:///numbered.docx', read.text);
    assert.equal(doc.tables.length, 1);
    assert.deepEqual(doc.tables[0].rows.map((r) => r.cells.map((c) => c.text)), [['序号', '任务'], ['1', '建立台账'], ['2', '(一)完善制度']]);
    // The cell `(一)完善制度` is no （一） heading of the notice.
    assert.ok(!doc.allHeadings.some((h) => h.title.includes('完善制度')));
    assert.ok(doc.allHeadings.some((h) => h.title.includes('完善机制')));
  });

  it('an edited document holding a table parses as a fresh parse does', () => {
    const text = real('014_');
    const first = parseDocument('file:///014.txt', text, { incremental: true });
    const at = text.indexOf('含林蛙');
    const edited = text.slice(0, at) + '含林蛙(' + text.slice(at + 3);
    const again = parseDocument('file:///014.txt', edited, { previous: first, incremental: true });
    const fresh = parseDocument('file:///014.txt', edited);
    assert.deepEqual(again.tables, fresh.tables);
    assert.deepEqual(again.blocks.map((b) => [b.firstLine, b.text]), fresh.blocks.map((b) => [b.firstLine, b.text]));
    // And removing the table's TABs gives the paragraphs back.
    const plain = parseDocument('file:///014.txt', edited.replace(/\t/g, '　'), { previous: again, incremental: true });
    assert.equal(plain.tables.length, 0);
    assert.deepEqual(plain.blocks.map((b) => [b.firstLine, b.text]), parseDocument('x', edited.replace(/\t/g, '　')).blocks.map((b) => [b.firstLine, b.text]));
  });
});
