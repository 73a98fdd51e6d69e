/**
 * The elements of the notice (《党政机关公文处理工作条例》 art. 9; GB/T 9704-2012 §7):
 * found among the blocks before the plan's first heading, and the 抄送/印发 lines at the end.
 */
import type { Block, DocNumber, IssueDate, NoticeElements, Span } from './types';
import type { ParsedBlock } from './blocks';
import type { SpanMaker } from './spans';
import { DATE_IN_TEXT, DOC_NUMBER } from './notice-lines';
import { SENTENCE_END, hasCjk } from './text';

const ISSUER_END = /(政府|办公室|办公厅|局|委员会|委|部|会|院)$/;
const PLAN_WORD = /(方案|意见|规划|计划|办法|纲要|要点|细则|措施)/;
const ATTACHMENT_LABEL = /^附件\s*\d{0,2}\s*[:：]?$/;

const endsSentence = (b: Block) => SENTENCE_END.has(b.text[b.text.length - 1]);

export function docNumberIn(block: Block, spans: SpanMaker): DocNumber | undefined {
  const m = DOC_NUMBER.exec(block.text);
  if (!m) return undefined;
  const span = spans.inBlock(block, m.index, m.index + m[0].length);
  return { ...span, agency: m[1], open: m[2], year: m[3], close: m[4], hasDi: !!m[5], serial: m[6] };
}

export function dateIn(block: Block, spans: SpanMaker, from = 0): IssueDate | undefined {
  const m = DATE_IN_TEXT.exec(block.text.slice(from));
  if (!m) return undefined;
  const span = spans.inBlock(block, from + m.index, from + m.index + m[0].length);
  return { ...span, year: m[1], month: m[2], day: m[3] };
}

export interface NoticeParse {
  notice: NoticeElements;
  /** Index of the first block of the plan body (its first heading), or blocks.length. */
  bodyStart: number;
  /** Index of the first footer block (抄送 / 印发) after the body, or blocks.length. */
  footerStart: number;
}

export function parseNotice(blocks: ParsedBlock[], spans: SpanMaker): NoticeParse {
  const notice: NoticeElements = {};
  let bodyStart = blocks.findIndex((b) => b.marker);
  if (bodyStart < 0) bodyStart = blocks.length;
  let footerStart = blocks.length;
  for (let i = bodyStart; i < blocks.length; i++) {
    if (blocks[i].special === 'cc' || blocks[i].special === 'printed') {
      footerStart = i;
      break;
    }
  }

  const header = blocks.slice(0, bodyStart);
  const find = (pred: (b: ParsedBlock, i: number) => boolean, from = 0, to = header.length) => {
    for (let i = from; i < to; i++) if (pred(header[i], i)) return i;
    return -1;
  };

  const numberAt = find((b) => b.special === 'doc-number');
  if (numberAt >= 0) notice.发文字号 = docNumberIn(header[numberAt], spans);
  const dateAt = find((b) => b.special === 'date');
  if (dateAt >= 0) notice.成文日期 = dateIn(header[dateAt], spans);
  const beforeDate = dateAt >= 0 ? dateAt : header.length;

  const titleAt = find((b) => b.special === undefined && (b.text.startsWith('关于') || (b.text.includes('关于') && /通知$/.test(b.text))), 0, beforeDate);
  let headStart = numberAt >= 0 ? numberAt : 0;
  if (titleAt >= 0) {
    let from = titleAt;
    const prev = header[titleAt - 1];
    // 发文机关 + 事由 + 文种: an issuer line right above 关于… belongs to the title.
    if (prev && !prev.special && prev.firstLine === prev.lastLine && prev.text.length <= 20 && ISSUER_END.test(prev.text)) from = titleAt - 1;
    notice.标题 = spans.overBlocks(header.slice(from, titleAt + 1));
    const logo = header.slice(0, Math.min(from, numberAt >= 0 ? numberAt : from)).filter((b) => hasCjk(b.text) && !b.special);
    if (logo.length) notice.发文机关标志 = spans.overBlocks(logo);
    headStart = Math.max(headStart, titleAt);
  }

  const addresseeAt = find((b, i) => i > headStart && !b.special && /[：:]$/.test(b.text), 0, beforeDate);
  if (addresseeAt >= 0) notice.主送机关 = spans.inBlock(header[addresseeAt]);

  if (dateAt >= 0) {
    const signAt = dateAt - 1;
    const sign = header[signAt];
    const hasSign = sign && !sign.special && !endsSentence(sign) && signAt > addresseeAt && signAt > headStart;
    if (hasSign) notice.发文机关署名 = spans.inBlock(sign);
    const textFrom = addresseeAt >= 0 ? addresseeAt + 1 : headStart + 1;
    const textTo = hasSign ? signAt : dateAt;
    const body = header.slice(textFrom, textTo).filter((b) => !b.special);
    if (body.length) notice.正文 = spans.overBlocks(body);
  }

  let planFrom = 0;
  if (dateAt >= 0) {
    let i = dateAt + 1;
    const notes: Block[] = [];
    while (i < header.length && header[i].special === 'note') notes.push(header[i++]);
    if (notes.length) notice.附注 = spans.overBlocks(notes);
    planFrom = i;
  } else if (addresseeAt < 0 && titleAt < 0) {
    planFrom = numberAt + 1;
  }
  parsePlanHead(header.slice(planFrom), spans, notice);

  for (let i = footerStart; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.special === 'cc' && !notice.抄送) notice.抄送 = spans.inBlock(b);
    if (b.special === 'printed' && !notice.印发) notice.印发 = { ...spans.inBlock(b), date: dateIn(b, spans) };
  }
  return { notice, bodyStart, footerStart };
}

/** The attached plan's title (missing in seed 000) and the paragraphs before its first heading. */
function parsePlanHead(rest: ParsedBlock[], spans: SpanMaker, notice: NoticeElements): void {
  const content = rest.filter((b) => hasCjk(b.text) && !b.special && !ATTACHMENT_LABEL.test(b.text));
  if (content.length === 0) return;
  let from = 0;
  const first = content[0];
  if (!endsSentence(first) && first.text.length <= 80 && PLAN_WORD.test(first.text)) {
    notice.方案标题 = spans.inBlock(first);
    from = 1;
  }
  const preamble: Span | undefined = spans.overBlocks(content.slice(from));
  if (preamble) notice.方案导语 = preamble;
}
