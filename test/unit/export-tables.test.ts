/**
 * Tables in the export (issue #16): a table of the model becomes a Word table as wide as the 版心,
 * ruled, its header row repeated on every page, in 仿宋 below the body's size; its cells are no
 * longer paragraphs of the body. The rendered pages are measured in export-render.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/model/parse';
import { exportDocx } from '../../server/src/export/docx';
import { exportContent } from '../../server/src/export/content';
import { columnWidths, TABLE_SIZE } from '../../server/src/export/table';
import { TEXT_WIDTH } from '../../server/src/export/layout';
import { ROOT } from './helpers';

const REAL = path.join(ROOT, 'test', 'real', 'docs');
const real = (prefix: string) => parseDocument('file:///x', fs.readFileSync(path.join(REAL, fs.readdirSync(REAL).find((f) => f.startsWith(prefix))!), 'utf8'));
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]);
const rows = (tbl: string) => [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]);
const cells = (tr: string) => [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('export: tables as Word tables (issue #16)', () => {
  const doc014 = real('014_');
  const xml014 = exportDocx(doc014).parts['word/document.xml'];

  it('014: the 税目税率表 is one Word table of 34 rows × 4 cells, as wide as the 版心, ruled all round', () => {
    const found = tables(xml014);
    // The 版记 is a table too (no 抄送 in 014, so only the rates table here).
    const rates = found.find((t) => t.includes('含采集野生水果'))!;
    assert.ok(rates);
    assert.match(rates, new RegExp(`<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>`));
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) assert.match(rates, new RegExp(`<w:${side} w:val="single"`));
    const trs = rows(rates);
    assert.equal(trs.length, 34);
    assert.ok(trs.every((tr) => cells(tr).length === 4));
    assert.deepEqual(cells(trs[4]), ['果　　品', '8', '', '含采集野生水果']);
    // 4 columns: 4号 (14 pt) 仿宋_GB2312.
    assert.match(rates, new RegExp(`<w:rFonts w:ascii="仿宋_GB2312"[^>]*/><w:sz w:val="${TABLE_SIZE.narrow}"/>`));
  });

  it('014: the cells are not paragraphs of the body any more', () => {
    const pieces = exportContent(doc014).pieces;
    assert.equal(pieces.filter((p) => p.kind === 'table').length, 1);
    assert.ok(!pieces.some((p) => (p.kind === 'paragraph' || p.kind === 'heading') && /^(\(一\))?植物药材|^果　+品/.test(p.kind === 'heading' ? p.head : p.text)));
  });

  it('033: five tables of 12 columns in 五号, the 序号 … 备注 header repeated on every page', () => {
    const xml = exportDocx(real('033_')).parts['word/document.xml'];
    const found = tables(xml);
    assert.equal(found.length, 5);
    for (const t of found) {
      const [header, ...body] = rows(t);
      assert.match(header, /<w:tblHeader\/>/);
      assert.ok(!body.some((r) => r.includes('<w:tblHeader/>')), 'only the header row repeats');
      assert.equal(cells(header)[0], '序号');
      assert.equal(cells(header).length, 12);
      assert.match(t, new RegExp(`<w:sz w:val="${TABLE_SIZE.wide}"/>`));
      assert.equal([...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((s, m) => s + Number(m[1]), 0), TEXT_WIDTH);
    }
    // A record that could not be aligned: its 序号 in the first column, its lines in order across the rest.
    const first = rows(found[0])[1];
    assert.equal(cells(first)[0], '1');
    assert.match(first, /<w:gridSpan w:val="11"\/>/);
    assert.ok(cells(first)[1].startsWith('擅自在公路上设卡、收费的｜市、区县交通运输主管部门｜'));
    // The document ends with a table: a 1 pt paragraph closes the body (Word wants one), no empty line of the grid.
    assert.match(xml, /<\/w:tbl><w:p><w:pPr><w:snapToGrid w:val="0"\/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"\/>/);
    // Before the next 附件 (a new page) no empty line follows a table: it could make a blank page.
    assert.ok(!/<\/w:tbl><w:p><w:pPr><w:spacing[^>]*\/><w:jc w:val="both"\/><\/w:pPr><\/w:p><w:p><w:pPr><w:keepNext\/><w:pageBreakBefore\/>/.test(xml));
    assert.match(xml, /<\/w:tbl><w:p><w:pPr><w:keepNext\/><w:pageBreakBefore\/>/);
  });

  it('column widths follow how much text a column holds, never under two characters', () => {
    const widths = columnWidths(real('033_').tables[0]);
    assert.equal(widths.length, 12);
    assert.equal(widths.reduce((a, b) => a + b, 0), TEXT_WIDTH);
    // 违反法律条款 (long clauses) is wider than 序号 and 违法情节 (轻微, 较轻 …).
    assert.ok(widths[3] > 2 * widths[0] && widths[3] > 2 * widths[5], widths.join(','));
    assert.ok(Math.min(...widths) >= 2 * TABLE_SIZE.wide * 10, widths.join(','));
  });
});
