/**
 * The font mapping of the export (issue #16): `export.fonts` in gongwen.json and the VS Code setting
 * `gongwen.export.fonts` replace the standard's font names in the runs the export writes; without a
 * mapping the standard's names stay.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from '../../server/src/model/parse';
import { exportDocx, mapFonts } from '../../server/src/export/docx';
import { parseProjectConfig } from '../../server/src/config';
import { mergeSettings } from '../../server/src/settings';
import { main } from '../../server/src/cli/main';
import { readSeed, seedPath } from './helpers';

const fontsIn = (xml: string) => new Set([...xml.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]));

describe('export: font mapping (export.fonts)', () => {
  const doc = parseDocument('file:///s.gw', readSeed('001'));

  it('by default the .docx names the standard\'s fonts', () => {
    const xml = exportDocx(doc).parts['word/document.xml'];
    assert.deepEqual([...fontsIn(xml)].sort(), ['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
  });

  it('a mapped name replaces the standard\'s in every run, the styles and the footers; unmapped names stay', () => {
    const out = exportDocx(doc, { fonts: { 方正小标宋简体: '华文中宋', 宋体: 'Noto Serif CJK SC', 'A&B': 'x' } });
    const xml = out.parts['word/document.xml'];
    assert.ok(fontsIn(xml).has('华文中宋'));
    assert.ok(!fontsIn(xml).has('方正小标宋简体'));
    assert.ok(fontsIn(xml).has('仿宋_GB2312'));
    assert.match(xml, /<w:rFonts w:ascii="华文中宋" w:eastAsia="华文中宋" w:hAnsi="华文中宋" w:cs="华文中宋"\/>/);
    assert.match(out.parts['word/footer1.xml'], /w:eastAsia="Noto Serif CJK SC"/);
    // And in the bytes written (the zip holds the mapped XML).
    assert.match(strFromU8(unzipSync(out.bytes)['word/document.xml']), /华文中宋/);
  });

  it('a mapped name is escaped as XML; text that happens to equal a font name is not touched', () => {
    assert.equal(mapFonts('<w:rFonts w:eastAsia="黑体"/><w:t>黑体</w:t>', { 黑体: 'A"&B' }), '<w:rFonts w:eastAsia="A&quot;&amp;B"/><w:t>黑体</w:t>');
  });

  it('gongwen.json export.fonts is read and checked; it wins over the editor setting', () => {
    const ok = parseProjectConfig('{"export": {"fonts": {"方正小标宋简体": "华文中宋"}}}', 'gongwen.json');
    assert.equal(ok.error, undefined);
    assert.deepEqual(ok.config.export, { fonts: { 方正小标宋简体: '华文中宋' } });
    const merged = mergeSettings({ export: { fonts: { 方正小标宋简体: '宋体', 黑体: '微软雅黑' } } }, ok.config);
    assert.deepEqual(merged.export.fonts, { 方正小标宋简体: '华文中宋', 黑体: '微软雅黑' });
    for (const bad of ['{"export": {"fonts": {"黑体": 3}}}', '{"export": {"fonts": ["黑体"]}}', '{"export": {"font": {}}}', '{"export": 1}']) {
      const r = parseProjectConfig(bad, 'gongwen.json');
      assert.match(r.error ?? '', /export/, bad);
      assert.equal(r.config.export, undefined);
    }
    assert.deepEqual(mergeSettings(undefined, undefined).export.fonts, {});
  });

  it('gongwen export --docx applies gongwen.json export.fonts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fonts-'));
    try {
      const config = path.join(dir, 'gongwen.json');
      fs.writeFileSync(config, JSON.stringify({ export: { fonts: { 仿宋_GB2312: '仿宋' } } }));
      const out = path.join(dir, 'a.docx');
      let err = '';
      const code = main(['export', '--docx', '--config', config, '--out', out, seedPath('001')], { out: () => undefined, err: (s) => (err += s), colour: false }, '0.0.0');
      assert.equal(code, 0, err);
      const xml = strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml']);
      assert.ok(fontsIn(xml).has('仿宋'));
      assert.ok(!fontsIn(xml).has('仿宋_GB2312'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
