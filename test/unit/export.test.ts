/**
 * `gongwen export --docx` (issue #16): the document XML of the export (page, margins, grid, fonts by
 * heading level, the 版头's red line, page-number footers), placeholders for missing elements, the
 * CLI's refusals, and the round trip: the exported .docx read back gives the same title, headings
 * and paragraphs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/model/parse';
import { exportDocx } from '../../server/src/export/docx';
import { exportContent, PLACEHOLDER } from '../../server/src/export/content';
import { balanceTitle, widthOf } from '../../server/src/export/title';
import { readSourceBytes } from '../../server/src/io/read';
import { main } from '../../server/src/cli/main';
import { ROOT, readSeed, seedPath } from './helpers';

const parse = (text: string) => parseDocument('file:///t.gw', text);
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
/** The paragraph whose text starts with `start`. */
const para = (xml: string, start: string) => {
  const found = paragraphs(xml).find((p) => textOf(p).startsWith(start));
  assert.ok(found, `no paragraph starting ${start}`);
  return found;
};
const fontsOf = (p: string) => [...p.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]);

describe('export: the 公文 as a .docx in the GB/T 9704-2012 layout (issue #16)', () => {
  const seed001 = exportDocx(parse(readSeed('001')));
  const doc001 = seed001.parts['word/document.xml'];

  it('A4, margins 37 mm top and 28 mm binding side, 版心 156 × 225 mm, mirrored for double-sided printing', () => {
    assert.match(doc001, /<w:pgSz w:w="11906" w:h="16838"\/>/);
    // 37 mm = 2098 twips, 28 mm = 1587, 26 mm = 1474 (210 − 28 − 156), 35 mm = 1984 (297 − 37 − 225).
    assert.match(doc001, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    assert.match(seed001.parts['word/settings.xml'], /<w:mirrorMargins\/>/);
  });

  it('a Word document grid of 22 lines × 28 characters (line pitch 28.95 pt)', () => {
    assert.match(doc001, /<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-8\d\d"\/>/);
    const charSpace = Number(/w:charSpace="(-?\d+)"/.exec(doc001)![1]);
    // Word's character pitch is the default size (16 pt) plus charSpace/4096 pt: 28 of them fill 156 mm.
    const pitch = 16 + charSpace / 4096;
    assert.ok(Math.abs(pitch * 28 - (156 / 25.4) * 72) < 0.5, `pitch ${pitch}`);
  });

  it('版头: the 发文机关标志 red 小标宋 centred; the 发文字号 centred with the red line under it', () => {
    const logo = paragraphs(doc001)[0];
    assert.equal(textOf(logo), '济宁市兖州区人民政府文件');
    assert.match(logo, /<w:color w:val="FF0000"\/>/);
    assert.deepEqual([...new Set(fontsOf(logo))], ['方正小标宋简体']);
    assert.match(logo, /<w:jc w:val="center"\/>/);
    const number = para(doc001, '济兖政字〔2022〕14号');
    assert.match(number, /<w:jc w:val="center"\/>/);
    assert.match(number, /<w:pBdr><w:bottom w:val="single" w:sz="\d+" w:space="11" w:color="FF0000"\/><\/w:pBdr>/);
  });

  it('joint issuers: more than three in the 版头 give the 主办机关 alone, with a warning', () => {
    const joint = exportDocx(parse(readSeed('002')));
    assert.equal(textOf(paragraphs(joint.parts['word/document.xml'])[0]), '威海市科学技术局');
    assert.ok(joint.warnings.some((w) => w.includes('联合发文机关有 22 个')), joint.warnings.join('\n'));
  });

  it('title 2号小标宋 centred; body 3号仿宋_GB2312 with a two-character first-line indent', () => {
    const title = para(doc001, '济宁市兖州区人民政府关于印发');
    assert.match(title, /<w:sz w:val="44"\/>/);
    assert.deepEqual([...new Set(fontsOf(title))], ['方正小标宋简体']);
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(title, /<w:br\/>/, 'a long title is broken over lines');
    const body = para(doc001, '现将《济宁市兖州区全民科学素质行动规划纲要实施方案');
    assert.deepEqual([...new Set(fontsOf(body))], ['仿宋_GB2312']);
    assert.match(body, /<w:sz w:val="32"\/>/);
    assert.match(body, /w:firstLineChars="200"/);
  });

  it('headings: 一、 黑体, （一） 楷体_GB2312, 1. and （1） 仿宋_GB2312', () => {
    assert.equal(fontsOf(para(doc001, '一、前言'))[0], '黑体');
    assert.equal(fontsOf(para(doc001, '（一）指导思想'))[0], '楷体_GB2312');
    const xml = exportDocx(parse('关于测试的通知\n\n一、总体要求\n\n（一）工作目标\n\n1.完善机制。建立台账。\n\n（1）按月报送。\n')).parts['word/document.xml'];
    assert.equal(fontsOf(para(xml, '一、总体要求'))[0], '黑体');
    assert.equal(fontsOf(para(xml, '（一）工作目标'))[0], '楷体_GB2312');
    assert.equal(fontsOf(para(xml, '1.完善机制'))[0], '仿宋_GB2312');
    assert.equal(fontsOf(para(xml, '（1）按月报送'))[0], '仿宋_GB2312');
  });

  it('署名 and 成文日期 right, the date four characters from the right; 附注 in parentheses; the plan on a new page', () => {
    assert.match(para(doc001, '2022年6月18日'), /w:rightChars="400"/);
    assert.match(paragraphs(doc001).find((p) => textOf(p) === '济宁市兖州区人民政府')!, /<w:jc w:val="right"\/>/);
    assert.ok(paragraphs(doc001).some((p) => textOf(p) === '（此件公开发布）'));
    assert.match(para(doc001, '济宁市兖州区全民科学素质行动规划纲要'), /<w:pageBreakBefore\/>/);
  });

  it('版记: 抄送 and 印发 in a table with the separator lines, in a section that starts on an even page', () => {
    assert.match(doc001, /<w:type w:val="evenPage"\/>/);
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(doc001)![0];
    assert.match(table, /<w:top w:val="single" w:sz="8"/);
    assert.match(table, /<w:bottom w:val="single" w:sz="8"/);
    assert.match(table, /<w:insideH w:val="single" w:sz="6"/);
    assert.match(textOf(table), /^抄送：区委办公室/);
    assert.match(textOf(table), /济宁市兖州区人民政府办公室2022年6月18日印发$/);
  });

  it('§7.5: a blank page the engine puts before the 版记 is written, and it and the 版记 page carry no number; otherwise the 版记 page is numbered', () => {
    const sections = (xml: string) => [...xml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1]);
    // 001: the text ends on page 19, the 版记 on page 20, numbered; no blank page, no empty footer.
    assert.equal(sections(doc001).length, 2);
    assert.match(sections(doc001)[1], /r:id="rIdFooterOdd".*r:id="rIdFooterEven".*<w:type w:val="evenPage"\/>/);
    assert.equal(seed001.parts['word/footer4.xml'], undefined);
    // A notice whose text ends on page 2 (test/office/fixtures/imprint-even.txt, rendered in export-render.test.ts):
    // a section of one empty paragraph (the blank page), then the 版记's.
    const even = exportDocx(parse(fs.readFileSync(path.join(ROOT, 'test', 'office', 'fixtures', 'imprint-even.txt'), 'utf8')));
    const docEven = even.parts['word/document.xml'];
    const [, blank, imprint] = sections(docEven);
    assert.equal(sections(docEven).length, 3);
    const blankPara = paragraphs(docEven).find((p) => p.includes(`<w:sectPr>${blank}`))!;
    assert.equal(textOf(blankPara), '');
    assert.doesNotMatch(blank, /<w:type /, 'the blank page: the next page');
    for (const s of [blank, imprint]) assert.match(s, /<w:footerReference w:type="default" r:id="rIdFooterBlank"\/><w:footerReference w:type="even" r:id="rIdFooterBlank"\/>/);
    // The backstop: where a renderer ends the text a page off, the 版记 still starts an even page.
    assert.match(imprint, /<w:type w:val="evenPage"\/>/);
    assert.doesNotMatch(even.parts['word/footer4.xml'], /PAGE|—/);
    assert.match(even.parts['word/_rels/document.xml.rels'], /Id="rIdFooterBlank"[^>]*Target="footer4.xml"/);
    assert.match(even.parts['[Content_Types].xml'], /PartName="\/word\/footer4.xml"/);
  });

  it('page numbers `— N —` 4号宋体 from a PAGE field, odd pages right and even pages left, one character in', () => {
    assert.match(seed001.parts['word/settings.xml'], /<w:evenAndOddHeaders\/>/);
    assert.match(doc001, /<w:footerReference w:type="default" r:id="rIdFooterOdd"\/><w:footerReference w:type="even" r:id="rIdFooterEven"\/>/);
    const odd = seed001.parts['word/footer1.xml'];
    const even = seed001.parts['word/footer2.xml'];
    for (const f of [odd, even]) {
      assert.match(f, /<w:fldSimple w:instr=" PAGE ">/);
      assert.match(f, /— <\/w:t>.*<w:fldSimple.*<w:t xml:space="preserve"> —/);
      assert.match(f, /w:eastAsia="宋体"/);
      assert.match(f, /<w:sz w:val="28"\/>/);
    }
    assert.match(odd, /<w:jc w:val="right"\/>/);
    assert.match(odd, /w:rightChars="100"/);
    assert.match(even, /<w:jc w:val="left"\/>/);
    assert.match(even, /w:leftChars="100"/);
  });

  it('a missing 发文字号 or 署名 is a visible placeholder and a warning', () => {
    const result = exportDocx(parse('关于开展测试工作的通知\n\n各单位：\n\n请认真做好测试工作。\n'));
    const xml = result.parts['word/document.xml'];
    assert.match(para(xml, PLACEHOLDER.发文字号), /<w:highlight w:val="yellow"\/>/);
    assert.match(para(xml, PLACEHOLDER.发文机关署名), /<w:highlight w:val="yellow"\/>/);
    assert.equal(result.warnings.length, 3, result.warnings.join('\n'));
    assert.ok(result.warnings.some((w) => w.includes('发文字号')) && result.warnings.some((w) => w.includes('署名')));
    assert.equal(exportDocx(parse(readSeed('001'))).warnings.length, 0);
  });

  it('bad input never throws and never makes invalid XML: empty text, control characters, lone surrogates', () => {
    for (const text of ['', '\n\n', '\u0000\u0001<&>"\ud800', '一、\n抄送：', 'x'.repeat(50_000)]) {
      const xml = exportDocx(parse(text)).parts['word/document.xml'];
      assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])/);
      assert.doesNotMatch(xml.replace(/<[^>]*>/g, ''), /[<>]|&(?!amp;|lt;|gt;|quot;)/);
    }
  });

  it('the same document exports to the same bytes', () => {
    assert.deepEqual(exportDocx(parse(readSeed('004'))).bytes, exportDocx(parse(readSeed('004'))).bytes);
  });

  it('titles break into balanced lines, never inside a figure, upper lines not longer than lower ones', () => {
    const lines = balanceTitle('济宁市兖州区人民政府关于印发济宁市兖州区全民科学素质行动规划纲要实施方案（2021-2025年）的通知', 20);
    assert.equal(lines.length, 3);
    assert.equal(lines[0], '济宁市兖州区人民政府关于印发');
    assert.ok(lines.every((l) => widthOf(l) <= 20));
    assert.deepEqual(balanceTitle('关于开展测试工作的通知', 20), ['关于开展测试工作的通知']);
    assert.ok(!balanceTitle('某某县人民政府关于印发某某县2021年度重点工作任务分解方案的通知', 20).some((l) => /^[0-9]/.test(l)));
  });

  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`round trip: seed ${prefix} exported and read back has the same title, headings and paragraphs`, () => {
      const original = parse(readSeed(prefix));
      const read = readSourceBytes('x.docx', Buffer.from(exportDocx(original).bytes));
      assert.ok(!('error' in read));
      const back = parse(read.text);
      const squeeze = (s?: string) => (s ?? '').replace(/[\s\u3000]+/g, '');
      assert.equal(squeeze(back.notice.标题?.text), squeeze(original.notice.标题?.text));
      const headings = (d: typeof original) => d.allHeadings.map((h) => `${h.level} ${h.marker}${squeeze(h.title)}`);
      assert.deepEqual(headings(back), headings(original));
      // What the export adds is left out: the 版头's 标志 (read back as a paragraph when the text had none) and placeholders.
      const added = new Set(exportContent(original).pieces.filter((p) => p.kind === 'logo').map((p) => squeeze((p as { text: string }).text)));
      const texts = (d: typeof original) =>
        exportContent(d)
          .pieces.flatMap((p) => (p.kind === 'paragraph' || p.kind === 'addressee' || p.kind === 'note' ? [p.text] : p.kind === 'heading' ? [p.head + p.rest] : []))
          .map((t) => squeeze(Object.values(PLACEHOLDER).reduce((s, ph) => s.split(ph).join(''), t)))
          .filter((t) => t && !added.has(t));
      // Seed 004's 附注 line is read back joined to the plan's title on the next page (known limit): the .docx
      // reader gives one line per paragraph with no blank line between, and the model joins a line without a full stop.
      if (prefix !== '004') assert.deepEqual(texts(back), texts(original));
      else assert.deepEqual(texts(original).filter((t) => !texts(back).includes(t)), [squeeze(original.notice.附注?.text)]);
    });
  }
});

