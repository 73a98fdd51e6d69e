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
import { PAGE, TEXT_WIDTH } from '../../server/src/export/layout';
import { isLandscape, LANDSCAPE_FOOTERS, LANDSCAPE_WIDTH, NUMBER_Y, PORTRAIT_COLUMNS } from '../../server/src/export/landscape';
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
      // On a landscape page (§8): as wide as the landscape 版心, 225 mm.
      assert.equal([...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((s, m) => s + Number(m[1]), 0), LANDSCAPE_WIDTH);
    }
    // A record that could not be aligned: its 序号 in the first column, its lines in order across the rest.
    const first = rows(found[0])[1];
    assert.equal(cells(first)[0], '1');
    assert.match(first, /<w:gridSpan w:val="11"\/>/);
    assert.ok(cells(first)[1].startsWith('擅自在公路上设卡、收费的｜市、区县交通运输主管部门｜'));
    // The document ends with a table: a 1 pt paragraph closes the body (Word wants one), no empty line of the grid.
    assert.match(xml, /<\/w:tbl><w:p><w:pPr><w:snapToGrid w:val="0"\/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"\/>/);
    // Before the next 附件 (a new section, a new page) no empty line of the grid follows a table, only the 1 pt
    // paragraph that closes the landscape section; the 附件's label needs no page break of its own.
    assert.equal([...xml.matchAll(/<\/w:tbl><w:p><w:pPr><w:snapToGrid w:val="0"\/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"\/><w:jc w:val="both"\/><w:sectPr>/g)].length, 4);
    assert.ok(!xml.includes('<w:pageBreakBefore/>'), 'every 附件 of 033 opens a section');
    // The covering notice portrait, each table a landscape section; none empty between two of them (a blank page).
    const orient = [...xml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => (m[1].includes('w:orient="landscape"') ? 'L' : 'P'));
    assert.deepEqual(orient, ['P', 'L', 'L', 'L', 'L', 'L']);
  });

  it('column widths follow how much text a column holds, never under two characters', () => {
    const widths = columnWidths(real('033_').tables[0]);
    assert.equal(widths.length, 12);
    assert.equal(widths.reduce((a, b) => a + b, 0), LANDSCAPE_WIDTH);
    assert.equal(columnWidths(real('033_').tables[0], TEXT_WIDTH).reduce((a, b) => a + b, 0), TEXT_WIDTH);
    // 违反法律条款 (long clauses) is wider than 序号 and 违法情节 (轻微, 较轻 …).
    assert.ok(widths[3] > 2 * widths[0] && widths[3] > 2 * widths[5], widths.join(','));
    assert.ok(Math.min(...widths) >= 2 * TABLE_SIZE.wide * 10, widths.join(','));
  });

  describe('wide tables on landscape pages (GB/T 9704-2012 §8)', () => {
    const wide = parseDocument('file:///x', fs.readFileSync(path.join(ROOT, 'test', 'office', 'fixtures', 'wide-table.txt'), 'utf8'));
    const out = exportDocx(wide);
    const xml = out.parts['word/document.xml'];
    const sections = [...xml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1]);

    it('a table of more than nine columns goes landscape, one of nine or fewer stays portrait', () => {
      assert.equal(wide.tables[0].columns, 11);
      assert.ok(isLandscape(wide.tables[0]));
      assert.ok(!isLandscape({ ...wide.tables[0], columns: PORTRAIT_COLUMNS }));
      assert.ok(!isLandscape(doc014.tables[0]));
      assert.ok(!xml014.includes('w:orient="landscape"'));
    });

    it('the table in a landscape section of its own between two portrait ones, the 版心 225 × 156 mm, numbering running on', () => {
      // Portrait text before, the table, portrait text after, the 版记's section.
      assert.equal(sections.length, 4);
      const orient = sections.map((s) => (s.includes('w:orient="landscape"') ? 'landscape' : 'portrait'));
      assert.deepEqual(orient, ['portrait', 'landscape', 'portrait', 'portrait']);
      const land = sections[1];
      assert.match(land, new RegExp(`<w:pgSz w:w="${PAGE.height}" w:h="${PAGE.width}" w:orient="landscape"/>`));
      const m = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(land)!.slice(1).map(Number);
      assert.equal(PAGE.height - m[1] - m[3], LANDSCAPE_WIDTH);
      assert.equal(PAGE.width - m[0] - m[2], TEXT_WIDTH);
      assert.ok(!sections.some((s) => /w:start=/.test(s)), 'no section restarts the numbering');
      // The table is inside the landscape section: after the first section's end, before the second's.
      const table = xml.indexOf('<w:tbl>');
      const ends = [...xml.matchAll(/<w:sectPr>/g)].map((x) => x.index!);
      assert.ok(ends[0] < table && table < ends[1]);
      assert.match(tables(xml)[0], /<w:tblHeader\/>/);
    });

    it('the landscape pages have their own footers: the number turned (tbRl) at the left margin, low on odd pages, high on even', () => {
      for (const side of ['odd', 'even'] as const) {
        const footer = out.parts[`word/${LANDSCAPE_FOOTERS[side]}`];
        assert.match(footer, /<w:textDirection w:val="tbRl"\/>/);
        assert.match(footer, new RegExp(`w:tblpY="${NUMBER_Y[side]}"`));
        assert.match(footer, /w:instr=" PAGE "/);
        assert.ok(out.parts['[Content_Types].xml'].includes(`/word/${LANDSCAPE_FOOTERS[side]}`));
        assert.ok(out.parts['word/_rels/document.xml.rels'].includes(`Target="${LANDSCAPE_FOOTERS[side]}"`));
      }
      assert.ok(NUMBER_Y.odd > NUMBER_Y.even);
      assert.equal(exportDocx(doc014).parts[`word/${LANDSCAPE_FOOTERS.odd}`], undefined);
    });
  });
});
