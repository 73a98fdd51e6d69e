/**
 * Finding the documents to lint and reading them as an editor would: the encoding is detected
 * (BOM, then UTF-8, then GB18030/GBK, common for government files), the BOM is dropped so positions
 * match what an editor shows, and `--fix` writes the file back in its own encoding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { t } from '../l10n';

/** Extensions of documents inside a folder; a file named on the command line is read whatever its name. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.gw', '.gongwen'];

export interface CollectedFiles {
  /** Paths as given or walked (relative when the user gave a relative path), in a stable order. */
  files: string[];
  /** One message per path that gave nothing to lint, could not be read whole, or whose walk was cut short. */
  errors: string[];
}

/** Bounds of a folder walk on the command line: folder depth, documents found, directory entries looked at. */
export interface CliWalkLimits {
  depth: number;
  files: number;
  entries: number;
}
export const CLI_WALK_LIMITS: CliWalkLimits = { depth: 32, files: 50_000, entries: 1_000_000 };

/** What an fs error means to the user: permission, not found, or the system's code. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return t('没有读取权限');
  if (code === 'ENOENT' || code === 'ENOTDIR') return t('找不到该文件或文件夹');
  return code ?? String((err as Error)?.message ?? err);
}

export function collectFiles(paths: readonly string[], limits: CliWalkLimits = CLI_WALK_LIMITS): CollectedFiles {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  // The same path given many times is looked at once (200,000 copies of one path cost one stat).
  const given = [...new Set(paths)];
  const walkState: WalkState = { files: 0, entries: 0, cut: false, deep: false, unreadable: [] };
  for (const p of given) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push(code === 'ENOENT' || code === 'ENOTDIR' ? t('{0}：找不到该文件或文件夹。', p) : t('{0}：无法访问（{1}）。', p, describeFsError(err)));
      continue;
    }
    if (!stat.isDirectory()) {
      add(p);
      continue;
    }
    const found: string[] = [];
    walkState.unreadable = [];
    walkState.deep = false;
    const cutBefore = walkState.cut;
    walk(p, found, new Set(), limits, walkState, 0);
    for (const u of walkState.unreadable) errors.push(t('{0}：无法读取文件夹（{1}），其中的文件没有检查。', u.dir, u.why));
    if (walkState.deep || (walkState.cut && !cutBefore) || (cutBefore && found.length === 0)) {
      errors.push(t('{0}：文件夹太大（上限：{1} 层、{2} 个公文、{3} 个目录项），其余文件没有检查。', p, limits.depth, limits.files, limits.entries));
    }
    if (found.length === 0 && walkState.unreadable.length === 0 && !walkState.cut && !walkState.deep) {
      errors.push(t('{0}：文件夹中没有公文文件（{1}）。', p, DOCUMENT_EXTENSIONS.map((e) => '*' + e).join('、')));
    }
    found.forEach(add);
  }
  return { files, errors };
}

interface WalkState {
  files: number;
  entries: number;
  /** The count bound stopped the walk (of this and any later folder). */
  cut: boolean;
  /** Folders below the depth bound were left out. */
  deep: boolean;
  /** Folders that could not be listed (permission), with the reason. */
  unreadable: Array<{ dir: string; why: string }>;
}

/**
 * Depth-first, entries sorted by name; skips node_modules and dot-folders, never loops on a symlink
 * cycle, and stops at `limits` (noting it in `state.cut`). An unreadable folder is noted, not skipped silently.
 */
function walk(dir: string, out: string[], visited: Set<string>, limits: CliWalkLimits, state: WalkState, depth: number): void {
  if (state.cut) return;
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (err) {
    state.unreadable.push({ dir, why: describeFsError(err) });
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    state.unreadable.push({ dir, why: describeFsError(err) });
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (state.files >= limits.files || ++state.entries > limits.entries) {
      state.cut = true;
      return;
    }
    const full = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      continue; // a dangling symlink is not a document
    }
    if (stat.isDirectory()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (depth >= limits.depth) state.deep = true;
      else walk(full, out, visited, limits, state, depth + 1);
      if (state.cut) return;
    } else if (stat.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
      out.push(full);
      state.files++;
    }
  }
}

/** Encodings read and written back; GB18030 is a superset of GBK (and GB2312), so it reads and writes both. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How a file was stored, so `--fix` can write it back the same way. */
export interface DocumentEncoding {
  name: EncodingName;
  /** The file began with a byte order mark (always true for UTF-16, never for GB18030). */
  bom: boolean;
}

