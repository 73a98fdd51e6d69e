/**
 * The document's own date decides which edition of GB/T 9704 applies (issue #13): 2012-07-01,
 * the day GB/T 9704-2012 took effect, is the line.
 */
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { before9704_2012, documentDate } from '../../server/src/rules/format/dated';
import { parseDocument } from '../../server/src/model/parse';
import { textAt } from './helpers';
import { applyEdits } from './format-edits';

const notice = (docNumber: string, date: string, tail = '') => [
  docNumber,
  '',
  '某市人民政府关于印发某市应急预案的通知',
  '',
  '各县区人民政府，市政府各部门：',
  '现将《某市应急预案》印发给你们，请认真贯彻执行。',
  '某市人民政府',
  date,
  '某市应急预案',
  '一、总则',
  '内容。',
  tail,
].join('\n');

const parse = (text: string) => parseDocument('mem://dated.gw', text);

describe('documentDate and before9704_2012', () => {
  it('reads the 成文日期 in Chinese numerals, whatever zero it is written with', () => {
    assert.deepEqual(documentDate(parse(notice('沈政办发〔2007〕1号', '二○○七年一月九日'))), { year: 2007, month: 1, day: 9, source: '成文日期' });
    assert.deepEqual(documentDate(parse(notice('吉政办发〔2002〕42号', '二00二年八月二十九日'))), { year: 2002, month: 8, day: 29, source: '成文日期' });
  });

  it('falls back on the year of the 发文字号 when no date is found', () => {
    const doc = parse(notice('国办发〔1996〕2号', ''));
    assert.equal(doc.notice.成文日期, undefined);
    assert.deepEqual(documentDate(doc), { year: 1996, source: '发文字号' });
    assert.equal(before9704_2012(doc), true);
  });

  it('draws the line at 2012-07-01, and judges a document of unknown date by the current edition', () => {
    assert.equal(before9704_2012(parse(notice('某政发〔2012〕1号', '2012年6月30日'))), true);
    assert.equal(before9704_2012(parse(notice('某政发〔2012〕1号', '2012年7月1日'))), false);
    // Only the 文号 year 2012: could be either side of the line.
    assert.equal(before9704_2012(parse(notice('某政发〔2012〕1号', ''))), false);
    assert.equal(before9704_2012(parse('没有日期的一段文字。\n')), false);
  });
});

describe('date-format on a document dated before 2012-07-01', () => {
  const service = createLanguageService();
  const dateFindings = (text: string) => service.diagnostics(service.parse('mem://old.gw', text)).filter((d) => d.code === 'date-format');

  it('keeps the Chinese numerals: spaces are the only finding, and the fix removes only them', () => {
    const text = notice('沈政办发〔2007〕1号', '二〇〇七年 一月 九日');
    const [found, ...rest] = dateFindings(text);
    assert.deepEqual(rest, []);
    assert.equal(textAt(text, found.range), '二〇〇七年 一月 九日');
    assert.match(String(found.message), /GB\/T 9704-1999/);
    assert.match(String(found.message), /应写作“二〇〇七年一月九日”/);
    assert.doesNotMatch(String(found.message), /阿拉伯数字/);
    const fix = service.codeActions(service.parse('mem://old.gw', text), found.range).find((a) => a.isPreferred);
    assert.equal(applyEdits(text, fix!.edit!.changes!['mem://old.gw']), notice('沈政办发〔2007〕1号', '二〇〇七年一月九日'));
  });

  it('still reports a date that does not exist', () => {
    assert.match(String(dateFindings(notice('某政发〔2007〕1号', '二〇〇七年二月三十日'))[0]?.message), /不是真实存在的日期/);
  });

  it('the same Chinese-numeral date in a 2020 document is told to use Arabic numerals', () => {
    assert.match(String(dateFindings(notice('某政发〔2020〕1号', '二〇二〇年一月九日'))[0]?.message), /应使用阿拉伯数字/);
  });
});
