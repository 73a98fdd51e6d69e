/**
 * What goes on the printed pages, in the order GB/T 9704-2012 puts it, read from the parsed
 * document: 版头 (§7.2), 主体 (§7.3) with each paragraph's role, the documents the cover issues or
 * forwards and its 附件 each from a new page (§7.3.4, §8), then the 版记 (§7.4). Pure: no layout
 * numbers here (those are in layout.ts) and no file format (wordml.ts).
 */
import type { Block, GongwenDocument, Heading, MarkerKind, Span, Table } from '../model/types';
import { t } from '../l10n';
import type { ExportFormat } from './special';

/** One paragraph (or block) of the exported 公文, by its role in the layout. */
export type Piece =
  /** 份号, 密级和保密期限, 紧急程度 at the top left of the 版心 (§7.2.1–7.2.3), one a line in that order. */
  | { kind: 'head-mark'; mark: '份号' | '密级' | '紧急程度'; text: string }
  /** `marks`: how many head-mark lines stand above it. */
  | { kind: 'logo'; text: string; placeholder?: boolean; marks?: number; format?: ExportFormat }
  /** `signer`: a 上行文's 签发人 (§7.2.5): the 发文字号 then stands left, the 签发人 right on its line. */
  | { kind: 'doc-number'; text: string; placeholder?: boolean; signer?: { names: string; placeholder?: boolean }; format?: ExportFormat }
  /** 纪要格式 (§10.3): an 出席/列席/请假 line. */
  | { kind: 'attendance'; text: string }
  | { kind: 'title'; text: string; placeholder?: boolean }
  | { kind: 'addressee'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A heading: `head` (marker and title, in the level's font) and `rest` (the sentence run on after it, in 仿宋). */
  | { kind: 'heading'; marker: MarkerKind; depth?: number; head: string; rest: string }
  /** 附件说明 (§7.3.4): `附件：1.…` and the list's further lines. */
  | { kind: 'attachment-note'; text: string; first: boolean }
  | { kind: 'signature'; text: string; placeholder?: boolean }
  | { kind: 'date'; text: string; placeholder?: boolean }
  | { kind: 'note'; text: string }
  /** A document the cover issues or forwards, or an attachment: a new page, its label and its title. */
  | { kind: 'part-start'; label?: string; title?: string }
  /** A table of the model (model/tables.ts), printed as a Word table (table.ts). */
  | { kind: 'table'; table: Table }
  /** 版记 (§7.4): 抄送 and the 印发 line, split into the printing office and the date. */
  | { kind: 'imprint'; cc?: string; printer?: string; printed?: string; format?: ExportFormat };

export interface ExportContent {
  pieces: Piece[];
  /** What the export had to supply: a missing 发文字号 or 署名 shown as a placeholder (issue #16). */
  warnings: string[];
}

/** What a missing element is replaced by: visible in the document, and a finding of `placeholder` if linted again. */
export const PLACEHOLDER = {
  发文机关标志: '【请填写：发文机关标志】',
  发文字号: '【请填写：发文字号】',
  签发人: '【请填写：签发人】',
  标题: '【请填写：标题】',
  发文机关署名: '【请填写：发文机关署名】',
  成文日期: '【请填写：成文日期】',
} as const;

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** More joint issuers than this are not stacked in the 版头. */
const MAX_STACKED_ISSUERS = 3;
/** Text of a span with the spaces a PDF or a web page put into it removed (`2022年 6月 18日`). */
const clean = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** `附件：1．…` opens a 附件说明 (§7.3.4). */
const ATTACHMENT_NOTE = /^附件[:：]/;
/** A further line of a 附件说明 list: `2．…`. */
const NOTE_ITEM = /^[0-9０-９]{1,2}[.．、]/;
/** The 印发 line: the printing office, then the date and 印发 (§7.4.3). */
const PRINTED = /^(.*?)[\s\u3000]*([0-9０-９]{4}[\s\u3000]*年[\s\u3000]*[0-9０-９]{1,2}[\s\u3000]*月[\s\u3000]*[0-9０-９]{1,2}[\s\u3000]*日[\s\u3000]*印发)[\s\u3000]*$/;

type ElementName = keyof GongwenDocument['notice'];
/** Elements placed where the standard puts them, whatever their place in the text. */
const PLACED: readonly ElementName[] = ['份号', '密级', '紧急程度', '签发人', '发文机关标志', '发文字号', '抄送', '印发'];
/** 上行文 (§7.2.5): their 版头 carries the 签发人 beside the 发文字号. */
const UPWARD = new Set(['请示', '报告']);
/** Elements printed where they stand in the text, in their own style. */
const IN_PLACE: readonly ElementName[] = ['标题', '主送机关', '发文机关署名', '成文日期', '附注'];

interface Interval {
  start: number;
  end: number;
  name: ElementName;
}

export function exportContent(doc: GongwenDocument): ExportContent {
  const warnings: string[] = [];
  const pieces: Piece[] = [];
  const { notice } = doc;
  const offset = (line: number, character: number) => (doc.lines[line]?.start ?? doc.text.length) + character;
  const interval = (name: ElementName, s: Span): Interval => ({ name, start: offset(s.range.start.line, s.range.start.character), end: offset(s.range.end.line, s.range.end.character) });
  const elements: Interval[] = [...PLACED, ...IN_PLACE].flatMap((name) => (notice[name] ? [interval(name, notice[name]!)] : []));

  // 版头 (§7.2): the 发文机关标志 (from the 署名 when the text has no 版头 line), the 发文字号.
  /** The source lines of a span, each without its spaces. */
  const spanLines = (s: Span, squeezed = true) => {
    const out: string[] = [];
    for (let l = s.range.start.line; l <= s.range.end.line; l++) {
      const line = doc.lines[l];
      if (!line || line.kind !== 'text') continue;
      const raw = line.text.slice(l === s.range.start.line ? s.range.start.character : 0, l === s.range.end.line ? s.range.end.character : undefined);
      const text = squeezed ? squeeze(raw) : clean(raw);
      if (text) out.push(text);
    }
    return out.length ? out : [squeeze(s.text)];
  };
  // A joint 署名 (one organ a line) gives its first organ, the 主办机关 (§7.2.4), as the 标志.
  const sign = notice.发文机关署名;
  const issuer = sign ? spanLines(sign)[0] : undefined;
  for (const mark of ['份号', '密级', '紧急程度'] as const) {
    const span = notice[mark];
    if (span) pieces.push({ kind: 'head-mark', mark, text: squeeze(span.text) });
  }
  if (notice.发文机关标志) {
    // Joint issuers (§7.2.4): up to three stacked one a line; more would fill the page, so the 主办机关 (first) alone.
    const organs = spanLines(notice.发文机关标志, false).flatMap((l) => l.split(/[\s\u3000]+/)).map((o) => o.replace(/^\*+|\*+$/g, '')).filter(Boolean);
    // 文件 on a line of its own after the names is no organ: it stands beside them (wordml.ts, title.ts jointLogo).
    const suffix = organs.length > 2 && organs[organs.length - 1] === '文件' ? organs.pop() : undefined;
    if (organs.length > MAX_STACKED_ISSUERS) warnings.push(t('联合发文机关有 {0} 个，版头只列主办机关“{1}”。', organs.length, organs[0]));
    const names = organs.length > MAX_STACKED_ISSUERS ? [organs[0]] : organs;
    const text = suffix ? (names.length > 1 ? [...names, suffix].join('\n') : names[0] + suffix) : names.join('\n');
    pieces.push({ kind: 'logo', text: text || squeeze(notice.发文机关标志.text) });
  }
  else if (issuer) pieces.push({ kind: 'logo', text: `${issuer}文件` });
  else pieces.push({ kind: 'logo', text: PLACEHOLDER.发文机关标志, placeholder: true });
  const logo = pieces[pieces.length - 1];
  const marks = pieces.filter((p) => p.kind === 'head-mark').length;
  if (logo.kind === 'logo' && marks) logo.marks = marks;
  // A 上行文 names its 签发人 (§7.2.5); a missing one is a placeholder like a missing 文号.
  let signer: { names: string; placeholder?: boolean } | undefined;
  if (notice.签发人) signer = { names: clean(notice.签发人.text) };
  else if (UPWARD.has(doc.genre?.genre ?? '')) {
    signer = { names: PLACEHOLDER.签发人, placeholder: true };
    warnings.push(t('上行文没有签发人：导出的文件中以“{0}”占位。', PLACEHOLDER.签发人));
  }
  if (notice.发文字号) pieces.push({ kind: 'doc-number', text: squeeze(notice.发文字号.text), ...(signer ? { signer } : {}) });
  else {
    pieces.push({ kind: 'doc-number', text: PLACEHOLDER.发文字号, placeholder: true, ...(signer ? { signer } : {}) });
    warnings.push(t('没有发文字号：导出的文件中以“{0}”占位。', PLACEHOLDER.发文字号));
  }
  if (!notice.标题) pieces.push({ kind: 'title', text: PLACEHOLDER.标题, placeholder: true });

  const headingAt = new Map<number, Heading>();
  for (const h of doc.allHeadings) headingAt.set(offset(h.markerRange.start.line, h.markerRange.start.character), h);
  const done = new Set<ElementName>();
  let noteOpen = false;

  const closing = () => {
    // 署名 and 成文日期 of the cover (§7.3.5); a missing one is a visible placeholder.
    if (!done.has('发文机关署名')) {
      done.add('发文机关署名');
      // A joint 署名 keeps one organ a line.
      if (sign) pieces.push({ kind: 'signature', text: spanLines(sign).join('\n') });
      else {
        pieces.push({ kind: 'signature', text: PLACEHOLDER.发文机关署名, placeholder: true });
        warnings.push(t('没有发文机关署名：导出的文件中以“{0}”占位。', PLACEHOLDER.发文机关署名));
      }
    }
    if (!done.has('成文日期')) {
      done.add('成文日期');
      if (notice.成文日期) pieces.push({ kind: 'date', text: squeeze(notice.成文日期.text) });
      else {
        pieces.push({ kind: 'date', text: PLACEHOLDER.成文日期, placeholder: true });
        warnings.push(t('没有成文日期：导出的文件中以“{0}”占位。', PLACEHOLDER.成文日期));
      }
    }
  };

  /** The paragraph(s) of a run of a block's text that belongs to no element. */
  const text = (block: Block, from: number, to: number) => {
    const raw = block.text.slice(from, to);
    const body = clean(raw);
    // The `签发人：` label left of the names (the names are the 签发人 element, printed in the 版头).
    if (!body || (notice.签发人 && /^签发人[:：]$/.test(body))) return;
    const h = from === 0 || /^[\s\u3000]*$/.test(block.text.slice(0, from)) ? headingAt.get(block.start + block.map[from + raw.indexOf(body[0])]) : undefined;
    if (h && body.startsWith(h.marker)) {
      const head = body.startsWith(h.marker + h.title) ? h.marker + h.title : h.marker;
      pieces.push({ kind: 'heading', marker: h.kind, depth: h.depth, head, rest: body.slice(head.length) });
      noteOpen = false;
      return;
    }
    if (ATTACHMENT_NOTE.test(body)) {
      pieces.push({ kind: 'attachment-note', text: body, first: true });
      noteOpen = true;
      return;
    }
    if (noteOpen && NOTE_ITEM.test(body)) {
      pieces.push({ kind: 'attachment-note', text: body, first: false });
      return;
    }
    noteOpen = false;
    pieces.push({ kind: 'paragraph', text: body });
  };

  const element = (name: ElementName) => {
    if (done.has(name) || PLACED.includes(name)) return;
    const span = notice[name]!;
    if (name === '标题') pieces.push({ kind: 'title', text: squeeze(span.text) });
    else if (name === '主送机关') pieces.push({ kind: 'addressee', text: squeeze(span.text) });
    else if (name === '发文机关署名' || name === '成文日期') {
      closing();
      return;
    } else if (name === '附注') {
      closing();
      const note = squeeze(span.text);
      pieces.push({ kind: 'note', text: /^[（(]/.test(note) ? note : `（${note}）` });
    }
    done.add(name);
  };

  /** A table, where its first cell stands; its other cells are in it. */
  const printed = new Set<Table>();
  const cell = (b: Block): boolean => {
    if (!b.cell) return false;
    const table = doc.tables.find((t) => b.firstLine >= t.firstLine && b.firstLine <= t.lastLine);
    if (table && !printed.has(table)) {
      printed.add(table);
      pieces.push({ kind: 'table', table });
      noteOpen = false;
    }
    return true;
  };

  /** A block split where elements start and end: element parts once each, the rest as text. */
  const block = (b: Block) => {
    if (cell(b)) return;
    let runStart = 0;
    let current: ElementName | undefined;
    for (let i = 0; i <= b.text.length; i++) {
      const at = i < b.text.length ? b.start + b.map[i] : -1;
      const el = i < b.text.length ? elements.find((e) => at >= e.start && at < e.end)?.name : undefined;
      if (i < b.text.length && el === current) continue;
      if (current === undefined) text(b, runStart, i);
      else element(current);
      current = el;
      runStart = i;
    }
  };

  const cover = doc.parts[0];
  const coverEnd = cover ? cover.endBlock : doc.blocks.length;
  for (let i = 0; i < coverEnd; i++) block(doc.blocks[i]);
  closing();
  if (notice.附注 && !done.has('附注')) element('附注');

  for (const part of doc.parts.slice(1)) {
    const label = part.label ? squeeze(part.label.text).replace(/[:：]$/, '') : undefined;
    const title = part.title ? squeeze(part.title.text) : undefined;
    pieces.push({ kind: 'part-start', label, title });
    const own = [part.label, part.title].filter((s): s is Span => !!s).map((s) => interval('标题', s));
    for (let i = part.firstBlock; i < part.endBlock; i++) {
      const b = doc.blocks[i];
      if (cell(b)) continue;
      const at = b.start + b.map[0];
      const end = b.start + b.map[b.text.length - 1];
      // The part's label and title are printed by part-start; what else the block holds is text.
      const inOwn = own.filter((s) => s.start <= end && s.end > at);
      if (inOwn.length === 0) {
        block(b);
        continue;
      }
      let from = 0;
      for (let k = 0; k < b.text.length; k++) {
        const o = b.start + b.map[k];
        if (inOwn.some((s) => o >= s.start && o < s.end)) from = k + 1;
      }
      if (from < b.text.length) text(b, from, b.text.length);
    }
  }

  // 版记 (§7.4) at the end, whatever its place in the text.
  if (notice.抄送 || notice.印发) {
    const printedLine = notice.印发 ? squeeze(notice.印发.text) : undefined;
    const m = printedLine ? PRINTED.exec(printedLine) : null;
    pieces.push({
      kind: 'imprint',
      cc: notice.抄送 ? clean(notice.抄送.text) : undefined,
      printer: m ? m[1] : printedLine,
      printed: m ? squeeze(m[2]) : undefined,
    });
  }
  return { pieces, warnings };
}
