/**
 * Plain-text documents as an editor reads them: the encoding is detected (BOM, then UTF-8, then
 * GB18030/GBK, common for government files), the BOM is dropped so positions match what an editor
 * shows, and `--fix` writes the file back in its own encoding. Moved here from `cli/files.ts` so the
 * server and the knowledge loaders read files without reaching into the CLI (issue #15).
 */
import * as fs from 'node:fs';
import { isAscii, isUtf8, transcode } from 'node:buffer';
import type * as Iconv from 'iconv-lite';

// iconv-lite builds its tables when loaded (~10 ms): required only for a file that is not UTF-8 (issue #18).
let iconvModule: typeof Iconv | undefined;
const iconv = {
  decode: (...args: Parameters<typeof Iconv.decode>) => (iconvModule ??= require('iconv-lite') as typeof Iconv).decode(...args),
  encode: (...args: Parameters<typeof Iconv.encode>) => (iconvModule ??= require('iconv-lite') as typeof Iconv).encode(...args),
};

/** Encodings read and written back; GB18030 is a superset of GBK (and GB2312), so it reads and writes both. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How a file was stored, so `--fix` can write it back the same way. */
export interface DocumentEncoding {
  name: EncodingName;
  /** The file began with a byte order mark (always true for UTF-16, never for GB18030). */
  bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

const startsWith = (bytes: Buffer, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

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

/**
 * Strict UTF-8 (what a fatal TextDecoder accepts), the byte-order mark kept: `isUtf8` checks the bytes
 * natively, several times faster than a TextDecoder, which was a fortieth of `lint` over a folder of
 * seed-sized files. Text with characters beyond ASCII (every Chinese document) is then converted to UTF-16
 * by `transcode` and read as such: V8's own UTF-8 decoder, behind `toString('utf8')`, took ~60 instructions a
 * byte (5 % of the main thread's instructions of `lint --jobs 1` over 50 seed copies, callgrind; Node 20),
 * the two steps here a fifth of its time, with the same string (test/unit/encodings.test.ts). ASCII text keeps
 * `toString`, which makes it a one-byte string.
 */
export function decodeUtf8(bytes: Buffer): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  if (isAscii(bytes)) return bytes.toString('utf8');
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return bytes.toString('utf8'); // a Node built without ICU has no transcode
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
