/**
 * placeholder — what an unfinished draft still holds in place of its content: a drafter's note in
 * 【】 (`【请填写：责任单位】`, `【待定】`), `××` or `XX` standing for a name or number (`××县`,
 * `20XX年`), `□□`, `（此处…）`, a 文号 without its serial or year (`〔2024〕号`, `〔  〕`) and a
 * date left blank (`×年×月×日`, `  年  月  日`). A document is issued complete: each is an error.
 *
 * Precision first. Not reported: a single `X` (X射线, X光), `X` in a Latin word, `×` between
 * numbers (3×3); and in the body of an attachment (a 申请表 or a 公示 template that recipients fill
 * in) only drafter's notes in 【】 count — blank dates, boxes and ×× are the form's own fields there.
 */
import type { Block, GongwenDocument } from '../../model/types';
import { t } from '../../l10n';
import { perBlock, type Finding, type Rule } from '../types';
import { joinedRange } from './joined';
import { firstIndex } from '../../model/search';
import { matchesIn } from '../../model/text';

type Kind = 'note' | 'mark' | 'boxes' | 'doc-number' | 'date';

/** A note in 【】 that asks for input, or an empty one. Bounded, no nesting. */
const NOTE = /【([^【】\n]{0,40})】/g;
const ASKS = /^[\s　]*(?:请|待|此处)|填写|待定|待补充|待确认|待完善|TODO|TBD/i;
const EMPTY_NOTE = /^[\s　×XxＸｘ…_＿.。]*$/;

/** （此处填写…） （待定） in parentheses: the same request, written as a parenthetical. */
const PAREN_NOTE = /[（(][ 　]{0,2}(?:此处|请填写|请补充|请输入|待定|待补充|待填)[^（）()\n]{0,30}[）)]/g;

/** A run of multiplication signs or X standing for a name or number: ××县, XX局, 20XX年. */
const MARKS = /[×✕XxＸｘ]{2,6}/g;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
const LATIN = /[A-Za-z]/;
const HAN = /[\u3400-\u9fff]/;

/** A date with × or X for its digits: ×年×月×日, 20××年×月×日, 2024年×月×日. */
const MARK_DATE = /(?:[0-9０-９]{2,4}[×✕XxＸｘ]{0,2}|[×✕XxＸｘ]{1,4})年[ 　]{0,2}(?:[0-9０-９]{1,2}|[×✕XxＸｘ]{1,2})月[ 　]{0,2}(?:[0-9０-９]{1,2}|[×✕XxＸｘ]{1,2})日/g;
/** 年 月 日 with blanks (spaces or underscores) where the numbers go. */
const BLANK_DATE = /(?<![0-9０-９〇零一二三四五六七八九十○OＯ×XxＸ])[ 　_＿]{0,8}年[ 　_＿]{1,8}月[ 　_＿]{1,8}日/g;

const ANY_MARK = /[×✕XxＸｘ]/;
const PAREN_NOTE_WORD = /此处|请|待/;
/** A character without which no pattern below can match (【, a date's 日, a closing 文号 bracket, □, X/×; 此处/请/待). */
const TRIGGER = /[【日〕］\]﹞□×✕XxＸｘ此请待]/;
const CLOSING_BRACKET = /[〕］\]﹞]/;

/** Two or more empty boxes: □□ stands for characters still to be written. */
const BOXES = /□{2,}/g;

/** A 文号 without its serial (〔2024〕号, 〔20××〕号) or with an empty year (〔  〕). */
const NO_SERIAL = /[〔［[﹝][ 　]{0,2}(?:[0-9０-９]{4}|[0-9０-９]{2}[×XxＸ]{2}|[×XxＸ]{2,4})?[ 　]{0,2}[〕］\]﹞][ 　]{0,4}号/g;
const EMPTY_YEAR = /[〔［﹝][ 　]{0,6}[〕］﹞]/g;

interface Hole {
  from: number;
  to: number;
  kind: Kind;
}

/** X/× runs that are not placeholders: inside a Latin word or a formula, Roman numerals (XX世纪). */
function isMark(text: string, from: number, to: number): boolean {
  const run = text.slice(from, to);
  const before = text[from - 1] ?? '';
  const after = text[to] ?? '';
  if (/^[×✕]+$/.test(run)) return !(LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after));
  if (LATIN.test(before) || LATIN.test(after)) return false;
  if (/^[Xx]+$/.test(run) && (text.startsWith('世纪', to) || before === '第')) return false;
  // 20XX年, 〔20XX〕: digits of a year before; otherwise it stands in Chinese text for a name.
  return HAN.test(before) || HAN.test(after) || /[0-9]{2}$/.test(text.slice(Math.max(0, from - 2), from)) || /[〔【（(“]/.test(before);
}

