/**
 * The elements of the covering document (《党政机关公文处理工作条例》 art. 9; GB/T 9704-2012 §7),
 * in the layouts offices and web sites really print: the 文号 above the title (版头) or under it
 * in parentheses with the date; titles broken over lines; the 署名 and 成文日期 right after the
 * notice's text when it issues a document, or at the end when the document is itself the 意见,
 * 批复 or 通报; 附注 lines after the date; the 抄送/印发/主题词 lines at the end.
 */
import type { Block, DocNumber, IssueDate, NoticeElements } from './types';
import type { ParsedBlock } from './blocks';
import { isChromeText, isNoteText } from './blocks';
import type { SpanMaker } from './spans';
import { DATE_IN_TEXT, DOC_NUMBER, NUMERIC_DATE, ORDER_LINE } from './notice-lines';
import { SENTENCE_END, hasCjk } from './text';
import { genreOf, type GenreInfo } from './genre';
import { isPartTitle } from './parts';
import { isAttachmentLabel } from './shapes';
import { isAddresseeList } from './addressee';
import { findHeadMarks } from './head-marks';

const ISSUER_END = /(政府|办公室|办公厅|局|委员会|委|部|会|院)$/;
/** A 版头 line: `巫山县人民政府文件`. */
const LOGO_LINE = /文件$/;
/** How far down a title may start: 版头 lines, joint issuers, 份号/密级 come first. */
const TITLE_WINDOW = 12;
/** How many paragraphs after the title (or 文号) the 主送 may stand. */
const ADDRESSEE_WINDOW = 4;

const openTitleMark = (s: string) => s.lastIndexOf('《') > s.lastIndexOf('》');
const TITLE_NUMBER = new RegExp(`[（(]\\s{0,2}${DOC_NUMBER.source}\\s{0,2}[）)]$`);
const endsSentence = (b: Block) => SENTENCE_END.has(b.text[b.text.length - 1]);

/** An organ's name, as a 署名 line prints it (GB/T 9704-2012 §7.3.5). */
const ORGAN = /^[\u4e00-\u9fff（）()]{2,30}(人民政府|政府|办公室|办公厅|委员会|人大常委会|党委|党组|局|厅|委|部|署|院|会|中心|总队|支队|分局|集团|公司)$/;

/**
 * Where the 署名 starts in a block that ends with it: the trailing source lines of the block that
 * are each an organ's name. Line starts are where the block's map jumps (a line break was skipped).
 */
function trailingOrgans(block: Block): number | undefined {
  const lines = sourceLines(block);
  let from: number | undefined;
  for (let s = lines.length - 1; s >= 0 && organLine(lines[s].text); s--) from = lines[s].start;
  return from;
}

export function docNumberIn(block: Block, spans: SpanMaker): DocNumber | undefined {
  const m = DOC_NUMBER.exec(block.text);
  if (!m) return undefined;
  const span = spans.inBlock(block, m.index, m.index + m[0].length);
  return { text: span.text, range: span.range, agency: m[1], open: m[2], year: m[3], close: m[4], hasDi: !!m[5], serial: m[6] };
}

export function dateIn(block: Block, spans: SpanMaker, from = 0): IssueDate | undefined {
  const m = DATE_IN_TEXT.exec(block.text.slice(from));
  if (!m) {
    // A date line in figures only (`2024-03-01`, `20171116`): the date, written wrongly.
    const n = from === 0 ? NUMERIC_DATE.exec(block.text.trim()) : null;
    if (!n) return undefined;
    const at = block.text.indexOf(n[0]);
    const span = spans.inBlock(block, at, at + n[0].length);
    return { text: span.text, range: span.range, year: n[1], month: n[3] ?? n[5], day: n[4] ?? n[6] };
  }
  const span = spans.inBlock(block, from + m.index, from + m.index + m[0].length);
  return { text: span.text, range: span.range, year: m[1], month: m[2], day: m[3] };
}

