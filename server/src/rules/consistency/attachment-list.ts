/**
 * attachment-list — the 附件说明 lists the attachment bodies the document carries, with the same
 * numbers and names (GB/T 9704-2012 §7.3.4 附件说明; §7.3.9: 附件顺序号和附件标题应与附件说明一致;
 * GB/T 9704-1999 asked the same). Only what the copy shows is judged: a web copy that leaves out every
 * body, or some of them (spreadsheets and scans are often links), is not a finding; a body present in
 * the text but missing from the list, a name or number that differs, is.
 */
import { attachmentBodies, attachmentNotes, type AttachmentBody, type NoteItem } from '../../model/attachment-note';
import { normaliseTitle } from '../format/title-mismatch';
import { isDateLine } from '../../model/notice-lines';
import type { GongwenDocument } from '../../model/types';
import { t } from '../../l10n';
import { before9704_2012 } from '../format/dated';
import type { Finding, Rule } from '../types';

/** The comparable form of a name: spaces, 《》, bracket width and dash forms do not count. */
const norm = (s: string) => normaliseTitle(s).replace(/[《》〈〉]/g, '');
/** How alike two names must be (shared character pairs) to be taken for one attachment named two ways. */
const SAME_ATTACHMENT = 0.5;
/** A body's first line that is a title: short, no sentence inside it. */
const titleLike = (s: string) => s.length >= 2 && s.length <= 60 && !/[。；：:]/.test(s) && /[\u4e00-\u9fff]/.test(s);

const itemForms = (i: NoteItem) => [i.title, i.title + (i.more[0] ?? ''), i.title + i.more.join('')].map(norm);

function bodyForms(b: AttachmentBody): string[] {
  const lines = b.titleLines.map((l) => l.text);
  const forms = [lines[0] ?? '', lines.slice(0, 2).join(''), lines.join('')];
  if (b.part.title) forms.push(b.part.title.text.replace(/^[\s\u3000]*附件[0-9０-９一二三四五六七八九十]{0,3}[:：]?/, ''));
  return forms.map(norm).filter(Boolean);
}

/**
 * The name stands for the body: equal, or the list puts the issuing organ before the title of a
 * document that is itself attached (`国土资源部关于…的报告` for a report headed `关于…的报告`).
 */
function sameName(i: NoteItem, b: AttachmentBody): boolean {
  const bodies = bodyForms(b);
  return itemForms(i).some((f) => bodies.some((g) => f === g || (g.startsWith('关于') && f.endsWith(g) && f.length - g.length <= 40)));
}

/**
 * The 署名 of an attached document: the one or two lines above the last date line of the body
 * (`某某专家组` / `2004年9月23日`). A list that names the attachment by its issuer (`某某专家组意见` for a
 * document headed `某某调查意见` and signed by the 专家组) names the same attachment.
 */
function signedBy(doc: GongwenDocument, b: AttachmentBody): string[] {
  const { start, end } = b.part.range;
  for (let l = Math.min(end.line, doc.lines.length - 1); l > start.line; l--) {
    if (!isDateLine(doc.lines[l].text.trim())) continue;
    const above = [l - 1, l - 2].filter((k) => k > start.line).map((k) => doc.lines[k].text.trim());
    return [above[0] ?? '', (above[1] ?? '') + (above[0] ?? '')].map(norm).filter((x) => x.length >= 4);
  }
  return [];
}

/** The body's title as shown in a message: its first line, or its first two lines when they are closer to `like` (a wrapped title). */
function bodyTitle(b: AttachmentBody, like?: string): string | undefined {
  const lines = b.titleLines.map((l) => l.text.replace(/[\s\u3000]+/g, ''));
  const first = lines[0];
  if (!first || !titleLike(first)) return undefined;
  const two = lines.length > 1 ? first + lines[1] : undefined;
  return like && two && titleLike(two) && likeness(norm(like), norm(two)) > likeness(norm(like), norm(first)) ? two : first;
}

