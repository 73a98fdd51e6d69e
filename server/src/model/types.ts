/**
 * The document model: what the parser knows about a notice (通知) and the plan it issues.
 *
 * Every range is an LSP range (0-based line, UTF-16 character) into the ORIGINAL text, even
 * where the parser joined lines that a PDF wrapped or skipped a `— 12 —` page-number line.
 * Pure data: no LSP library objects beyond the plain `Range` shape.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Reuse } from './reuse';
import type { GenreInfo } from './genre';
import type { Table } from './tables';

export type { GenreInfo };
export type { Table, TableRow, TableCell } from './tables';

export type { Range };

/** A piece of text with where it stands in the original document. */
export interface Span {
  /** The text with wrapped lines joined (line breaks, page numbers and indents removed). */
  text: string;
  range: Range;
}

/** A physical line of the source. */
export interface SourceLine {
  /** Offset of the first character of the line in the original text. */
  start: number;
  /** Offset just past the last character (before the line break). */
  end: number;
  text: string;
  kind: LineKind;
}

export type LineKind =
  | 'blank'
  | 'page-number' // `— 12 —`, GB/T 9704 §7.5: not text
  | 'text';

/**
 * A logical paragraph: physical lines joined where the source broke a sentence.
 * `start + map[i]` is the original offset of `text[i]`; it lets any match inside `text` be turned
 * back into a range of the user's real characters. The map is relative to the block's first line,
 * so a paragraph an edit only moved keeps its map (incremental analysis, model/reuse.ts).
 */
export interface Block {
  text: string;
  map: Int32Array;
  /** Offset of the block's first line in the original text; `map` counts from here. */
  start: number;
  firstLine: number;
  lastLine: number;
  /** A table's cell (tables.ts): a paragraph of its own that rules read and the structure stages skip. */
  cell?: true;
}

/** The element names of a notice, in the order GB/T 9704-2012 puts them. */
export type NoticeElementName =
  | '发文机关标志'
  | '发文字号'
  | '标题'
  | '主送机关'
  | '正文'
  | '发文机关署名'
  | '成文日期'
  | '附注'
  | '方案标题'
  | '方案导语'
  | '抄送'
  | '印发';

export const NOTICE_ELEMENT_ORDER: readonly NoticeElementName[] = [
  '发文机关标志',
  '发文字号',
  '标题',
  '主送机关',
  '正文',
  '发文机关署名',
  '成文日期',
  '附注',
  '方案标题',
  '方案导语',
  '抄送',
  '印发',
];

/** 发文字号, e.g. 乳政发〔2022〕6号. Parts are kept as written so rules can judge them. */
export interface DocNumber extends Span {
  /** 机关代字, e.g. 乳政发 */
  agency: string;
  /** The bracket pair as written: 〔〕 is right (GB/T 9704 §7.2.5). */
  open: string;
  close: string;
  /** The year digits as written (may be 2 digits or padded). */
  year: string;
  /** The sequence number as written (may have a leading zero). */
  serial: string;
  /** True when a `第` stands before the serial. */
  hasDi: boolean;
}

/** 成文日期 or 印发日期 as written, e.g. `2022年 7月 12日`. */
export interface IssueDate extends Span {
  year: string;
  month: string;
  day: string;
}

export interface NoticeElements {
  /** 版头 marks at the top left (GB/T 9704-2012 §7.2.1–7.2.3, head-marks.ts): 份号, 密级和保密期限, 紧急程度. */
  份号?: Span;
  密级?: Span;
  紧急程度?: Span;
  /** The 签发人's names (§7.2.5, 上行文), after `签发人：`. */
  签发人?: Span;
  发文机关标志?: Span;
  发文字号?: DocNumber;
  标题?: Span;
  主送机关?: Span;
  正文?: Span;
  发文机关署名?: Span;
  成文日期?: IssueDate;
  附注?: Span;
  /** The title of the attached plan (实施方案 / 实施意见); missing in seed 000. */
  方案标题?: Span;
  /** The plan's opening paragraphs before its first heading. */
  方案导语?: Span;
  抄送?: Span;
  印发?: Span & { date?: IssueDate };
}

/**
 * Heading marker kinds. The plan scheme of GB/T 9704-2012 §7.3.3 (一、 → （一） → 1. → （1）), plus
 * `——` list items; the scheme of 办法/细则/规定 (第X章 → 第X节 → 第X条, with （一） items under an
 * article); and the decimal scheme of 应急预案 (1 → 1.1 → 1.1.1).
 */
export type MarkerKind = 'chapter' | 'section' | 'article' | 'decimal' | 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic' | 'dash';

/**
 * Depth rank of each kind: a heading nests under the nearest earlier heading of lower rank.
 * Decimal headings rank by their depth (`rankOf`), all above 一、 so that items under a 1.1 nest.
 */
export const MARKER_RANK: Record<MarkerKind, number> = {
  chapter: -3,
  section: -2,
  article: -1,
  decimal: 0,
  chinese: 1,
  'paren-chinese': 2,
  arabic: 3,
  'paren-arabic': 4,
  dash: 5,
};

/** The rank of a heading: its kind's, and for decimal headings their depth (1 < 1.1 < 1.1.1). */
export function rankOf(h: { kind: MarkerKind; depth?: number }): number {
  return h.kind === 'decimal' ? (h.depth ?? 1) / 10 : MARKER_RANK[h.kind];
}

