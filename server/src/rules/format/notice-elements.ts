/**
 * notice-elements — a notice (通知) has its 主送机关, 发文机关署名 and 成文日期, in the order of
 * GB/T 9704-2012 §7 (发文字号 §7.2.5 before 标题 §7.3.1 before 主送机关 §7.3.2 … 成文日期 §7.3.5);
 * the 主送机关 ends with a full-width colon `：` (§7.3.2) and the 抄送 line with `。` (§7.4.2).
 */
import type { Range } from 'vscode-languageserver-types';
import { NOTICE_ELEMENT_ORDER, type NoticeElementName, type Span } from '../../model/types';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';

/** The notice's own elements, before the attached plan (§7.2–7.3). */
const HEAD_ORDER = NOTICE_ELEMENT_ORDER.slice(0, NOTICE_ELEMENT_ORDER.indexOf('附注') + 1);
const REQUIRED: Array<[NoticeElementName, string]> = [
  ['主送机关', '第7.3.2条'],
  ['发文机关署名', '第7.3.5条'],
  ['成文日期', '第7.3.5条'],
];

const before = (a: Range, b: Range) => a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
const endOf = (r: Range): Range => ({ start: { line: r.end.line, character: Math.max(0, r.end.character - 1) }, end: r.end });

export const noticeElements: Rule = {
  id: 'notice-elements',
  description: '通知具备主送机关、发文机关署名、成文日期，要素顺序符合 GB/T 9704-2012',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const n = doc.notice;
    // Only a document that is a notice: it has a 发文字号 or a 关于…的通知 title.
    if (!n.发文字号 && !(n.标题 && /通知$/.test(n.标题.text))) return [];
    const out: Finding[] = [];
    const anchor = (n.标题 ?? n.发文字号)!.range;
    for (const [name, section] of REQUIRED) {
      if (n[name]) continue;
      const at = name === '成文日期' ? (n.发文机关署名 ?? n.正文)?.range : name === '发文机关署名' ? n.成文日期?.range : undefined;
      out.push({ range: at ?? anchor, message: t('通知缺少“{0}”（GB/T 9704-2012 {1}）。', name, section) });
    }

    const present = HEAD_ORDER.filter((name) => n[name]).map((name) => ({ name, range: (n[name] as Span).range }));
    for (let i = 0; i < present.length; i++) {
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
