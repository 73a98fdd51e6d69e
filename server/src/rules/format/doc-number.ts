/**
 * doc-number — the 发文字号 and every 文号 cited in the text take the form 机关代字 + year in
 * 六角括号 + serial + 号: `乳政发〔2022〕6号` (GB/T 9704-2012 §7.2.5): the year in full, no `第`,
 * no leading zero, no spaces inside.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { GongwenDocument, Span } from '../../model/types';
import { DOC_NUMBER } from '../../model/notice-lines';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { SPACE, joinedEdit, joinedInsert, locate, toAscii } from './joined';

/** Same pattern as the model's, with match indices (groups: 1 代字, 2 open, 3 year, 4 close, 5 第, 6 serial, 7 号). */
const PARTS = new RegExp(DOC_NUMBER.source, 'd');

export function checkDocNumber(doc: GongwenDocument, span: Span, cited: boolean): Finding | undefined {
  const where = locate(doc, span.range);
  if (!where) return undefined;
  const { block, index } = where;
  const m = PARTS.exec(block.text.slice(index, index + span.text.length));
  if (!m || !m.indices) return undefined;
  const at = (g: number) => index + m.indices![g][0];
  const [agency, open, year, close, di, serial, hao] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7]];
  const problems: string[] = [];
  const edits: TextEdit[] = [];
  let certain = true;

  if (open !== '〔' || close !== '〕') {
    problems.push(t('年份应放在六角括号“〔〕”内，此处为“{0}{1}”', open, close));
    if (open !== '〔') edits.push(joinedEdit(doc, block, at(2), at(2) + 1, '〔'));
    if (close !== '〕') edits.push(joinedEdit(doc, block, at(4), at(4) + 1, '〕'));
  }
  const asciiYear = toAscii(year);
  if (asciiYear !== year) {
    problems.push(t('数字应为半角阿拉伯数字'));
    edits.push(joinedEdit(doc, block, at(3), at(3) + year.length, asciiYear));
  }
  if (year.length !== 4) {
    problems.push(t('年份应写全四位'));
    certain = false;
  }
  if (di) {
    problems.push(t('序号前不加“第”'));
    edits.push(joinedEdit(doc, block, at(5), at(5) + 1, ''));
  }
  const asciiSerial = toAscii(serial);
  const plainSerial = asciiSerial.replace(/^0+(?=[0-9])/, '');
  if (plainSerial !== serial) {
    if (/^[0０]/.test(serial) && serial.length > 1) problems.push(t('序号不编虚位（不加前导 0）'));
    else problems.push(t('数字应为半角阿拉伯数字'));
    edits.push(joinedEdit(doc, block, at(6), at(6) + serial.length, plainSerial));
  }
  if (!hao) {
    problems.push(t('序号后应加“号”'));
    edits.push(joinedInsert(doc, block, at(6) + serial.length, '号'));
  }
  // Spaces between the parts (trailing ones only count when 号 follows them).
  const end = hao ? at(7) : at(6) + serial.length;
  let spaces = 0;
  for (let i = at(1); i < end; i++) {
    if (!SPACE.test(block.text[i])) continue;
    spaces++;
    edits.push(joinedEdit(doc, block, i, i + 1, ''));
  }
  if (spaces) problems.unshift(t('文号中不应有空格'));
  if (problems.length === 0) return undefined;

  const unique = [...new Set(problems)];
  const written = block.text.slice(at(1), hao ? at(7) + 1 : end);
  const expected = `${agency}〔${asciiYear}〕${plainSerial}号`;
  const message = certain
    ? cited
      ? t('引用的文号“{0}”不规范：{1}。应为“{2}”（GB/T 9704-2012 第7.2.5条）。', written, unique.join('；'), expected)
      : t('发文字号“{0}”不规范：{1}。应为“{2}”（GB/T 9704-2012 第7.2.5条）。', written, unique.join('；'), expected)
    : cited
      ? t('引用的文号“{0}”不规范：{1}（GB/T 9704-2012 第7.2.5条）。', written, unique.join('；'))
      : t('发文字号“{0}”不规范：{1}（GB/T 9704-2012 第7.2.5条）。', written, unique.join('；'));
  return {
    range: span.range,
    message,
    fixes: certain ? [{ title: t('改为“{0}”', expected), edits, preferred: true }] : [],
  };
}

export const docNumber: Rule = {
  id: 'doc-number',
  description: '发文字号及引用文号写作“代字〔年份〕序号号”',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const out: Finding[] = [];
    const own = doc.notice.发文字号;
    if (own) {
      const f = checkDocNumber(doc, own, false);
      if (f) out.push(f);
    }
    for (const c of doc.citations) {
      if (!c.docNumber) continue;
      const f = checkDocNumber(doc, c.docNumber, true);
      if (f) out.push(f);
    }
    return out;
  },
};
