/**
 * .docx and .pdf in, Word comments out (issue #15). Fixtures are built at test time: .docx with the
 * `docx` library (one paragraph per line of a seed or a real document), PDFs from those with
 * LibreOffice. Without `soffice` these tests fail with the command to install it (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DECORATED_PARAGRAPHS, DECORATED_TEXT, docxFromText, encryptedDocxShape, imagesOnlyDocx, numberedDocx } from '../office/build-docx';
import { acceptAndReject, convert } from '../office/soffice';
import { applyEdits } from '../../server/src/cli/fix';
import { annotateDocx } from '../../server/src/io/docx/annotate';
import { readSource } from '../../server/src/io/read';
import { pageLines } from '../../server/src/io/pdf/lines';
import { createLanguageService } from '../../server/src/service';
import { main } from '../../server/src/cli/main';
import { offsetAt, ROOT, SEEDS_DIR } from './helpers';

const service = createLanguageService();
const REAL_DIR = path.join(ROOT, 'test', 'real', 'docs');
/** All seeds and a few real documents of different genres (方案, 批复, 通报, 转发, 国办发 plan). */
const SOURCES = [
  ...fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(SEEDS_DIR, f)),
  ...['002_', '024_', '037_', '052_', '054_'].map((p) => path.join(REAL_DIR, fs.readdirSync(REAL_DIR).find((f) => f.startsWith(p))!)),
];

/**
 * Rules whose findings on a PDF may differ from the text's, and why: a PDF has no paragraphs, only
 * lines wrapped at the page width, and the model rejoins them by its PDF-wrapping heuristics. Where a
 * wrapped heading or task line is joined differently, the paragraph a responsibility clause is looked
 * for in (responsibility-missing) or a list of units is read from (unit-order) changes.
 */
const LAYOUT_RULES: Record<string, string> = {
  'responsibility-missing': 'which paragraph a wrapped task line joins decides where its responsible unit is looked for',
  'unit-order': 'a unit list wrapped across lines may be joined with its neighbour line',
};

const diagnose = (text: string) => service.diagnostics(service.parse('file:///test.gw', text));
const rangeText = (text: string, d: Diagnostic) => text.slice(offsetAt(text, d.range.start.line, d.range.start.character), offsetAt(text, d.range.end.line, d.range.end.character));

let dir: string;
const docxOf = new Map<string, string>();
const pdfOf = new Map<string, string>();