export interface NoticeParse {
  notice: NoticeElements;
  /** The covering document's genre, from its title. */
  genre?: GenreInfo;
  /** Index of the first block after the covering document (its date and 附注), or footerStart. */
  coverEnd: number;
  /** Index of the first footer block (抄送 / 印发 / 主题词), or blocks.length. */
  footerStart: number;
}

export const isChrome = (b: Block) => isChromeText(b.text);

/** `重庆市民政局` / `威海市科学技术局 中共威海市委组织部`: a line of organs' names (a 版头 or a 署名). */
function organLine(text: string): boolean {
  const names = text.split(/[\s\u3000]+/).filter(Boolean);
  return names.length > 0 && names.every((name) => ORGAN.test(name));
}

/** Every source line of the block is a line of organs' names, or the block is a `××文件` line. */
function isMasthead(block: Block): boolean {
  if (LOGO_LINE.test(block.text) && block.text.length <= 40) return true;
  return sourceLines(block).every((line) => organLine(line.text));
}

/** Every source line of the block is the name of one organ (no `文件`, not two to a line). */
function issuerLines(block: Block): boolean {
  const lines = sourceLines(block);
  return lines.length >= 2 && lines.every((line) => ORGAN.test(line.text.trim()));
}

/**
 * The source lines of a block: where each starts in the joined text (the map jumps where a line
 * break was skipped) and its text.
 */
function sourceLines(block: Block): Array<{ start: number; text: string }> {
  const starts = [0];
  for (let k = 1; k < block.map.length; k++) if (block.map[k] !== block.map[k - 1] + 1) starts.push(k);
  return starts.map((start, k) => ({ start, text: block.text.slice(start, k + 1 < starts.length ? starts[k + 1] : block.text.length) }));
}

function isTitleBlock(b: ParsedBlock, i: number): boolean {
  if (b.special || b.marker || endsSentence(b) || b.text.length > 150 || !hasCjk(b.text) || isChrome(b)) return false;
  if (b.text.startsWith('关于')) return true;
  return !!genreOf(b.text) && (b.text.includes('关于') || i <= 2);
}

