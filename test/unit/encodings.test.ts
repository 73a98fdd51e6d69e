/**
 * Encodings in the CLI (issue #8): every seed saved as UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM,
 * GBK and GB18030 must give exactly the same diagnostics through the built CLI (`npm run build` first);
 * a binary file gets exit 2 and a message naming it while the other files are still reported; and
 * writing back reproduces the file's own bytes (encoding and BOM), which `lint --fix` relies on.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { decodeDocument, decodeUtf8, encodeDocument, plausiblyChinese, writeDocument, type DocumentEncoding } from '../../server/src/io/text';
import { readSource as readDocument } from '../../server/src/io/read';
import { FIXTURES_DIR, ROOT, SEEDS_DIR } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
/** Seeds and rule fixtures (the fixtures have findings by construction, so equality says something). */
const SOURCES = [
  ...SEEDS.map((f) => path.join(SEEDS_DIR, f)),
  ...fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.gw')).sort().map((f) => path.join(FIXTURES_DIR, f)),
];

/** Each way a government office may have saved the file, as bytes. */
const VARIANTS: Record<string, (text: string) => Buffer> = {
  'utf8': (s) => Buffer.from(s, 'utf8'),
  'utf8-bom': (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
  'utf16le-bom': (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')]),
  'utf16be-bom': (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')]),
  'gbk': (s) => iconv.encode(s, 'gbk'),
  'gb18030': (s) => iconv.encode(s, 'gb18030'),
};

const EXPECTED_ENCODING: Record<string, DocumentEncoding> = {
  'utf8': { name: 'utf-8', bom: false },
  'utf8-bom': { name: 'utf-8', bom: true },
  'utf16le-bom': { name: 'utf-16le', bom: true },
  'utf16be-bom': { name: 'utf-16be', bom: true },
  'gbk': { name: 'gb18030', bom: false },
  'gb18030': { name: 'gb18030', bom: false },
};

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-enc-'));
  temps.push(dir);
  return dir;
}

function lint(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stderr: r.stderr, report: JSON.parse(r.stdout) as Array<{ file: string; diagnostics: unknown[] }> };
}

describe('encodings (CLI)', function () {
  this.timeout(30000);
  after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('the seeds and fixtures can be encoded in GBK without loss (so the GBK variant tests the same text)', () => {
    for (const source of SOURCES) {
      const text = fs.readFileSync(source, 'utf8');
      assert.equal(iconv.decode(iconv.encode(text, 'gbk'), 'gbk'), text, source);
    }
  });

  it('every seed and fixture gives identical diagnostics in every encoding, and each encoding is detected', () => {
    const dir = tempDir();
    const files: string[] = [];
    for (const [index, source] of SOURCES.entries()) {
      const text = fs.readFileSync(source, 'utf8');
      for (const [variant, encode] of Object.entries(VARIANTS)) {
        const file = path.join(dir, `${index}.${variant}.txt`);
        fs.writeFileSync(file, encode(text));
        files.push(file);
        const read = readDocument(file);
        assert.ok(!('error' in read), `${file}: ${'error' in read ? read.error : ''}`);
        assert.equal(read.text, text, `${variant} of ${source} decodes to the source's text`);
        assert.deepEqual(read.encoding, EXPECTED_ENCODING[variant], `${variant} of ${source}`);
      }
    }
    const r = lint([dir]);
    assert.equal(r.stderr, '', 'every variant is read');
    assert.equal(r.report.length, files.length);
    const references = lint(SOURCES).report;
    assert.equal(references.length, SOURCES.length);
    let findings = 0;
    for (const [index, source] of SOURCES.entries()) {
      const entries = r.report.filter((e) => path.basename(e.file).startsWith(`${index}.`));
      assert.equal(entries.length, Object.keys(VARIANTS).length, source);
      const reference = references[index]!.diagnostics;
      findings += reference.length;
      for (const entry of entries) assert.deepEqual(entry.diagnostics, reference, `${entry.file} against ${source}`);
    }
    assert.ok(findings > 0, 'some source has findings, so equality says something');
  });

  it('a binary file and an undecodable file get exit 2 and a message naming them; the other file is still reported', () => {
    const dir = tempDir();
    // A PNG header (NUL bytes) and random-looking high bytes without NUL (not UTF-8, not Chinese in GB18030).
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    fs.writeFileSync(path.join(dir, 'noise.txt'), Buffer.from([0x81, 0x30, 0xff, 0x01, 0xfe, 0x80, 0x02, 0xc0, 0xc1, 0x7f]));
    fs.writeFileSync(path.join(dir, 'plan.txt'), iconv.encode('一、总体要求\n二、主要任务\n', 'gbk'));
    const r = lint([dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /image\.txt：不是文本文件（含有 NUL 字节/);
    assert.match(r.stderr, /noise\.txt：无法识别文本编码/);
    assert.deepEqual(r.report.map((e) => path.basename(e.file)), ['plan.txt']);
  });

  it('the messages come in English with --lang en', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x00, 0x01]));
    const r = lint(['--lang', 'en', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /image\.txt: not a text file \(it contains NUL bytes/);
  });

  it('writeDocument writes back the same bytes it read, in every encoding (BOM kept), and edits stay in that encoding', () => {
    const dir = tempDir();
    const text = fs.readFileSync(path.join(SEEDS_DIR, SEEDS[0]!), 'utf8');
    for (const [variant, encode] of Object.entries(VARIANTS)) {
      const file = path.join(dir, `${variant}.txt`);
      const bytes = encode(text);
      fs.writeFileSync(file, bytes);
      const read = readDocument(file);
      assert.ok(!('error' in read));
      writeDocument(file, read.text, read.encoding!);
      assert.ok(fs.readFileSync(file).equals(bytes), `${variant}: unchanged text is written back byte for byte`);
      const edited = read.text.replace('一、', '一、（已改）');
      writeDocument(file, edited, read.encoding!);
      assert.ok(fs.readFileSync(file).equals(encode(edited)), `${variant}: an edit is written in the file's own encoding`);
      const again = readDocument(file);
      assert.ok(!('error' in again));
      assert.equal(again.text, edited);
      assert.deepEqual(again.encoding, read.encoding);
    }
  });

  it('a character outside GBK is written as a GB18030 four-byte sequence and read back', () => {
    const encoding: DocumentEncoding = { name: 'gb18030', bom: false };
    const text = '一、总体要求𠀀（扩展 B 区汉字）\n';
    const decoded = decodeDocument(encodeDocument(text, encoding));
    assert.ok(typeof decoded === 'object');
    assert.equal(decoded.text, text);
    assert.deepEqual(decoded.encoding, encoding);
  });

  it('random bytes are not taken for GB18030 Chinese (seeded, 500 buffers)', () => {
    let state = 0x9e3779b9;
    const next = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) & 0xff);
    let accepted = 0;
    for (let n = 0; n < 500; n++) {
      const bytes = Buffer.from(Array.from({ length: 64 }, () => next() || 1));
      const decoded = decodeDocument(bytes);
      if (typeof decoded === 'object' && decoded.encoding.name === 'gb18030') accepted++;
    }
    assert.equal(accepted, 0);
  });

  it('decodeUtf8 gives what a fatal TextDecoder gives (the BOM kept), and nothing for bytes that are not UTF-8', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const texts = [...SOURCES.map((f) => fs.readFileSync(f, 'utf8')), '', 'ascii only', '\ufeff中\ufeff', 'a\u{1F600}b\uffff\u00e9\u2002', 'é'];
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      assert.equal(decodeUtf8(bytes), fatal.decode(bytes), text.slice(0, 20));
    }
    for (const bytes of [[0xc3], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xff, 0x41], [0x41, 0x80]]) assert.equal(decodeUtf8(Buffer.from(bytes)), undefined, String(bytes));
  });

  it('plausiblyChinese: Chinese text yes, Latin-1 read as GB18030 or control characters no', () => {
    assert.equal(plausiblyChinese('关于印发《实施方案》的通知\r\n一、总体要求（2025年）'), true);
    assert.equal(plausiblyChinese(iconv.decode(Buffer.from('café crème brûlée', 'latin1'), 'gb18030')), false);
    assert.equal(plausiblyChinese('中文\u0001'), false);
    assert.equal(plausiblyChinese('ascii only'), false, 'pure ASCII is UTF-8 and never reaches this test');
  });

  describe('GB18030 read whole (issue #14)', () => {
    it('U+2002 EN SPACE is the four-byte sequence 81 36 A3 38', () => {
      assert.equal(new TextDecoder('gb18030').decode(Buffer.from([0x81, 0x36, 0xa3, 0x38])), '\u2002');
      assert.deepEqual([...iconv.encode('\u2002', 'gb18030')], [0x81, 0x36, 0xa3, 0x38]);
    });

    it('a GB18030 file indented with EN SPACEs is read as GB18030 text, not refused as binary', () => {
      const text = '关于做好工作的通知\n\u2002\u2002\u2002\u2002一、总体要求\n\u2002\u2002\u2002\u2002二、主要任务\n';
      const bytes = iconv.encode(text, 'gb18030');
      assert.ok(bytes.includes(Buffer.from([0x81, 0x36, 0xa3, 0x38])));
      const decoded = decodeDocument(bytes);
      assert.ok(typeof decoded === 'object', String(decoded));
      assert.equal(decoded.text, text);
      assert.deepEqual(decoded.encoding, { name: 'gb18030', bom: false });
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'web.txt'), bytes);
      const read = readDocument(path.join(dir, 'web.txt'));
      assert.ok(!('error' in read), 'error' in read ? read.error : '');
      const r = lint([path.join(dir, 'web.txt')]);
      assert.notEqual(r.status, 2, r.stderr);
      assert.equal(r.report.length, 1);
    });
  });
});