/** Dice coefficient over character pairs. */
function likeness(a: string, b: string): number {
  const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, k) => s.slice(k, k + 2));
  const pa = pairs(a);
  const pb = pairs(b);
  if (!pa.length || !pb.length) return 0;
  const rest = [...pb];
  let shared = 0;
  for (const p of pa) {
    const k = rest.indexOf(p);
    if (k >= 0) {
      shared++;
      rest.splice(k, 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

export const attachmentList: Rule = {
  id: 'attachment-list',
  description: '附件说明与所附附件的顺序号、名称一致',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    // A document dated before 2012-07-01 is held to GB/T 9704-1999, which asks the same (附件的序号和名称前后一致).
    const old = before9704_2012(doc);
    const basis = (clause: string) => (old ? 'GB/T 9704-1999' : `GB/T 9704-2012 第${clause}条`);
    const notes = attachmentNotes(doc);
    const bodies = attachmentBodies(doc);
    // Two lists (the notice's and an issued document's own) leave open which bodies each one names.
    if (notes.length !== 1) return [];
    const items = notes[0].items;
    const out: Finding[] = [];
    const single = items.length === 1;
    const only = items[0];
    if (single && only.numberRange && bodies.length <= 1) {
      out.push({
        range: only.numberRange,
        message: t('只有一个附件时不编顺序号，应写作“附件：{0}”（{1}）。', only.title, basis('7.3.4')),
        fixes: [{ title: t('删去顺序号“{0}”', only.numberText!), edits: [{ range: only.numberRange, newText: '' }], preferred: true }],
      });
    }
    if (bodies.length === 0) return out;

    // Numbers are compared only when the bodies are one numbered series (an issued plan labelled `附件`
    // followed by its own 附件1, 附件2 is two series).
    const series = bodies.every((b, k) => b.number !== undefined && (k === 0 || b.number > bodies[k - 1].number!));
    const pairs = new Map<AttachmentBody, NoteItem>();
    const used = new Set<NoteItem>();
    for (const b of bodies) {
      const i = items.find((x) => !used.has(x) && sameName(x, b));
      if (i) {
        pairs.set(b, i);
        used.add(i);
      }
    }
    for (const b of bodies) {
      const label = b.numberText ? `附件${b.numberText}` : '附件';
      if (b.numberText && b.numberRange && /^[一二三四五六七八九十]+$/.test(b.numberText) && items.some((i) => i.numberText)) {
        out.push({
          range: b.numberRange,
          message: t('附件顺序号应使用阿拉伯数字，与附件说明一致：“附件{0}”（{1}）。', b.number!, basis('7.3.4')),
          fixes: [{ title: t('改为“{0}”', String(b.number)), edits: [{ range: b.numberRange, newText: String(b.number) }], preferred: true }],
        });
      }
      if (single && !only.numberText && bodies.length === 1 && b.numberRange && b.number === 1) {
        out.push({
          range: b.numberRange,
          message: t('只有一个附件时，附件标识不编顺序号，应为“附件”（{0}）。', basis('7.3.9')),
          fixes: [{ title: t('删去顺序号“{0}”', b.numberText!), edits: [{ range: b.numberRange, newText: '' }], preferred: true }],
        });
      }
      const matched = pairs.get(b);
      if (matched) {
        if (series && matched.number !== undefined && matched.number !== b.number && matched.numberRange) {
          out.push({ range: matched.numberRange, message: t('附件说明中“{0}”的顺序号为{1}，附件本身标注为“{2}”，两处应一致（{3}）。', matched.title, matched.number, label, basis('7.3.9')) });
        }
        continue;
      }
      // The list item of the same number (or the only one, for a single unnumbered attachment).
      const peer = items.find((i) => !used.has(i) && (i.number === b.number || (single && bodies.length === 1)));
      const title = bodyTitle(b, peer?.title);
      if (peer) {
        const byIssuer = signedBy(doc, b).some((sign) => itemForms(peer).some((f) => f.includes(sign)));
        if (title && !byIssuer && likeness(norm(peer.title), norm(title)) >= SAME_ATTACHMENT) {
          used.add(peer);
          out.push({ range: peer.range, message: t('附件说明中的名称“{0}”与{1}的标题“{2}”不一致（{3}）。', peer.title, label, title, basis('7.3.9')) });
        }
      } else if (series && items.every((i) => (i.number ?? 1) < b.number!)) {
        // A body numbered past the list's last name is in the text but not in the list.
        out.push({ range: b.label, message: title ? t('“{0}”（{1}）未列入附件说明（{2}）。', label, title, basis('7.3.4')) : t('“{0}”未列入附件说明（{1}）。', label, basis('7.3.4')) });
      }
    }
    return out;
  },
};
