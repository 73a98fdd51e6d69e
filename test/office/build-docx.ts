/**
 * .docx fixtures built with the `docx` library, as the acceptance asks: one Word paragraph
 * per line of a text, and a small document with Word's automatic numbering, a table, a text box,
 * tracked changes, a field, a footnote and a header, to check what the reader keeps and drops.
 */
import * as docx from 'docx';

/** One paragraph per line (`\n`, `\r\n` or `\r`), runs as plain text; empty lines stay empty paragraphs. */
export async function docxFromText(text: string): Promise<Buffer> {
  const lines = text.split(/\r\n|\n|\r/);
  const doc = new docx.Document({
    sections: [{ children: lines.map((line) => new docx.Paragraph({ children: [new docx.TextRun(line)] })) }],
  });
  return docx.Packer.toBuffer(doc);
}

const { LevelFormat, AlignmentType } = docx;

/** The paragraph each line of `DECORATED_TEXT` comes from: a table row's line is its first cell's paragraph. */
export const DECORATED_PARAGRAPHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 15];

/**
 * A notice whose headings are numbered by Word (一、（一）1.), with a table (three rows of two cells), a footnote, a header
 * and a footer. The text a reader sees is `DECORATED_TEXT` below.
 */
export async function numberedDocx(): Promise<Buffer> {
  const doc = new docx.Document({
    numbering: {
      config: [
        {
          reference: 'gw',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: docx.LevelSuffix.NOTHING },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT, suffix: docx.LevelSuffix.NOTHING },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT, suffix: docx.LevelSuffix.NOTHING },
          ],
        },
      ],
    },
    footnotes: { 1: { children: [new docx.Paragraph('脚注文字不属于正文。')] } },
    sections: [
      {
        headers: { default: new docx.Header({ children: [new docx.Paragraph('页眉文字')] }) },
        footers: { default: new docx.Footer({ children: [new docx.Paragraph('页脚文字')] }) },
        children: [
          new docx.Paragraph('关于开展测试工作的通知'),
          new docx.Paragraph({ text: '总体要求', numbering: { reference: 'gw', level: 0 } }),
          new docx.Paragraph({ text: '指导思想', numbering: { reference: 'gw', level: 1 } }),
          new docx.Paragraph({ children: [new docx.TextRun('坚持问题导向'), new docx.FootnoteReferenceRun(1), new docx.TextRun('。')], numbering: { reference: 'gw', level: 2 } }),
          new docx.Paragraph({ text: '坚持系统观念。', numbering: { reference: 'gw', level: 2 } }),
          new docx.Paragraph({ text: '工作目标', numbering: { reference: 'gw', level: 1 } }),
          new docx.Paragraph({ text: '重点任务', numbering: { reference: 'gw', level: 0 } }),
          new docx.Paragraph({ text: '完善机制', numbering: { reference: 'gw', level: 1 } }),
          new docx.Table({
            rows: [
              new docx.TableRow({ children: [new docx.TableCell({ children: [new docx.Paragraph('序号')] }), new docx.TableCell({ children: [new docx.Paragraph('任务')] })] }),
              new docx.TableRow({ children: [new docx.TableCell({ children: [new docx.Paragraph('1')] }), new docx.TableCell({ children: [new docx.Paragraph('建立台账')] })] }),
              new docx.TableRow({ children: [new docx.TableCell({ children: [new docx.Paragraph('2')] }), new docx.TableCell({ children: [new docx.Paragraph('(一)完善制度')] })] }),
            ],
          }),
          new docx.Paragraph({
            children: [
              new docx.TextRun('由市'),
              new docx.DeletedTextRun({ text: '教育局', id: 1, author: 'a', date: '2024-01-01T00:00:00Z' }),
              new docx.InsertedTextRun({ text: '卫生健康委', id: 2, author: 'a', date: '2024-01-01T00:00:00Z' }),
              new docx.TextRun('负责。'),
            ],
          }),
          new docx.Paragraph({ children: [new docx.TextRun('共'), new docx.SimpleField('NUMPAGES', '3'), new docx.TextRun('页')] }),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(doc);
}

/** What `numberedDocx` reads as: one line per paragraph and per table row (cells TAB-separated), Word's numbers as text. */
export const DECORATED_TEXT = [
  '关于开展测试工作的通知',
  '一、总体要求',
  '（一）指导思想',
  '1.坚持问题导向。',
  '2.坚持系统观念。',
  '（二）工作目标',
  '二、重点任务',
  '（一）完善机制',
  '序号\t任务',
  '1\t建立台账',
  '2\t(一)完善制度',
  '由市卫生健康委负责。',
  '共3页',
].join('\n');

/** A 1×1 PNG: a .docx of pictures only (a scan pasted into Word) has no text to read. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

export async function imagesOnlyDocx(): Promise<Buffer> {
  const doc = new docx.Document({
    sections: [{ children: [new docx.Paragraph({ children: [new docx.ImageRun({ type: 'png', data: PNG, transformation: { width: 400, height: 600 } })] })] }],
  });
  return docx.Packer.toBuffer(doc);
}

/**
 * The shape of an encrypted .docx: Office wraps the encrypted package in an OLE2 compound file whose
 * directory names an `EncryptionInfo` stream (MS-OFFCRYPTO). Made by hand — LibreOffice's command line
 * cannot save with a password — with just the header signature and that directory entry name.
 */
export function encryptedDocxShape(): Buffer {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  Buffer.from('EncryptionInfo', 'utf16le').copy(bytes, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(bytes, 1152);
  return bytes;
}
