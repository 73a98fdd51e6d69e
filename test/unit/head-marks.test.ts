/**
 * 版头 extras (GB/T 9704-2012 §7.2.1–7.2.5, issue #16): 份号, 密级和保密期限 and 紧急程度 read from
 * the lines above the title and printed at the top left; a 上行文's 发文字号 left and its 签发人 right
 * on one line.
 */
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/parse';
import { exportDocx } from '../../server/src/export/docx';
import { exportContent, PLACEHOLDER } from '../../server/src/export/content';
import { LINE_PITCH, logoSpace } from '../../server/src/export/layout';

const REQUEST = [
  '000123',
  '机密★1年',
  '特急',
  '测试市财政局文件',
  '测财〔2024〕5号　　签发人：张　三',
  '关于申请测试经费的请示',
  '市人民政府：',
  '　　为做好测试工作，特申请经费20万元。',
  '　　妥否，请批示。',
  '测试市财政局',
  '2024年3月1日',
].join('\n');

const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('版头 extras: 份号, 密级, 紧急程度, 签发人 (§7.2.1–7.2.5)', () => {
  it('the model reads them above the title, each in its exact shape', () => {
    const { notice, genre } = parseDocument('file:///r.gw', REQUEST);
    assert.equal(notice.份号?.text, '000123');
    assert.equal(notice.密级?.text, '机密★1年');
    assert.equal(notice.紧急程度?.text, '特急');
    assert.equal(notice.签发人?.text, '张　三');
    assert.equal(notice.发文字号?.text, '测财〔2024〕5号');
    assert.equal(notice.标题?.text, '关于申请测试经费的请示');
    assert.equal(genre?.genre, '请示');
    // The marks are not read as the 发文机关标志.
    assert.equal(notice.发文机关标志?.text, '测试市财政局文件');
  });

  it('near misses: a six-digit number or 秘密 in the body, a 份号 of five digits, are none of them', () => {
    const body = parseDocument('file:///n.gw', ['12345', '关于测试的通知', '各单位：', '000123', '秘密', '　　请按要求执行。', '测试市人民政府', '2024年3月1日'].join('\n')).notice;
    assert.equal(body.份号, undefined);
    assert.equal(body.密级, undefined);
    assert.equal(body.紧急程度, undefined);
    assert.equal(body.签发人, undefined);
  });

  it('export: the marks flush left on the first lines, 密级 and 紧急程度 in 黑体; the 标志 moved up by those lines', () => {
    const xml = exportDocx(parseDocument('file:///r.gw', REQUEST)).parts['word/document.xml'];
    const ps = paragraphs(xml);
    assert.deepEqual(ps.slice(0, 3).map(textOf), ['000123', '机密★1年', '特急']);
    for (const p of ps.slice(0, 3)) assert.match(p, /<w:jc w:val="left"\/>/);
    assert.match(ps[1], /w:eastAsia="黑体"/);
    assert.match(ps[2], /w:eastAsia="黑体"/);
    // The 标志's top stays 35 mm below the 版心's top: its space before is a grid line less for each mark
    // line above it: with three marks (three grid lines, 30.6 mm) what is left of the 35 mm less the half leading.
    const before = (p: string) => Number(/<w:spacing w:before="(\d+)"/.exec(p)![1]);
    const lines = REQUEST.split('\n');
    const plain = paragraphs(exportDocx(parseDocument('file:///r.gw', lines.slice(3).join('\n'))).parts['word/document.xml']);
    const one = paragraphs(exportDocx(parseDocument('file:///r.gw', lines.slice(1, 2).concat(lines.slice(3)).join('\n'))).parts['word/document.xml']);
    assert.equal(textOf(one[1]), '测试市财政局文件');
    assert.equal(before(plain[0]) - before(one[1]), 579);
    assert.equal(textOf(ps[3]), '测试市财政局文件');
    assert.equal(before(ps[3]), logoSpace() - 3 * LINE_PITCH);
    assert.ok(before(ps[3]) > 0);
  });

  it('export: a 上行文 gives the 发文字号 one character in from the left and 签发人：(仿宋) and the names (楷体) right, with the red line', () => {
    const xml = exportDocx(parseDocument('file:///r.gw', REQUEST)).parts['word/document.xml'];
    const line = paragraphs(xml).find((p) => textOf(p).startsWith('测财〔2024〕5号'))!;
    assert.equal(textOf(line), '测财〔2024〕5号签发人：张　三');
    assert.match(line, /<w:tab\/>/);
    assert.match(line, /<w:tab w:val="right" w:pos="\d+"\/>/);
    assert.match(line, /<w:ind w:leftChars="100"/);
    assert.match(line, /<w:rFonts[^>]*w:eastAsia="楷体_GB2312"[^>]*\/>[\s\S]*张　三/);
    assert.match(line, /<w:bottom w:val="single"[^>]*w:color="FF0000"/);
    // The label is printed once, in the 版头 line, not again as a paragraph of the body.
    assert.equal(paragraphs(xml).filter((p) => textOf(p).includes('签发人')).length, 1);
  });

  it('export: a 请示 without 签发人 gets a placeholder and a warning; a 通知 keeps its 文号 centred', () => {
    const noSigner = REQUEST.replace('　　签发人：张　三', '');
    const { pieces, warnings } = exportContent(parseDocument('file:///r.gw', noSigner));
    const number = pieces.find((p) => p.kind === 'doc-number');
    assert.deepEqual(number && number.kind === 'doc-number' ? number.signer : undefined, { names: PLACEHOLDER.签发人, placeholder: true });
    assert.ok(warnings.some((w) => w.includes('签发人')));
    const notice = exportContent(parseDocument('file:///n.gw', noSigner.replace('请示', '通知')));
    const n = notice.pieces.find((p) => p.kind === 'doc-number');
    assert.equal(n && n.kind === 'doc-number' ? n.signer : 'none', undefined);
  });
});
