/**
 * The marks of the 版头 above the 发文机关标志 (GB/T 9704-2012 §7.2.1–7.2.3): 份号 (six digits),
 * 密级和保密期限 (`机密★1年`), 紧急程度 (`特急`, `加急`), each on a line of its own at the top left;
 * and the 签发人 of a 上行文 (§7.2.5), on the 发文字号's line or a line of its own. Recognised only
 * above the title, in their exact shapes.
 */
import type { NoticeElements } from './types';
import type { ParsedBlock } from './blocks';
import type { SpanMaker } from './spans';

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** §7.2.1: 份号, six Arabic digits. */
const COPY = /^[0-9０-９]{6}$/;
/** §7.2.2: 密级 with its 保密期限 after ★ (`机密★1年`, `秘密★6个月`, `绝密★长期`), or the 密级 alone. */
const SECRET = /^(绝密|机密|秘密)(★[0-9０-９一二三四五六七八九十]{1,3}(年|个月)|★长期)?$/;
/** §7.2.3: 紧急程度. */
const URGENCY = /^(特急|加急|特提|平急)$/;
/** §7.2.5: `签发人：张三　李四` after the 发文字号 or on its own line. */
const SIGNER = /签发人[:：][\s\u3000]*([\u4e00-\u9fff·][\u4e00-\u9fff·\s\u3000]{0,30})$/;

/** A line that is one of these marks: a paragraph of its own (blocks.ts). */
export function isHeadMark(content: string): boolean {
  const s = squeeze(content);
  return s.length <= 16 && (COPY.test(s) || SECRET.test(s) || URGENCY.test(s) || /^签发人[:：]/.test(s));
}

/** Sets 份号, 密级, 紧急程度 and 签发人 from the blocks before the title (or the 文号) at `until`. */
export function findHeadMarks(blocks: ParsedBlock[], until: number, numberAt: number, spans: SpanMaker, notice: NoticeElements): void {
  for (let i = 0; i < Math.min(until, blocks.length); i++) {
    const b = blocks[i];
    if (b.cell) continue;
    const s = squeeze(b.text);
    if (!notice.份号 && COPY.test(s)) notice.份号 = spans.inBlock(b);
    else if (!notice.密级 && SECRET.test(s)) notice.密级 = spans.inBlock(b);
    else if (!notice.紧急程度 && URGENCY.test(s)) notice.紧急程度 = spans.inBlock(b);
  }
  const signerIn = (b: ParsedBlock | undefined) => {
    const m = b ? SIGNER.exec(b.text) : null;
    if (!b || !m || notice.签发人) return;
    const at = m.index + m[0].length - m[1].length;
    const end = b.text.replace(/[\s\u3000]+$/, '').length;
    notice.签发人 = spans.inBlock(b, at, end);
  };
  if (numberAt >= 0) signerIn(blocks[numberAt]);
  for (let i = 0; i < Math.min(until + 2, blocks.length) && !notice.签发人; i++) if (/^签发人[:：]/.test(squeeze(blocks[i].text))) signerIn(blocks[i]);
}