export interface Heading {
  kind: MarkerKind;
  /** Decimal headings: how many numbers the marker has (`1.2.3` → 3). */
  depth?: number;
  /** Depth in the tree, 1 = top level of the plan. */
  level: number;
  /** The marker exactly as written, e.g. `（一）`, `(十)`, `1．`, `一、`, `——`. */
  marker: string;
  /** Range of the marker itself. */
  markerRange: Range;
  /** Numeric value of the marker (一 → 1, （十二） → 12); 0 for `——` items. */
  number: number;
  /** Heading text without the marker, up to the end of its first sentence. */
  title: string;
  /** Range of the heading line(s), from the marker to the end of the title's last line. */
  range: Range;
  /** Range of the whole section: the heading and everything up to the next heading of the same or higher rank. */
  sectionRange: Range;
  /** The section's own text before its first child heading (joined), with ranges. */
  body: Block[];
  children: Heading[];
  parent?: Heading;
}

/** One responsible unit inside a responsibility clause. */
export interface Unit {
  name: string;
  range: Range;
}

export type ResponsibilityForm =
  | '按职责分工负责' // （市委宣传部、市教体局按职责分工负责）
  | '负责' // （市委组织部负责）
  | '责任单位' // （责任单位：市科技局、市科协）
  | '牵头配合'; // （由市教育局、团市委牵头，相关部门和单位配合）

/** A responsibility clause (责任单位) of a task item; one list even when wrapped across lines and pages. */
export interface ResponsibilityList extends Span {
  form: ResponsibilityForm;
  units: Unit[];
  /** The heading whose section body holds the clause. */
  owner?: Heading;
}

/** A cited document: 《title》 with its 文号 when one follows in parentheses. */
export interface Citation extends Span {
  /** Title inside the book-title marks, line breaks and spaces removed. */
  title: string;
  docNumber?: Span;
}

/** （以下简称《科学素质纲要》） or （以下简称“科普”） */
export interface Abbreviation extends Span {
  short: string;
  /** The full title it abbreviates, when a citation stands right before it. */
  full?: string;
}

export type Comparator = '>=' | '>' | '≈';

/** A quantitative target: `到2025年，全市公民具备科学素质的比例达到17%`. */
export interface Target extends Span {
  /** Normalised metric, e.g. 公民具备科学素质的比例. */
  metric: string;
  year?: number;
  comparator: Comparator;
  /** The wording of the comparator (达到, 超过, 力争达到, 不低于, 以上 …). */
  comparatorText: string;
  value: number;
  unit: string;
}

/** A sentence that states how many children follow: 实施5项提升行动. */
export interface CountStatement extends Span {
  count: number;
  /** What is counted, e.g. 提升行动, 重点工程. */
  noun: string;
  /** Range of the number itself (for a fix). */
  numberRange: Range;
  /** The heading whose body holds the statement. */
  owner?: Heading;
}

/**
 * A document inside the file: the covering document (the notice, 意见, 批复 … itself), each
 * document it issues (印发 a plan, five 办法 at once) or forwards (转发, with the other organ's own
 * title, 文号 and 署名), and each 附件 body. Numbering is checked within a part, never across parts.
 */
export interface DocumentPart {
  kind: 'cover' | 'issued' | 'forwarded' | 'attachment';
  /** The part's own title (the cover's 标题; an issued plan's title; an attachment's title). */
  title?: Span;
  /** From the title: 通知 (印发), 意见, 报告 …; for issued documents the kind word (方案, 办法, 预案) is in `kind`. */
  genre?: GenreInfo;
  /** `附件1` / `附件：` above an attachment (or above an issued plan). */
  label?: Span;
  /** A forwarded document's own 文号, printed under its title. */
  docNumber?: DocNumber;
  /** How its headings are numbered: 一、（一）1.（1） (`plan`), 第X章/第X条 (`articles`), 1/1.1 (`decimal`). */
  scheme?: 'plan' | 'articles' | 'decimal';
  /** Blocks [firstBlock, endBlock) of `GongwenDocument.blocks`. */
  firstBlock: number;
  endBlock: number;
  range: Range;
  /** Top-level headings of this part (their trees hang from them). */
  headings: Heading[];
}

/** Everything the parser found. Built once per document version; every rule and feature reads it. */
export interface GongwenDocument {
  uri: string;
  text: string;
  lines: SourceLine[];
  blocks: Block[];
  notice: NoticeElements;
  /** The covering document's genre (文种), read from its title; undefined when there is no title. */
  genre?: GenreInfo;
  /** The covering document, then the documents it issues or forwards, then its attachments. */
  parts: DocumentPart[];
  /** Top-level headings of every part, in document order (each part's tree hangs from its own). */
  headings: Heading[];
  /** All headings in document order (flattened tree). */
  allHeadings: Heading[];
  /** Tables recognised in the text (tables.ts); their cells are blocks marked `cell`, never structure. */
  tables: Table[];
  responsibilities: ResponsibilityList[];
  citations: Citation[];
  abbreviations: Abbreviation[];
  targets: Target[];
  counts: CountStatement[];
  /** Left by an incremental parse for the next version and for block-by-block rules (model/reuse.ts). */
  readonly reuse?: Reuse;
}