describe('gongwen export --docx', () => {
  let dir: string;
  const run = (argv: string[]) => {
    let out = '';
    let err = '';
    const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), colour: false }, '0.0.0');
    return { code, out, err };
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the .docx, and does not overwrite it without --force', () => {
    const out = path.join(dir, 'a.docx');
    const first = run(['export', '--docx', '--out', out, seedPath('001')]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /已导出/);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
    fs.writeFileSync(out, 'mine');
    const again = run(['export', '--docx', '--out', out, seedPath('001')]);
    assert.equal(again.code, 2);
    assert.match(again.err, /文件已存在，未覆盖。加 --force 覆盖它。/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'mine');
    assert.equal(run(['export', '--docx', '--force', '--out', out, seedPath('001')]).code, 0);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
  });

  it('a document with errors is not exported without --force', () => {
    const input = path.join(dir, 'bad.gw');
    fs.writeFileSync(input, '关于开展测试工作的通知\n\n测政发〔2024〕1号\n\n各单位：\n\n一、总体要求\n\n三、工作安排\n\n测试县人民政府\n\n2024年1月2日\n');
    const out = path.join(dir, 'bad.docx');
    const refused = run(['export', '--docx', '--out', out, input]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /heading-sequence/);
    assert.match(refused.err, /有 \d+ 处错误，未导出/);
    assert.ok(!fs.existsSync(out));
    const forced = run(['export', '--docx', '--force', '--out', out, input]);
    assert.equal(forced.code, 0, forced.err);
    assert.ok(fs.existsSync(out));
  });

  it('warns of a placeholder; never writes over its input; asks for a format', () => {
    const input = path.join(dir, 'short.txt');
    fs.writeFileSync(input, '关于开展测试工作的通知\n\n各单位：\n\n请认真做好测试工作。\n');
    const r = run(['export', '--docx', input]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.existsSync(path.join(dir, 'short.docx')), 'default output beside the input');
    assert.match(r.err, /警告：没有发文字号/);
    const docx = path.join(dir, 'short.docx');
    const self = run(['export', '--docx', '--force', '--out', docx, docx]);
    assert.equal(self.code, 2);
    assert.match(self.err, /不会覆盖输入文件/);
    assert.equal(run(['export', input]).code, 2);
    assert.equal(run(['lint', '--docx', input]).code, 2);
  });
});
