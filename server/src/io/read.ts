/**
 * One entry for reading any document a user names: a text file (any of the encodings of text.ts),
 * a .docx or a .pdf. The format is told by the bytes (a zip, `%PDF-`, an OLE2 compound file), not by
 * the name, so a renamed file is still read right. Each failure is one message naming the file and
 * the reason; nothing here ever writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { decodeDocument } from './text';
// The .docx and .pdf readers (an XML parser, pdf.js) are loaded only when such a file is read (issue #18).
const readDocx = (bytes: Uint8Array) => (require('./docx/read') as typeof import('./docx/read')).readDocx(bytes);
const readPdf = (bytes: Uint8Array) => (require('./pdf/read') as typeof import('./pdf/read')).readPdf(bytes);
import { TEXT_SOURCE, type ReadResult, type SourceText } from './source';

export { DOCUMENT_EXTENSIONS } from './extensions';
/** Formats read from the bytes, not edited in place: `--fix` refuses them. */
export const OFFICE_EXTENSIONS: readonly string[] = ['.docx', '.pdf'];

/** What an fs error means to the user: permission, not found, or the system's code. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return t('没有读取权限');
  if (code === 'ENOENT' || code === 'ENOTDIR') return t('找不到该文件或文件夹');
  return code ?? String((err as Error)?.message ?? err);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export type DocumentKind = 'text' | 'docx' | 'pdf';

/** The kind a file's bytes say it is; a name ending in .docx/.pdf that is not one is read as what it claims, to fail with its reason. */
export function documentKind(file: string, bytes: Uint8Array): DocumentKind | 'ole2' {
  if (startsWith(bytes, ZIP)) return 'docx';
  // A PDF may have bytes before its header (the spec allows up to 1024).
  if (startsWith(bytes, PDF) || bytes.subarray(0, 1024).includes(0x25) && Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, OLE2)) return 'ole2';
  const ext = path.extname(file).toLowerCase();
  return ext === '.docx' ? 'docx' : ext === '.pdf' ? 'pdf' : 'text';
}

/** An OLE2 file holding an `EncryptionInfo` stream is an encrypted Office document; otherwise an old binary one (.doc, .wps). */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

/** Reads and decodes a document; anything we cannot read gets one message naming the file and why. */
export function readSource(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { error: t('{0}：这是文件夹，不是文件。', file) };
    return { error: t('{0}：无法读取（{1}）。', file, describeFsError(err)) };
  }
  return readSourceBytes(file, bytes);
}

/**
 * A Word file to write an annotated copy of (`lint --annotate`, the editor's 把问题写入 Word 副本): its bytes
 * and the text read from them; `notDocx` when the file is of another kind, which each caller names in its words.
 */
export function readDocxFile(file: string): (SourceText & { bytes: Buffer }) | { error: string } | { notDocx: true } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { error: t('{0}：无法读取（{1}）。', file, describeFsError(err)) };
  }
  if (documentKind(file, bytes) !== 'docx') return { notDocx: true };
  const read = readSourceBytes(file, bytes);
  return 'error' in read ? read : { ...read, bytes };
}

/** As `readSource`, for bytes already read (`file` names it in messages and tells the kind when the bytes do not). */
export function readSourceBytes(file: string, bytes: Buffer): ReadResult {
  const kind = documentKind(file, bytes);
  if (kind === 'ole2') {
    return isEncryptedOffice(bytes)
      ? { error: t('{0}：文档有密码保护（已加密），无法读取。请在 Word/WPS 中取消密码后再检查。', file) }
      : { error: t('{0}：这是旧版 Word 二进制格式（.doc/.wps），无法读取。请在 Word/WPS 中另存为 .docx 后再检查。', file) };
  }
  if (kind === 'docx') {
    const read = readDocx(bytes);
    if (typeof read !== 'string') return read;
    switch (read) {
      case 'not-zip':
        return { error: t('{0}：.docx 文件已损坏或不完整（不是有效的压缩包），无法读取。', file) };
      case 'not-docx':
        return { error: t('{0}：不是 Word 文档（压缩包中没有正文部分）。', file) };
      case 'too-large':
        return { error: t('{0}：.docx 解压后过大（超过 {1} MB），没有读取。', file, 256) };
      case 'bad-xml':
        return { error: t('{0}：.docx 文件已损坏（正文的 XML 无效），无法读取。', file) };
      case 'no-text':
        return { error: t('{0}：Word 文档中没有可提取的文字（可能只有图片）。', file) };
    }
  }
  if (kind === 'pdf') {
    const read = readPdf(bytes);
    if (typeof read === 'object' && 'text' in read) return read;
    if (read === 'password') return { error: t('{0}：PDF 有密码保护（已加密），无法读取。', file) };
    if (read === 'invalid') return { error: t('{0}：PDF 文件已损坏或不完整，无法读取。', file) };
    if (read === 'timeout') return { error: t('{0}：读取 PDF 超时（超过 {1} 秒），没有检查。', file, 60) };
    if (read === 'no-text') return { error: t('{0}：扫描件，没有可提取的文字。', file) };
    return { error: t('{0}：无法读取 PDF（{1}）。', file, read.other) };
  }
  const decoded = decodeDocument(bytes);
  if (decoded === 'binary') {
    return { error: t('{0}：不是文本文件（含有 NUL 字节，可能是二进制文件或不带 BOM 的 UTF-16）。可读取的编码：UTF-8、带 BOM 的 UTF-16、GBK/GB18030。', file) };
  }
  if (decoded === 'unknown') {
    return { error: t('{0}：无法识别文本编码（不是 UTF-8，也不像 GBK/GB18030 编码的中文），可能是二进制文件。可读取的编码：UTF-8、带 BOM 的 UTF-16、GBK/GB18030。', file) };
  }
  return { text: decoded.text, encoding: decoded.encoding, source: TEXT_SOURCE };
}