describe('office documents: .docx and .pdf (issue #15)', function () {
  this.timeout(600_000);

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-office-'));
    for (const src of SOURCES) {
      const out = path.join(dir, path.basename(src).replace(/\.txt$/, '.docx'));
      fs.writeFileSync(out, await docxFromText(fs.readFileSync(src, 'utf8')));
      docxOf.set(src, out);
    }
    fs.writeFileSync(path.join(dir, 'numbered.docx'), await numberedDocx());
    fs.writeFileSync(path.join(dir, 'images.docx'), await imagesOnlyDocx());
    const pdfDir = path.join(dir, 'pdf');
    fs.mkdirSync(pdfDir);
    const pdfs = convert([...docxOf.values(), path.join(dir, 'images.docx')], 'pdf', pdfDir);
    for (const src of SOURCES) pdfOf.set(src, pdfs.get(docxOf.get(src)!)!);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads Word numbering as text, a table row a line with TAB between its cells, tracked changes accepted, fields as shown, footnotes/headers/footers left out', () => {
    const read = readSource(path.join(dir, 'numbered.docx'));
    assert.ok(!('error' in read), 'error' in read ? read.error : '');
    assert.equal(read.text, DECORATED_TEXT);
    assert.equal(read.source.format, 'docx');
    assert.deepEqual(read.source.lines?.map((l) => l.paragraph), DECORATED_PARAGRAPHS);
  });

  it('linting a .docx gives the text\'s findings, each at the same paragraph and offset', () => {
    let total = 0;
    for (const src of SOURCES) {
      const text = fs.readFileSync(src, 'utf8');
      const read = readSource(docxOf.get(src)!);
      assert.ok(!('error' in read), 'error' in read ? read.error : '');
      const expected = diagnose(text).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);
      const got = diagnose(read.text).map((d) => {
        const origin = read.source.lines![d.range.start.line];
        return `${d.code} ${origin.paragraph}:${origin.offset + d.range.start.character}`;
      });
      assert.deepEqual(got, expected, path.basename(src));
      total += expected.length;
    }
    assert.ok(total > 100, `only ${total} findings: the comparison says little`);
  });

  it('linting the PDF made from the .docx gives the same findings, except the rules that depend on line layout', () => {
    let total = 0;
    for (const src of SOURCES) {
      const text = fs.readFileSync(src, 'utf8');
      const read = readSource(pdfOf.get(src)!);
      assert.ok(!('error' in read), 'error' in read ? read.error : '');
      assert.equal(read.source.format, 'pdf');
      // Findings compared by rule and the characters they name (whitespace aside: lines wrap differently).
      const key = (t: string, d: Diagnostic) => `${d.code} ${rangeText(t, d).replace(/\s+/g, '')}`;
      const expected = diagnose(text).filter((d) => !(String(d.code) in LAYOUT_RULES)).map((d) => key(text, d)).sort();
      const diagnostics = diagnose(read.text);
      const got = diagnostics.filter((d) => !(String(d.code) in LAYOUT_RULES)).map((d) => key(read.text, d)).sort();
      assert.deepEqual(got, expected, path.basename(src));
      // Positions map back to a page and a line of it.
      for (const d of diagnostics) {
        const origin = read.source.lines![d.range.start.line];
        assert.ok(origin.page !== undefined && origin.pageLine !== undefined, `${path.basename(src)}: line ${d.range.start.line} has no page`);
      }
      total += expected.length;
    }
    assert.ok(total > 100, `only ${total} findings: the comparison says little`);
  });

  it('rebuilds PDF lines by baseline and order, and drops the narrow autospace pdf.js reports as a space', () => {
    const item = (str: string, x: number, y: number, width = str.length * 10) => ({ str, x, y, width, height: 10 });
    assert.deepEqual(
      pageLines([item('号', 154, 700), item('〔2022〕21', 72, 700), { str: ' ', x: 152, y: 700, width: 2, height: 0 }, item('第二行', 72, 680), item('名称', 72, 660), item('2024年', 200, 660)]),
      ['〔2022〕21号', '第二行', '名称 2024年'],
    );
  });

  it('annotate: one Word comment per finding, on exactly the finding\'s characters; the input is untouched; LibreOffice opens the copy', () => {
    const src = SOURCES.find((s) => path.basename(s).startsWith('003_'))!;
    const input = docxOf.get(src)!;
    const before = fs.readFileSync(input);
    const out = path.join(dir, 'annotated.docx');
    let stdout = '';
    let stderr = '';
    // Comments only here: the tracked changes (next test) would put inserted text inside the anchors.
    const code = main(['lint', '--annotate', out, '--comments-only', input], { out: (s) => (stdout += s), err: (s) => (stderr += s), colour: false }, '0.0.0');
    assert.ok(code === 0 || code === 1, stderr);
    assert.ok(fs.readFileSync(input).equals(before), 'the input .docx changed');
    assert.doesNotMatch(strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml']), /<w:(ins|del) /, '--comments-only writes no tracked change');
    const read = readSource(input);
    assert.ok(!('error' in read));
    const findings = diagnose(read.text);
    assert.ok(findings.length > 20);
    const parts = unzipSync(fs.readFileSync(out));
    const comments = [...strFromU8(parts['word/comments.xml']).matchAll(/<w:comment [^>]*w:author="gongwen"[^>]*>([\s\S]*?)<\/w:comment>/g)];
    assert.equal(comments.length, findings.length, 'one comment per finding');
    assert.match(comments[0][1], /\[?[a-z-]+\]?/);
    // The text between each commentRangeStart and its commentRangeEnd (w:t only) is the finding's text.
    const xml = strFromU8(parts['word/document.xml']);
    const anchored = new Map<string, string>();
    for (const m of xml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>([\s\S]*?)<w:commentRangeEnd w:id="\1"\/>/g)) {
      anchored.set(m[1], [...m[2].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
    }
    assert.equal(anchored.size, findings.length);
    findings.forEach((d, i) => assert.equal(anchored.get(String(i)), rangeText(read.text, d).replace(/\n/g, ''), `comment ${i} (${d.code})`));
    // The annotated copy reads back to the same text, and LibreOffice converts it.
    const again = readSource(out);
    assert.ok(!('error' in again) && again.text === read.text);
    const pdf = convert([out], 'pdf', path.join(dir, 'pdf'));
    assert.ok(fs.statSync(pdf.get(out)!).size > 1000);
  });

  it('annotate writes the certain fixes as tracked changes by gongwen: LibreOffice accepting them all gives the fixed text, rejecting them the original', () => {
    const src = SOURCES.find((s) => path.basename(s).startsWith('003_'))!;
    const input = docxOf.get(src)!;
    const before = fs.readFileSync(input);
    const out = path.join(dir, 'tracked.docx');
    let stdout = '';
    let stderr = '';
    const code = main(['lint', '--annotate', out, input], { out: (s) => (stdout += s), err: (s) => (stderr += s), colour: false }, '0.0.0');
    assert.ok(code === 0 || code === 1, stderr);
    assert.ok(fs.readFileSync(input).equals(before), 'the input .docx changed');
    const read = readSource(input);
    assert.ok(!('error' in read));
    const doc = service.parse('file:///test.gw', read.text);
    const edits = service.certainEdits(doc);
    assert.ok(edits.length > 50, `only ${edits.length} certain fixes`);
    const fixed = applyEdits(doc, edits);
    assert.notEqual(fixed, read.text);
    assert.match(stdout, new RegExp(`已写入 ${service.diagnostics(doc).length} 条批注，${edits.length} 处修订`));
    // Every revision is gongwen's; the comments are all still there.
    const parts = unzipSync(fs.readFileSync(out));
    const xml = strFromU8(parts['word/document.xml']);
    const revisions = [...xml.matchAll(/<w:(ins|del) ([^>]*)>/g)];
    assert.ok(revisions.length >= edits.length);
    assert.ok(revisions.every((r) => /w:author="gongwen"/.test(r[2])), 'author gongwen');
    assert.equal(new Set(revisions.map((r) => /w:id="(\d+)"/.exec(r[2])![1])).size, revisions.length, 'revision ids are unique');
    assert.equal([...strFromU8(parts['word/comments.xml']).matchAll(/<w:comment /g)].length, service.diagnostics(doc).length);
    // Our reader reads tracked changes as accepted: the fixed text.
    const again = readSource(out);
    assert.ok(!('error' in again) && again.text === fixed);
    // LibreOffice: 接受所有修订 gives the fixed text, 拒绝所有修订 the original (one line per paragraph).
    // (Trailing empty paragraphs aside: LibreOffice's text export ends the last paragraph with its own line break.)
    const lines = (t: string) => t.replace(/\n+$/, '').split('\n');
    const reviewed = acceptAndReject(out);
    assert.deepEqual(lines(reviewed.accepted), lines(fixed));
    assert.deepEqual(lines(reviewed.rejected), lines(read.text));
  });

  it('a fix on characters Word generates (an automatic number) is left to its comment, not tracked', () => {
    const bytes = fs.readFileSync(path.join(dir, 'numbered.docx'));
    const at = (line: number, a: number, b: number, newText: string) => ({ start: { line, character: a }, end: { line, character: b }, newText });
    // Line 1 is `一、总体要求`, its 一、 generated by Word; line 0 `关于开展测试工作的通知` is text.
    const result = annotateDocx(bytes, [], { date: '2024-01-01T00:00:00Z' }, [at(1, 0, 2, '（一）'), at(0, 4, 6, '试点')]);
    assert.ok(typeof result !== 'string');
    assert.equal(result.tracked, 1);
    const xml = strFromU8(unzipSync(result.bytes)['word/document.xml']);
    assert.match(xml, /<w:del [^>]*w:author="gongwen"[^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:delText xml:space="preserve">测试<\/w:delText><\/w:r><\/w:del><w:ins [^>]*w:author="gongwen"[^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve">试点<\/w:t><\/w:r><\/w:ins>/);
    const tmp = path.join(dir, 'numbered-tracked.docx');
    fs.writeFileSync(tmp, result.bytes);
    const read = readSource(tmp);
    assert.ok(!('error' in read));
    assert.equal(read.text.split('\n')[0], '关于开展试点工作的通知');
    assert.equal(read.text.split('\n')[1], '一、总体要求');
  });

  it('annotate refuses to write over its input, and a non-.docx output', () => {
    const input = docxOf.values().next().value!;
    const before = fs.readFileSync(input);
    let stderr = '';
    const io = { out: () => undefined, err: (s: string) => (stderr += s), colour: false };
    assert.equal(main(['lint', '--annotate', input, input], io, '0.0.0'), 2);
    assert.match(stderr, /不会覆盖输入文件/);
    assert.equal(main(['lint', '--annotate', path.join(dir, 'x.txt'), input], io, '0.0.0'), 2);
    assert.ok(fs.readFileSync(input).equals(before));
  });

  it('--fix refuses .docx and .pdf with a message and writes nothing', () => {
    const input = docxOf.values().next().value!;
    const pdf = pdfOf.values().next().value!;
    const before = [fs.readFileSync(input), fs.readFileSync(pdf)];
    let stderr = '';
    const code = main(['lint', '--fix', input, pdf], { out: () => undefined, err: (s) => (stderr += s), colour: false }, '0.0.0');
    assert.equal(code, 2);
    assert.equal(stderr.match(/--fix 只修改文本文件/g)?.length, 2, stderr);
    assert.ok(fs.readFileSync(input).equals(before[0]) && fs.readFileSync(pdf).equals(before[1]));
  });

  it('bad input: one clear message per file naming it and the reason; the other files are still linted', () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    const good = docxOf.get(SOURCES[0])!;
    fs.copyFileSync(good, path.join(bad, 'a-good.docx'));
    const docx = fs.readFileSync(good);
    const pdf = fs.readFileSync(pdfOf.get(SOURCES[0])!);
    fs.writeFileSync(path.join(bad, 'corrupt.docx'), Buffer.concat([docx.subarray(0, 4), Buffer.alloc(4000, 7)]));
    fs.writeFileSync(path.join(bad, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    fs.writeFileSync(path.join(bad, 'encrypted.docx'), encryptedDocxShape());
    fs.copyFileSync(path.join(dir, 'images.docx'), path.join(bad, 'images.docx'));
    fs.copyFileSync(path.join(dir, 'pdf', 'images.pdf'), path.join(bad, 'scan.pdf'));
    fs.writeFileSync(path.join(bad, 'corrupt.pdf'), Buffer.from('%PDF-1.7\n' + 'x'.repeat(3000)));
    fs.writeFileSync(path.join(bad, 'truncated.pdf'), pdf.subarray(0, 600));
    const doc = convert([good], 'doc', bad).get(good)!;
    fs.renameSync(doc, path.join(bad, 'old.doc'));
    const encryptedPdf = convert([good], 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}', path.join(dir, 'enc'));
    fs.copyFileSync(encryptedPdf.get(good)!, path.join(bad, 'encrypted.pdf'));

    let stdout = '';
    let stderr = '';
    const code = main(['lint', bad, path.join(bad, 'old.doc')], { out: (s) => (stdout += s), err: (s) => (stderr += s), colour: false }, '0.0.0');
    assert.equal(code, 2);
    const expected: Record<string, RegExp> = {
      'corrupt.docx': /已损坏或不完整/,
      'truncated.docx': /已损坏或不完整/,
      'encrypted.docx': /密码保护/,
      'images.docx': /没有可提取的文字/,
      'scan.pdf': /扫描件，没有可提取的文字/,
      'corrupt.pdf': /已损坏或不完整/,
      'truncated.pdf': /已损坏或不完整|无法读取 PDF/,
      'encrypted.pdf': /密码保护/,
      'old.doc': /旧版 Word 二进制格式/,
    };
    const lines = stderr.trim().split('\n');
    for (const [name, reason] of Object.entries(expected)) {
      const mine = lines.filter((l) => l.includes(path.join(bad, name)));
      assert.equal(mine.length, 1, `${name}: ${stderr}`);
      assert.match(mine[0], reason, name);
    }
    assert.match(stdout, /a-good\.docx:\d+:\d+（第 \d+ 段第 \d+ 字）/, 'the good file is still linted');
  });
});