export function parseNotice(blocks: ParsedBlock[], spans: SpanMaker): NoticeParse {
  const notice: NoticeElements = {};
  const n = blocks.length;
  let firstMarker = blocks.findIndex((b) => b.marker);
  if (firstMarker < 0) firstMarker = n;
  const find = (pred: (b: ParsedBlock, i: number) => boolean, from = 0, to = firstMarker) => {
    for (let i = from; i < to; i++) if (pred(blocks[i], i)) return i;
    return -1;
  };

  const numberAt = find((b) => b.special === 'doc-number');
  const titleAt = find(isTitleBlock, 0, Math.min(firstMarker, TITLE_WINDOW));
  let headStart = numberAt >= 0 ? numberAt : 0;
  let titleFrom = titleAt;
  if (titleAt >= 0) {
    const prev = blocks[titleAt - 1];
    // 发文机关 + 事由 + 文种: an issuer line right above 关于… belongs to the title.
    if (prev && !prev.special && prev.firstLine === prev.lastLine && prev.text.length <= 20 && ISSUER_END.test(prev.text) && !LOGO_LINE.test(prev.text)) titleFrom = titleAt - 1;
    // Joint issuers stacked one per line above `关于…` (web copies of a joint notice) are the title's
    // 发文机关; a masthead prints them two to a line or ends with 文件.
    else if (prev && !prev.special && blocks[titleAt].text.startsWith('关于') && issuerLines(prev)) titleFrom = titleAt - 1;
    // A title broken over lines where an indent started a new paragraph: `…关于转发《…暂行` / `　实施办法》…的通知`.
    else if (prev && !prev.special && !prev.marker && !endsSentence(prev) && prev.text.length <= 60 && (prev.text.includes('关于') || openTitleMark(prev.text))) titleFrom = titleAt - 1;
    notice.标题 = spans.overBlocks(blocks.slice(titleFrom, titleAt + 1));
    // Web pages print the 文号 in parentheses at the end of the title line: `…的通知(岳办发〔2017〕2号)`.
    const tail = numberAt < 0 ? TITLE_NUMBER.exec(blocks[titleAt].text) : null;
    if (tail && notice.标题) {
      const last = spans.inBlock(blocks[titleAt], 0, tail.index);
      const before = spans.overBlocks(blocks.slice(titleFrom, titleAt));
      notice.标题 = before ? { text: before.text + last.text, range: { start: before.range.start, end: last.range.end } } : last;
      notice.发文字号 = docNumberIn(blocks[titleAt], spans);
    }
    // The 版头: organ names or `××文件` above the title (a web page's own lines above it are not).
    const logo = blocks.slice(0, Math.min(titleFrom, numberAt >= 0 ? numberAt : titleFrom)).filter((b) => hasCjk(b.text) && !b.special && !isChrome(b) && isMasthead(b));
    if (logo.length) notice.发文机关标志 = spans.overBlocks(logo);
    headStart = Math.max(headStart, titleAt);
  }
  findHeadMarks(blocks, titleAt >= 0 ? titleFrom : Math.min(firstMarker, TITLE_WINDOW), numberAt, spans, notice);
  let genre = notice.标题 ? genreOf(notice.标题.text) : undefined;
  if (numberAt >= 0) notice.发文字号 = docNumberIn(blocks[numberAt], spans);
  else {
    // A 命令 (GB/T 9704-2012 §10.2) has no title: its 版头 `××人民政府令` and 令号 `第52号` come first.
    const orderAt = find((b) => !b.special && !isChrome(b) && ORDER_LINE.test(b.text), 0, Math.min(firstMarker, TITLE_WINDOW));
    if (orderAt >= 0) {
      const m = ORDER_LINE.exec(blocks[orderAt].text)!;
      const at = blocks[orderAt].text.indexOf(m[1]);
      notice.发文字号 = { ...spans.inBlock(blocks[orderAt], at, m.index + m[0].length), agency: m[1], open: '', close: '', year: '', hasDi: true, serial: m[2] };
      if (!genre) genre = { genre: '命令', label: '令', action: '发布' };
      headStart = Math.max(headStart, orderAt);
    }
  }

  let footerStart = n;
  for (let i = Math.max(headStart + 1, 1); i < n; i++) {
    const s = blocks[i].special;
    if (s === 'cc' || s === 'printed' || s === 'keywords') {
      footerStart = i;
      break;
    }
  }

  // The 主送 follows the title and 文号 within a few paragraphs (a web page's own lines not counted).
  let window = headStart + ADDRESSEE_WINDOW;
  for (let i = headStart + 1; i < Math.min(window, n); i++) if (isChrome(blocks[i])) window++;
  let addresseeAt = find((b, i) => i > headStart && !b.special && !isChrome(b) && /[：:]$/.test(b.text) && b.text.length <= 400, 0, Math.min(firstMarker, window));
  // A 主送 that ends with the wrong mark (`，` `。`) or none is still the 主送 when the first paragraph
  // after the title is nothing but a list of organs (notice-elements then reports its last mark).
  if (addresseeAt < 0 && titleAt >= 0) {
    const first = find((b, i) => i > headStart && !b.special && !isChrome(b), 0, Math.min(firstMarker, window));
    if (first >= 0 && isAddresseeList(blocks[first].text) && first + 1 < n) addresseeAt = first;
  }
  if (addresseeAt >= 0) notice.主送机关 = spans.inBlock(blocks[addresseeAt]);
  const textFrom = addresseeAt >= 0 ? addresseeAt + 1 : headStart + 1;

  // The cover's date: before the carried document in a notice that issues one; else at its end,
  // before any 附件. A date inside an issued plan or an attachment form is not the cover's.
  const carries = !!genre?.action;
  let dateAt = -1;
  for (let i = textFrom; i < footerStart; i++) {
    const b = blocks[i];
    if (b.special === 'date') {
      dateAt = i;
      break;
    }
    // A 附件说明 list (`附件：1．…` `2．…`) is still the notice; a heading or a title starts the plan.
    const heading = !!b.marker && b.marker.kind !== 'arabic' && b.marker.kind !== 'paren-arabic';
    if (carries && ((i >= firstMarker && heading) || (i > textFrom && isPartTitle(blocks, i)))) break;
    if (!carries && isAttachmentLabel(b.text) && i > textFrom) break;
  }

  let coverEnd: number;
  if (dateAt >= 0) {
    notice.成文日期 = dateIn(blocks[dateAt], spans);
    const signAt = dateAt - 1;
    const sign = blocks[signAt];
    // The 署名 is organ names: not a numbered item or an attachment line that happens to stand above the date.
    const hasSign = sign && !sign.special && !sign.marker && !/^附件/.test(sign.text) && !/[：:。；]/.test(sign.text) && !endsSentence(sign) && signAt > addresseeAt && signAt > headStart && sign.text.length <= 400;
    // Web copies lose the break between the last paragraph (ending `…）`) or an attachment line and
    // the 署名 lines: the 署名 is the block's trailing lines that are organs' names.
    let from = sign && !sign.special && signAt > addresseeAt && signAt > headStart ? trailingOrgans(sign) : undefined;
    if (from === 0 && sign.marker) from = undefined; // a numbered item is never all 署名
    if (from !== undefined) notice.发文机关署名 = spans.inBlock(sign, from);
    else if (hasSign) notice.发文机关署名 = spans.inBlock(sign);
    const body = blocks.slice(textFrom, from === 0 || (from === undefined && hasSign) ? signAt : dateAt).filter((b) => !b.special && !isChrome(b));
    if (body.length) notice.正文 = spans.overBlocks(body);
    let i = dateAt + 1;
    const notes: Block[] = [];
    while (i < footerStart && (blocks[i].special === 'note' || isNoteText(blocks[i].text))) notes.push(blocks[i++]);
    if (notes.length) notice.附注 = spans.overBlocks(notes);
    coverEnd = i;
  } else if (!genre && titleAt < 0 && addresseeAt < 0) {
    // No notice around it: the text is the plan itself (after a 文号 line, if any).
    coverEnd = numberAt + 1;
  } else if (carries || (!genre && titleAt < 0)) {
    coverEnd = firstMarker;
    for (let i = textFrom; i < firstMarker; i++) {
      if (i > textFrom && (isPartTitle(blocks, i) || isAttachmentLabel(blocks[i].text))) {
        coverEnd = i;
        break;
      }
    }
    coverEnd = Math.min(coverEnd, footerStart);
  } else {
    coverEnd = footerStart;
    for (let i = textFrom + 1; i < footerStart; i++) {
      if (isAttachmentLabel(blocks[i].text)) {
        coverEnd = i;
        break;
      }
    }
  }
  // The date printed with the 文号 under the title, when the cover has no date line of its own.
  if (!notice.成文日期 && numberAt >= 0) {
    const m = DOC_NUMBER.exec(blocks[numberAt].text);
    notice.成文日期 = dateIn(blocks[numberAt], spans, m ? m.index + m[0].length : 0);
  }

  for (let i = footerStart; i < n; i++) {
    const b = blocks[i];
    if (b.special === 'cc' && !notice.抄送) notice.抄送 = spans.inBlock(b);
    if (b.special === 'printed' && !notice.印发) notice.印发 = { ...spans.inBlock(b), date: dateIn(b, spans) };
  }
  return { notice, genre, coverEnd, footerStart };
}

