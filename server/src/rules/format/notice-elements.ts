/**
 * notice-elements — a 公文 has the elements its genre (文种) needs, in the order of GB/T 9704-2012 §7
 * (发文字号 §7.2.5 before 标题 §7.3.1 before 主送机关 §7.3.2 … 成文日期 §7.3.5); the 主送机关 ends with
 * a full-width colon `：` (§7.3.2) and the 抄送 line with `。` (§7.4.2).
 *
 * Judged as the copy is laid out: a web or law-database copy prints the 文号 under the title and often
 * leaves out the 署名 (the title names the issuer); what such a copy leaves out is not a finding.
 */
import type { Range } from 'vscode-languageserver-types';
import { NOTICE_ELEMENT_ORDER, type GongwenDocument, type NoticeElementName, type Span } from '../../model/types';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';

/** The notice's own elements, before the attached plan (§7.2–7.3). */
const HEAD_ORDER = NOTICE_ELEMENT_ORDER.slice(0, NOTICE_ELEMENT_ORDER.indexOf('附注') + 1);
const REQUIRED: Array<[NoticeElementName, string]> = [
  ['主送机关', '第7.3.2条'],
  ['发文机关署名', '第7.3.5条'],
  ['成文日期', '第7.3.5条'],
];
/** Genres addressed to no one in particular: published, not sent (条例 art. 8; GB/T 9704-2012 §7.3.2). */
const NO_ADDRESSEE = new Set(['公告', '通告', '公报', '决议', '决定', '命令', '纪要']);
/** Genres dated under the title, with no 署名 and date at the end (公报, 决议, 纪要 §10.3). */
const DATED_UNDER_TITLE = new Set(['公报', '决议', '纪要']);
/** Genres without an organ's 署名: those above, and a 命令, signed by the head of the organ (§10.2). */
const NO_ORGAN_SIGNATURE = new Set([...DATED_UNDER_TITLE, '命令']);
/** What a 批复 answers: a 请示, or a 报告/函/申请 asking for approval. */
const ANSWERED = /(请示|报告|函|申请)/;
/** The closing request of a 请示 (条例 art. 15: 一文一事, 请示 ends asking for instruction). */
const REQUEST_END = /(请(予)?(批示|审批|批准|审定|审核|核准|批复|示)|妥否|当否|可否)/;

const before = (a: Range, b: Range) => a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
const endOf = (r: Range): Range => ({ start: { line: r.end.line, character: Math.max(0, r.end.character - 1) }, end: r.end });

const firstTextLine = (lines: GongwenDocument['lines']) => Math.max(0, lines.findIndex((l) => l.kind === 'text' && l.text.trim() !== ''));

export const noticeElements: Rule = {
  id: 'notice-elements',
  description: '通知具备主送机关、发文机关署名、成文日期，要素顺序符合 GB/T 9704-2012',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const n = doc.notice;
    const genre = doc.genre?.genre;
    // Only a 公文: a 发文字号, or a title that names its genre.
    if (!n.发文字号 && !genre) return [];
    const out: Finding[] = [];
    const name0 = genre ?? '公文';
    // A draft whose 文号 opens the text and is followed by the 主送 lacks its title. A web page's
    // `文号：` label or a fragment left above it by PDF extraction say the title stands elsewhere.
    const opensWithNumber = !!n.发文字号 && n.发文字号.range.start.line === firstTextLine(doc.lines) && !/^\s*文号/.test(doc.lines[n.发文字号.range.start.line].text);
    if (!n.标题 && opensWithNumber && n.主送机关) {
      out.push({ range: n.发文字号!.range, message: t('{0}缺少标题（GB/T 9704-2012 第7.3.1条）。', name0) });
    }
    const anchor = (n.标题 ?? n.发文字号 ?? n.主送机关)?.range;
    if (!anchor) return out;
    // A web copy: no 版头 above the title, the 文号 (if any) under it.
    const webCopy = !n.发文机关标志 && !!n.标题 && (!n.发文字号 || before(n.标题.range, n.发文字号.range));
    for (const [name, section] of REQUIRED) {
      if (n[name]) continue;
      if (name === '主送机关' && genre && NO_ADDRESSEE.has(genre)) continue;
      if (name === '发文机关署名' && (webCopy || (genre && NO_ORGAN_SIGNATURE.has(genre)))) continue;
      if (name === '成文日期' && (n.印发?.date || (genre && DATED_UNDER_TITLE.has(genre)))) continue;
      const at = name === '成文日期' ? (n.发文机关署名 ?? n.正文)?.range : name === '发文机关署名' ? n.成文日期?.range : undefined;
      out.push({ range: at ?? anchor, message: t('{0}缺少“{1}”（GB/T 9704-2012 {2}）。', name0, name, section) });
    }
    if (genre === '请示' && n.正文 && !REQUEST_END.test(n.正文.text.slice(-60))) {
      out.push({ range: endOf(n.正文.range), message: t('请示应以“妥否，请批示”“请审批”等请求语结尾。') });
    }
    // A 批复 answers a request it names (`你局《关于…的请示》（…〔2016〕31号）收悉`), 条例 art. 8 (十二).
    if (genre === '批复' && n.正文 && !ANSWERED.test(n.正文.text.slice(0, 400))) {
      out.push({ range: n.正文.range.start.line === n.正文.range.end.line ? n.正文.range : { start: n.正文.range.start, end: { line: n.正文.range.start.line + 1, character: 0 } }, message: t('批复应在开头写明所答复的请示（标题和文号）。') });
    }

    const present = HEAD_ORDER.filter((name) => n[name]).map((name) => ({ name, range: (n[name] as Span).range }));
    for (let i = 0; i < present.length; i++) {
      // Web and law-database copies print the 文号 under the title: their layout, not the drafter's slip.
      if (webCopy && present[i].name === '发文字号') continue;
      const late = present.slice(i + 1).find((later) => before(later.range, present[i].range));
      if (late) {
        out.push({
          range: present[i].range,
          message: t('“{0}”应在“{1}”之前（GB/T 9704-2012 第7章的要素顺序），此处排在其后。', present[i].name, late.name),
        });
      }
    }

    const addressee = n.主送机关;
    if (addressee && !addressee.text.endsWith('：')) {
      const range = endOf(addressee.range);
      out.push({
        range,
        message: t('主送机关应以全角冒号“：”结尾，此处为“{0}”（GB/T 9704-2012 第7.3.2条）。', addressee.text.slice(-1)),
        fixes: [{ title: t('改为“{0}”', '：'), edits: [{ range, newText: '：' }], preferred: true }],
      });
    }
    const cc = n.抄送;
    if (cc && !cc.text.endsWith('。')) {
      const last = cc.text.slice(-1);
      const replace = /[.．，,；;、]/.test(last);
      const range = replace ? endOf(cc.range) : { start: cc.range.end, end: cc.range.end };
      out.push({
        range: endOf(cc.range),
        message: t('抄送机关名称之后应以句号“。”结尾，此处为“{0}”（GB/T 9704-2012 第7.4.2条）。', last),
        fixes: [{ title: t('以“。”结尾'), edits: [{ range, newText: '。' }], preferred: true }],
      });
    }
    return out;
  },
};
