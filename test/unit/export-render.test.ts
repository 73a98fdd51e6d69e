/**
 * The exported .docx as LibreOffice renders it (issue #16): a seed notice with a plan and a 版记, a
 * 批复 and a 通报, converted to PDF in one run and measured (test/office/export-check.ts): at most 22
 * lines a page and 28 characters a line, full pages and full lines reached, title on page 1, the red
 * line, page numbers on alternating sides, the 版记 at the bottom of an even last page. Every seed and
 * real document: `npm run export:check`. The pagination engine (export/pages.ts) is checked against the
 * same renders: the same number of pages, and the same first line on most pages (docs/export.md).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/model/parse';
import { exportDocx } from '../../server/src/export/docx';
import { convert } from '../office/soffice';
import { checkExport, PDF_FORMAT } from '../office/export-check';
import { comparePages } from '../office/pages-check';
import { pages } from '../office/page-layout';
import { exportContent } from '../../server/src/export/content';
import { blankBeforeImprint, paginate } from '../../server/src/export/pages';
import { ROOT, seedPath } from './helpers';
import { checkSpecial } from '../office/special-check';
import { specialPieces } from '../../server/src/export/special';
import { SPECIAL_FIXTURES } from '../office/special/fixtures';

const REAL = path.join(ROOT, 'test', 'real', 'docs');
const real = (prefix: string) => path.join(REAL, fs.readdirSync(REAL).find((f) => f.startsWith(prefix))!);
/**
 * 014 holds a table (34 rows, TAB-separated in the text): its pages are measured apart (export-check.ts).
 * The 版记 of 001 and 003 follows text that ends on an odd page (版记 page numbered); that of the crafted
 * imprint-even.txt text that ends on an even page (a blank page, then the 版记, neither numbered: §7.5), its text
 * filling page 2 to the last line (the section ends on its last paragraph's mark, wordml.ts closeSection).
 */
const SOURCES = [seedPath('001'), seedPath('003'), real('024_'), real('052_'), real('014_'), path.join(ROOT, 'test', 'office', 'fixtures', 'imprint-even.txt')];
/** A crafted notice with a table of 11 columns in its body: on landscape pages (§8), the text around it portrait. */
const WIDE = path.join(ROOT, 'test', 'office', 'fixtures', 'wide-table.txt');
/** A crafted joint notice: two issuers' names stacked with 文件 beside them (§7.2.4). */
const JOINT = path.join(ROOT, 'test', 'office', 'fixtures', 'joint-logo.txt');
const ALL = [...SOURCES, WIDE, JOINT, ...SPECIAL_FIXTURES.map((f) => f.file)];