/**
 * Every placeholder of a block, one per place (the longest where patterns overlap). From the
 * joined index `formFrom` on the block belongs to an attachment's body (a form or template).
 */
export function findHoles(text: string, formFrom = Infinity): Hole[] {
  // Most blocks hold no character any pattern needs: nothing to allocate for them.
  if (!TRIGGER.test(text)) return [];
  const holes: Hole[] = [];
  const add = (re: RegExp, kind: Kind, keep: (m: RegExpMatchArray) => boolean = () => true) => {
    for (const m of matchesIn(re, text)) if (m[0].trim() && keep(m)) holes.push({ from: m.index!, to: m.index! + m[0].length, kind });
  };
  // Each pattern runs only on a block holding the character it cannot match without: most blocks
  // hold none of them, and a pattern that may start anywhere (BLANK_DATE) is tried at every position.
  if (text.includes('【')) add(NOTE, 'note', (m) => ASKS.test(m[1]) || EMPTY_NOTE.test(m[1]));
  // In an attachment's body, blank fields belong to the form the recipients fill in.
  const draft = (m: RegExpMatchArray) => m.index! < formFrom;
  if (PAREN_NOTE_WORD.test(text) && (text.includes('（') || text.includes('('))) add(PAREN_NOTE, 'note', draft);
  if (text.includes('日') && text.includes('年')) {
    if (ANY_MARK.test(text)) add(MARK_DATE, 'date', (m) => draft(m) && ANY_MARK.test(m[0]));
    add(BLANK_DATE, 'date', draft);
  }
  if (CLOSING_BRACKET.test(text)) {
    add(NO_SERIAL, 'doc-number', draft);
    add(EMPTY_YEAR, 'doc-number', draft);
  }
  if (text.includes('□')) add(BOXES, 'boxes', draft);
  if (ANY_MARK.test(text)) add(MARKS, 'mark', (m) => draft(m) && isMark(text, m.index!, m.index! + m[0].length));
  holes.sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from));
  const out: Hole[] = [];
  for (const h of holes) {
    const last = out[out.length - 1];
    if (last && h.from < last.to) continue;
    // Blanks before a blank date are part of it, but the range starts at its first written character.
    const lead = text.slice(h.from, h.to).search(/[^ 　_＿]/);
    out.push(h.kind === 'date' && lead > 0 ? { ...h, from: h.from + lead } : h);
  }
  return out;
}

/**
 * The first line of the attachment bodies (the model's first `attachment` part), if any. Everything
 * from it on is a form, a list or a template of the attachment (GB/T 9704-2012 §8: 附件 starts a new
 * page with `附件N` at its top left), whose blanks are for others to fill. A plan issued under a
 * `附件` label is an `issued` part, not an attachment: its placeholders count.
 */
export function attachmentStart(doc: GongwenDocument): number | undefined {
  const part = doc.parts.find((p) => p.kind === 'attachment');
  return part ? doc.blocks[part.firstBlock]?.firstLine : undefined;
}

/** The joined index of the block where the attachment bodies begin (0: all of it; Infinity: none of it). */
function formStart(block: Block, formAt: number | undefined): number {
  const { map } = block;
  if (formAt === undefined || map.length === 0 || block.start + map[map.length - 1] < formAt) return Infinity;
  // Blocks can join the 附件说明 with the lines after it: find the first character at or after the head line.
  return firstIndex(0, map.length, (i) => block.start + map[i] >= formAt);
}

const WHAT: Record<Kind, () => string> = {
  note: () => t('待填写的说明'),
  mark: () => t('代替名称或数字的记号'),
  boxes: () => t('空白方框'),
  'doc-number': () => t('文号缺少年份或序号'),
  date: () => t('未填写的日期'),
};

export const placeholder: Rule = {
  id: 'placeholder',
  description: '文稿中遗留的占位内容（【请填写：…】、××、XX、□□、〔 〕号、×年×月×日）',
  defaultSeverity: 'error',
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    const line = attachmentStart(doc);
    const formAt = line === undefined ? undefined : doc.lines[line].start;
    for (const block of doc.blocks) {
      const formFrom = formStart(block, formAt);
      out.push(...perBlock(ctx, block, String(formFrom), () => findHoles(block.text, formFrom).map((h) => ({
        range: joinedRange(doc, block, h.from, h.to),
        message: t('“{0}”是未完成的占位内容（{1}），发文前应填写或删除。', block.text.slice(h.from, h.to), WHAT[h.kind]()),
      }))));
    }
    return out;
  },
};
