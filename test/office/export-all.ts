/**
 * `npm run export:check`: exports every seed and every real 通知/意见/函/通报/批复 of test/real/docs,
 * renders them with LibreOffice in one run and measures each PDF (export-check.ts). Prints one line a
 * document (pages, lines per page, most characters on a line, full pages, problems) and how the
 * pagination engine agrees with the render (pages, first lines the same); then the crafted 函, 令 and
 * 纪要 of test/office/special/ with their special formats measured (special-check.ts); exit 1 on a problem.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/model/parse';
import { exportDocx } from '../../server/src/export/docx';
import { convert } from './soffice';
import { checkExport, PDF_FORMAT } from './export-check';
import { comparePages } from './pages-check';
import { pages } from './page-layout';
import { exportContent } from '../../server/src/export/content';
import { paginate } from '../../server/src/export/pages';
import { checkSpecial } from './special-check';
import { SPECIAL_FIXTURES } from './special/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const dirs = [path.join(ROOT, 'seeds'), path.join(ROOT, 'test', 'real', 'docs')];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-all-'));
const jobs: Array<{ src: string; docx: string; doc: ReturnType<typeof parseDocument> }> = [];
for (const d of dirs) {
  for (const f of fs.readdirSync(d).filter((f) => f.endsWith('.txt')).sort()) {
    const src = path.join(d, f);
    const doc = parseDocument('file:///x', fs.readFileSync(src, 'utf8'));
    if (d !== dirs[0] && !['通知', '意见', '函', '通报', '批复'].includes(doc.genre?.genre ?? '')) continue;
    const docx = path.join(dir, f.replace(/\.txt$/, '.docx'));
    fs.writeFileSync(docx, exportDocx(doc).bytes);
    jobs.push({ src, docx, doc });
  }
}
{
  // The crafted notice with an 11-column table (landscape pages, §8), as export-render.test.ts renders it.
  const src = path.join(ROOT, 'test', 'office', 'fixtures', 'wide-table.txt');
  const doc = parseDocument('file:///x', fs.readFileSync(src, 'utf8'));
  const docx = path.join(dir, 'wide-table.docx');
  fs.writeFileSync(docx, exportDocx(doc).bytes);
  jobs.push({ src, docx, doc });
}
// LibreOffice 7.4 exits with 255 partway through a batch after the 500 pages of tables of 033, though it
// renders the file alone: documents holding tables each get a run of their own.
// The special formats (§10): the crafted 函, 令 and 纪要, measured by special-check.ts too.
const special = SPECIAL_FIXTURES.map((f) => {
  const doc = parseDocument('file:///x', fs.readFileSync(f.file, 'utf8'));
  const docx = path.join(dir, `special-${path.basename(f.file, '.txt')}.docx`);
  fs.writeFileSync(docx, exportDocx(doc).bytes);
  return { f, doc, docx };
});
const plain = jobs.filter((j) => j.doc.tables.length === 0);
const pdfs = convert([...plain.map((j) => j.docx), ...special.map((s) => s.docx)], PDF_FORMAT, dir);
for (const j of jobs.filter((j) => j.doc.tables.length > 0)) pdfs.set(j.docx, convert([j.docx], PDF_FORMAT, dir).get(j.docx)!);
let failed = 0;
let samePages = 0;
let sameFirst = 0;
let rendered = 0;
for (const j of jobs) {
  const a = comparePages(paginate(exportContent(j.doc).pieces, j.doc.text), pages(pdfs.get(j.docx)!));
  if (a.enginePages === a.renderedPages) samePages++;
  sameFirst += a.sameFirstLine;
  rendered += a.renderedPages;
  const m = checkExport(pdfs.get(j.docx)!, { title: j.doc.notice.标题?.text ?? '', imprint: !!(j.doc.notice.抄送 || j.doc.notice.印发), printed: !!j.doc.notice.印发, tables: j.doc.tables.length > 0 });
  if (m.problems.length) failed++;
  const full = m.linesPerPage.filter((n) => n === 22).length;
  const imprint = !(j.doc.notice.抄送 || j.doc.notice.印发) ? '' : m.blankBeforeImprint ? '\t版记 after a blank page' : '\t版记 with no blank page before it';
  console.log(`${path.basename(j.src)}\tpages ${m.pages}\tmax lines ${Math.max(...m.linesPerPage)}\tmax chars ${m.maxChars}\tfull pages ${full}\tfull lines ${m.fullLines}\ttable pages ${m.tablePages}\tlandscape ${m.landscapePages}\tengine pages ${a.enginePages}\tsame first line ${a.sameFirstLine}/${a.renderedPages}${imprint}${m.problems.length ? '\n  ' + m.problems.slice(0, 5).join('\n  ') : ''}`);
}
for (const { f, doc, docx } of special) {
  const pdf = pdfs.get(docx)!;
  const m = checkExport(pdf, { title: doc.notice.标题?.text ?? '', imprint: !!(doc.notice.抄送 || doc.notice.印发), printed: !!doc.notice.印发 && f.format !== 'letter', format: f.format });
  const s = checkSpecial(pdf, f.format, f);
  const problems = [...m.problems, ...s.problems];
  if (problems.length) failed++;
  const figures = Object.entries(s.figures).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`${path.basename(f.file)} (${f.format})\tpages ${m.pages}\tblank page before the 版记 ${m.blankBeforeImprint}\t${figures}${problems.length ? '\n  ' + problems.slice(0, 5).join('\n  ') : ''}`);
}
console.log(`${jobs.length + special.length - failed} passed, ${failed} failed (PDFs in ${dir})`);
console.log(`pagination engine: page count as rendered for ${samePages} of ${jobs.length}; first line of the page the same on ${sameFirst} of ${rendered} pages`);
process.exitCode = failed ? 1 : 0;