export type ReadResult = { text: string; encoding: DocumentEncoding } | { error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

const startsWith = (bytes: Buffer, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Reads and decodes a document; a file we cannot read as text gets one message naming it. */
export function readDocument(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { error: t('{0}：这是文件夹，不是文件。', file) };
    return { error: t('{0}：无法读取（{1}）。', file, describeFsError(err)) };
  }
  const decoded = decodeDocument(bytes);
  if (decoded === 'binary') {
    return { error: t('{0}：不是文本文件（含有 NUL 字节，可能是二进制文件或不带 BOM 的 UTF-16）。可读取的编码：UTF-8、带 BOM 的 UTF-16、GBK/GB18030。', file) };
  }
  if (decoded === 'unknown') {
    return { error: t('{0}：无法识别文本编码（不是 UTF-8，也不像 GBK/GB18030 编码的中文），可能是二进制文件。可读取的编码：UTF-8、带 BOM 的 UTF-16、GBK/GB18030。', file) };
  }
  return decoded;
}

/**
 * Detection order: a BOM decides; otherwise valid UTF-8 (without NUL) is UTF-8; otherwise the bytes
 * are tried as GB18030 and accepted only when the result reads as Chinese text. Pure, for tests.
 */
export function decodeDocument(bytes: Buffer): { text: string; encoding: DocumentEncoding } | 'binary' | 'unknown' {
  if (startsWith(bytes, UTF8_BOM)) {
    const text = decodeUtf8(bytes.subarray(3));
    return text === undefined ? 'unknown' : { text, encoding: { name: 'utf-8', bom: true } };
  }
  if (startsWith(bytes, UTF16LE_BOM)) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le', { stripBOM: false }), encoding: { name: 'utf-16le', bom: true } };
  }
  if (startsWith(bytes, UTF16BE_BOM)) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be', { stripBOM: false }), encoding: { name: 'utf-16be', bom: true } };
  }
  // NUL never occurs in a text document in UTF-8 or GB18030: a .doc, a PDF, an image, or UTF-16 without BOM.
  if (bytes.includes(0)) return 'binary';
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: { name: 'utf-8', bom: false } };
  const gb = iconv.decode(bytes, 'gb18030', { stripBOM: false });
  return plausiblyChinese(gb) ? { text: gb, encoding: { name: 'gb18030', bom: false } } : 'unknown';
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * GB18030 maps almost any byte sequence to some character, so decoding alone proves little. The whole
 * file is decoded first, four-byte sequences included (U+2002 EN SPACE is 0x81 0x36 0xA3 0x38, common
 * in text copied from web pages), and then judged: text is accepted when nothing was replaced (no
 * invalid sequence), no control character other than tab, line feed, form feed or carriage return
 * appears, and at least 90 % of the non-ASCII characters are what Chinese documents are written with —
 * CJK ideographs and punctuation, full-width forms, and the spaces, punctuation, letters and symbols of
 * GBK and of GB18030's four-byte range (Unicode spaces, general punctuation, pinyin letters, ℃ № → ×
 * ①…). Random bytes give controls, invalid sequences and private-use characters instead.
 */
export function plausiblyChinese(text: string): boolean {
  let nonAscii = 0;
  let chinese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) return false;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return false;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0x20000 && c <= 0x3134f) || // extensions B–G (names of people and places)
      (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
      (c >= 0x2e80 && c <= 0x2fdf) || // radicals
      (c >= 0x3000 && c <= 0x33ff) || // CJK punctuation 、。《》〔〕, the ideographic space, kana, bopomofo, enclosed and compatibility forms
      (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility (vertical) forms
      (c >= 0xff00 && c <= 0xffef) || // full-width forms: （）：；，！？ and full-width digits
      (c >= 0x2000 && c <= 0x206f) || // general punctuation: ‘’“”—…· and the Unicode spaces (U+2002 EN SPACE …)
      (c >= 0x00a0 && c <= 0x024f) || // no-break space, Latin-1 signs (° ± × ÷ ·), pinyin letters (ā é ǐ ǚ)
      (c >= 0x0370 && c <= 0x04ff) || // Greek and Cyrillic letters (α β Ω in GBK)
      (c >= 0x2100 && c <= 0x26ff) // letterlike ℃ №, number forms Ⅰ–Ⅻ, arrows, maths, ①–⒛, box drawing, shapes ■ ○ ★
    ) chinese++;
  }
  return nonAscii > 0 && chinese >= nonAscii * 0.9;
}

/** Encodes text in a document's own encoding (BOM included), the inverse of `decodeDocument`. */
export function encodeDocument(text: string, encoding: DocumentEncoding): Buffer {
  const body = encoding.name === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding.name, { addBOM: false });
  if (!encoding.bom || encoding.name === 'gb18030') return body;
  const bom = encoding.name === 'utf-8' ? UTF8_BOM : encoding.name === 'utf-16le' ? UTF16LE_BOM : UTF16BE_BOM;
  return Buffer.concat([Buffer.from(bom), body]);
}

/** Writes a document back in the encoding it was read in (line endings are part of `text`). */
export function writeDocument(file: string, text: string, encoding: DocumentEncoding): void {
  fs.writeFileSync(file, encodeDocument(text, encoding));
}
