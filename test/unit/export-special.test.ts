/**
 * The special formats of GB/T 9704-2012 §10 in the export (issue #16): 信函格式 for a 函, 命令（令）格式,
 * 纪要格式 — chosen from the genre, or by `--format`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from '../../server/src/model/parse';
import { exportDocx } from '../../server/src/export/docx';
import { formatOf } from '../../server/src/export/special';
import { main } from '../../server/src/cli/main';

const LETTER = ['测试市人民政府办公室', '测政办函〔2024〕8号', '关于商请支持测试工作的函', '市财政局：', '　　为做好测试工作，请予支持。', '　　特此函告。', '测试市人民政府办公室', '2024年3月1日', '抄送：市审计局。', '测试市人民政府办公室　　2024年3月2日印发'].join('\n');
const ORDER = ['测试市人民政府令', '第5号', '　　《测试市测试管理办法》已经市政府常务会议通过，现予公布，自2024年5月1日起施行。', '市长　张三', '2024年3月1日'].join('\n');
const MINUTES = ['测试市人民政府常务会议纪要', '2024年3月1日，市长张三主持召开市政府常务会议，研究测试工作。纪要如下：', '一、会议听取了测试工作汇报。', '出席：张三　李四　王五', '列席：赵六（市财政局）', '测试市人民政府办公室', '2024年3月2日'].join('\n');

const parse = (text: string) => parseDocument('file:///s.gw', text);
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('export: special formats (GB/T 9704-2012 §10)', () => {
  it('the genre says the format: 函 → letter, 令 → order, 纪要 → minutes, others general', () => {
    assert.equal(formatOf(parse(LETTER)), 'letter');
    assert.equal(formatOf(parse(ORDER)), 'order');
    assert.equal(formatOf(parse(MINUTES)), 'minutes');
    assert.equal(formatOf(parse(LETTER.replace('的函', '的通知'))), 'general');
  });

  it('信函格式: the issuer\'s name in the first page\'s header 30 mm from the top, the double lines 170 mm long, the 文号 right', () => {
    const out = exportDocx(parse(LETTER));
    assert.equal(out.format, 'letter');
    const header = out.parts['word/header1.xml'];
    assert.equal(textOf(header), '测试市人民政府办公室');
    assert.match(header, /w:eastAsia="方正小标宋简体"[^>]*\/><w:color w:val="FF0000"\/>/);
    // Upper double line: thick over thin; lower: thin over thick; both 7 mm (397 twips) past each side of the 版心.
    assert.match(header, /<w:bottom w:val="thickThinSmallGap"[^>]*w:color="FF0000"\/>/);
    assert.match(header, /<w:ind w:left="-397" w:right="-397"\/>/);
    assert.match(out.parts['word/footer3.xml'], /<w:bottom w:val="thinThickSmallGap"[^>]*w:color="FF0000"\/>/);
    assert.equal(textOf(out.parts['word/footer3.xml']), '', 'no page number on the first page');
    const doc = out.parts['word/document.xml'];
    assert.match(doc, /<w:headerReference w:type="first" r:id="rIdHeaderFirst"\/>/);
    assert.match(doc, /<w:titlePg\/>/);
    assert.match(doc, /w:header="1629"/); // 30 mm less the half leading above the characters (72 twips)
    // The lower double line 20 mm (1134 twips) from the bottom: every section's footers there, the numbers of
    // the other pages lifted back by the difference to 7 mm under the 版心 (1307 − 1134).
    for (const s of doc.match(/<w:pgMar [^>]*>/g)!) assert.match(s, /w:footer="1134"/);
    for (const f of ['word/footer1.xml', 'word/footer2.xml']) assert.match(out.parts[f], /<w:spacing w:before="0" w:after="173"/);
    assert.match(out.parts['word/_rels/document.xml.rels'], /Target="header1.xml"/);
    assert.match(out.parts['[Content_Types].xml'], /\/word\/header1.xml/);
    const ps = paragraphs(doc);
    assert.ok(!ps.some((p) => textOf(p) === '测试市人民政府办公室' && p.includes('FF0000')), 'the 标志 is not in the body');
    const number = ps.find((p) => textOf(p) === '测政办函〔2024〕8号')!;
    assert.match(number, /<w:jc w:val="right"\/>/);
    assert.ok(!number.includes('FF0000'), 'no red line under the 文号');
    // 版记: 抄送 only, no separator lines, no 印发 line.
    assert.ok(!doc.includes('2024年3月2日印发'));
    assert.match(doc, /<w:tblBorders><w:top w:val="nil"\/>/);
  });

  it('命令（令）格式: 标志 issuer + 令, the 令号 centred, no red line', () => {
    const out = exportDocx(parse(ORDER));
    assert.equal(out.format, 'order');
    const ps = paragraphs(out.parts['word/document.xml']);
    assert.equal(textOf(ps[0]), '测试市人民政府令');
    assert.equal(textOf(ps[1]), '第5号');
    // §10.2: the 标志's top 20 mm (1134 twips) below the top of the 版心: less the half leading of its line (105).
    assert.match(ps[0], /<w:spacing w:before="1029" /);
    assert.match(ps[1], /<w:jc w:val="center"\/>/);
    assert.ok(!ps[1].includes('<w:pBdr>'), 'no red line');
    assert.ok(!ps.some((p) => textOf(p).includes('请填写：标题')), 'a 令 has no title to ask for');
    assert.equal(out.parts['word/header1.xml'], undefined);
  });

  it('纪要格式: 标志 ××××纪要; 出席 and 列席 in 黑体, the names in 仿宋 aligned after the colon', () => {
    const ps = paragraphs(exportDocx(parse(MINUTES)).parts['word/document.xml']);
    assert.equal(textOf(ps[0]), '测试市人民政府常务会议纪要');
    assert.equal(ps.filter((p) => textOf(p) === '测试市人民政府常务会议纪要').length, 1, 'the title is the 标志: printed once');
    const present = ps.find((p) => textOf(p).startsWith('出席：'))!;
    assert.match(present, /w:eastAsia="黑体"[^>]*\/>[\s\S]*出席：[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*张三/);
    assert.match(present, /w:leftChars="500"[^>]*w:hangingChars="300"|w:leftChars="500"[\s\S]*w:hangingChars="300"/);
    assert.ok(ps.some((p) => textOf(p).startsWith('列席：') && p.includes('黑体')));
  });

  it('--format overrides the genre; a wrong value is refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-special-'));
    try {
      const input = path.join(dir, 'n.txt');
      fs.writeFileSync(input, LETTER);
      const out = path.join(dir, 'n.docx');
      let err = '';
      const io = { out: () => undefined, err: (s: string) => (err += s), colour: false };
      assert.equal(main(['export', '--docx', '--force', '--format', 'general', '--out', out, input], io, '0.0.0'), 0, err);
      const general = unzipSync(fs.readFileSync(out));
      assert.equal(general['word/header1.xml'], undefined);
      assert.match(strFromU8(general['word/document.xml']), /测试市人民政府办公室文件|测试市人民政府办公室/);
      assert.equal(main(['export', '--docx', '--force', '--format', 'letter', '--out', out, input], io, '0.0.0'), 0, err);
      assert.ok(unzipSync(fs.readFileSync(out))['word/header1.xml']);
      assert.equal(main(['export', '--docx', '--force', '--format', 'poster', '--out', out, input], io, '0.0.0'), 2);
      assert.match(err, /general、letter、order 或 minutes/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