describe('export rendered by LibreOffice: the GB/T 9704-2012 layout measured (issue #16)', function () {
  this.timeout(300_000);
  let dir: string;
  const pdfs = new Map<string, string>();
  const docs = new Map<string, ReturnType<typeof parseDocument>>();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-render-'));
    const files: string[] = [];
    for (const src of ALL) {
      const doc = parseDocument('file:///x', fs.readFileSync(src, 'utf8'));
      docs.set(src, doc);
      const out = path.join(dir, path.basename(src).replace(/\.txt$/, '.docx'));
      fs.writeFileSync(out, exportDocx(doc).bytes);
      files.push(out);
    }
    const converted = convert(files, PDF_FORMAT, dir);
    ALL.forEach((src, i) => pdfs.set(src, converted.get(files[i])!));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const src of SOURCES) {
    it(`${path.basename(src)}: 22 × 28 grid, 版头, page numbers and 版记 as the standard places them`, () => {
      const doc = docs.get(src)!;
      const m = checkExport(pdfs.get(src)!, { title: doc.notice.标题?.text ?? '', imprint: !!(doc.notice.抄送 || doc.notice.印发), printed: !!doc.notice.印发, tables: doc.tables.length > 0 });
      assert.deepEqual(m.problems, []);
      // A table's pages hold its rows (4号, off the grid), not 22 lines of the body.
      assert.equal(m.tablePages > 0, doc.tables.length > 0, `${m.tablePages} table pages`);
      assert.equal(m.maxChars, 28, 'a full line holds 28 characters');
      // The crafted two-page notice fills its second page with the 署名's spacing, not with 22 lines of text.
      if (!src.endsWith('imprint-even.txt')) assert.ok(m.fullPages >= 1, `a full page holds 22 lines (${m.linesPerPage.join(',')})`);
    });
  }

  for (const f of SPECIAL_FIXTURES) {
    it(`${path.basename(f.file)}: the ${f.format} format's distinctive parts measured (GB/T 9704-2012 §10), and the grid and page numbers`, () => {
      const doc = docs.get(f.file)!;
      const pdf = pdfs.get(f.file)!;
      const m = checkExport(pdf, { title: doc.notice.标题?.text ?? '', imprint: !!(doc.notice.抄送 || doc.notice.印发), printed: !!doc.notice.印发 && f.format !== 'letter', format: f.format });
      assert.deepEqual(m.problems, []);
      const s = checkSpecial(pdf, f.format, f);
      assert.deepEqual(s.problems, [], JSON.stringify(s.figures));
      // The pagination engine lays the special format out as LibreOffice does: the export's blank page rests on it.
      const a = comparePages(paginate(specialPieces(exportContent(doc).pieces, doc, f.format)), pages(pdf));
      assert.equal(a.enginePages, a.renderedPages, 'pages');
      assert.equal(a.sameFirstLine, a.renderedPages, JSON.stringify(a.firstDifference));
    });
  }

  it('a blank page before the 版记 exactly where the pagination engine puts one, for text ending on an even page and on an odd one (§7.5)', () => {
    const cases = new Set<boolean>();
    for (const src of SOURCES) {
      const doc = docs.get(src)!;
      if (!doc.notice.抄送 && !doc.notice.印发) continue;
      const m = checkExport(pdfs.get(src)!, { title: doc.notice.标题?.text ?? '', imprint: true, printed: !!doc.notice.印发 });
      const engine = blankBeforeImprint(paginate(exportContent(doc).pieces));
      assert.equal(m.blankBeforeImprint, engine, `${path.basename(src)}: blank page before the 版记`);
      cases.add(engine);
    }
    assert.deepEqual([...cases].sort(), [false, true], 'both cases rendered');
  });

  it('joint-logo.txt: the joint issuers stacked, 文件 beside them and centred on them, 35 mm below the 版心 (§7.2.4)', () => {
    const doc = docs.get(JOINT)!;
    const pdf = pdfs.get(JOINT)!;
    assert.deepEqual(checkExport(pdf, { title: doc.notice.标题?.text ?? '', imprint: false, printed: false }).problems, []);
    const [first] = pages(pdf);
    const [a, suffix, b] = first.lines;
    assert.deepEqual([a.text, suffix.text, b.text].map((t) => t.replace(/\s+/g, '')), ['中共某县委员会', '文件', '某县人民政府']);
    // 文件 to the right of the names, half-way between their lines; the names spread to one width.
    assert.ok(suffix.x0 > Math.max(a.x1, b.x1), '文件 right of the names');
    assert.ok(Math.abs((suffix.y0 + suffix.y1) / 2 - (a.y0 + b.y1) / 2) < 6, '文件 centred on the names');
    assert.ok(Math.abs(a.x0 - b.x0) < 3 && Math.abs(a.x1 - b.x1) < 3, 'the names spread to one width');
    const c = comparePages(paginate(exportContent(doc).pieces, doc.text), pages(pdf));
    assert.equal(c.enginePages, c.renderedPages);
    assert.equal(c.sameFirstLine, c.renderedPages);
  });

  it('wide-table.txt: the 11-column table on landscape pages of its own, the page number turned where the portrait pages have it (§8)', () => {
    const doc = docs.get(WIDE)!;
    const pdf = pdfs.get(WIDE)!;
    const m = checkExport(pdf, { title: doc.notice.标题?.text ?? '', imprint: true, printed: true, tables: true });
    assert.deepEqual(m.problems, []);
    const ps = pages(pdf);
    const turned = ps.filter((p) => p.width > p.height).map((p) => p.number);
    // The notice's first page, the table on pages 2–4 (its header row on each), the rest of the text and the 版记 portrait.
    assert.deepEqual(turned, [2, 3, 4]);
    for (const n of turned) assert.ok(ps[n - 1].words.some((w) => w.text === '序号'), `page ${n}: the header row`);
    assert.ok(ps[4].lines.some((l) => l.text.startsWith('请各区县')), 'the text after the table is on a portrait page');
    assert.equal(m.maxChars, 28);
  });

  it('the pagination engine gives the pages LibreOffice renders for a document without tables: the same count, the same first line on most pages', () => {
    let same = 0;
    let total = 0;
    // First lines on the documents without tables: a table page opens with a row whose cells, centred in their
    // height, poppler reads line by line across the row (the next test checks the table documents' pages).
    const withoutTables = SOURCES.filter((src) => docs.get(src)!.tables.length === 0);
    assert.ok(withoutTables.length >= 3, withoutTables.join(', '));
    for (const src of withoutTables) {
      const doc = docs.get(src)!;
      const a = comparePages(paginate(exportContent(doc).pieces, doc.text), pages(pdfs.get(src)!));
      assert.equal(a.enginePages, a.renderedPages, `${path.basename(src)}: pages`);
      // A line broken one character apart (Latin text and figures are measured, not set on the grid) shifts
      // the first lines after it by one until both break a page at a paragraph's end: three pages in four at least.
      assert.ok(a.sameFirstLine * 4 >= a.renderedPages * 3, `${path.basename(src)}: ${a.sameFirstLine} of ${a.renderedPages} first lines (${JSON.stringify(a.firstDifference)})`);
      same += a.sameFirstLine;
      total += a.renderedPages;
    }
    assert.ok(same >= 0.9 * total, `${same} of ${total} first lines`);
  });

  it('the pagination engine lays tables out as LibreOffice does: the rendered page count, and the same pages landscape, for 014 and the 11-column notice', () => {
    for (const src of [real('014_'), WIDE]) {
      const doc = docs.get(src)!;
      const engine = paginate(exportContent(doc).pieces, doc.text);
      const rendered = pages(pdfs.get(src)!);
      assert.equal(engine.length, rendered.length, `${path.basename(src)}: pages`);
      assert.deepEqual(engine.filter((p) => p.landscape).map((p) => p.number), rendered.filter((p) => p.width > p.height).map((p) => p.number), `${path.basename(src)}: landscape pages`);
      // Every page the 11-column table runs on opens with its header row (w:tblHeader), as in the render.
      for (const p of engine.filter((x) => x.landscape)) assert.ok(p.lines[0].row?.header, `${path.basename(src)} page ${p.number}: the header row first`);
    }
  });
});
