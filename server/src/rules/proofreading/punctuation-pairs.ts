/**
 * punctuation-pairs — paired marks and doubled marks (GB/T 15834-2011 标点符号用法), only what is
 * certain from the text:
 *
 * - a 书名号, 引号 or 括号 opened and not closed in its paragraph, or closed without being opened
 *   (§4.8 引号, §4.9 括号, §4.15 书名号), or two pairs crossing (`《…（…》…）`). A pair that a PDF or a
 *   title split across two paragraphs is not one: an unclosed mark whose close opens the next paragraph
 *   is left alone, and so is a quotation running over several paragraphs (each opens with “, only the
 *   last closes, §4.8).
 * - a quotation closed by the half-width `"` (`“放管服"`): the closing mark is `”`.
 * - a pair inside a pair of its own kind: 书名号 inside 书名号 are `〈〉`, quotes inside quotes `‘’`
 *   (§4.15, §4.8).
 * - a mark doubled (`，，` `。。`), or two pause/stop marks side by side (`，。`).
 * - a 顿号 right before 等 (`甲、乙、等单位`): 等 follows the last item directly (§4.5).
 * - the title of the document ending with a colon (`关于…的通知：`): a title takes no end mark.
 *
 * Half-width brackets are `punctuation-width`'s; a bracket paired with one of them is not reported here.
 */
import { t } from '../../l10n';
import type { Block, GongwenDocument } from '../../model/types';
import { matchesIn } from '../../model/text';
import { perBlock, type Finding, type Rule } from '../types';
import { joinedRange, joinedReplace } from '../format/joined';

const CLOSE_OF: Record<string, string> = { '《': '》', '〈': '〉', '“': '”', '‘': '’', '（': '）' };
const OPEN_OF: Record<string, string> = { '》': '《', '〉': '〈', '”': '“', '’': '‘', '）': '（' };
const NAME: Record<string, string> = { '《': '书名号', '〈': '书名号', '“': '引号', '‘': '引号', '（': '括号' };
const LATIN = /[A-Za-z]/;
/**
 * 《》〈〉“”‘’（）and `"`: the marks the pair scan stops at (it tests them by code, so it allocates nothing for other
 * characters); this pattern is for one native scan that lets a block without any return before the scan allocates.
 */
const ANY_PAIR_MARK = /["\u2018-\u201d\u3008-\u300b\uff08\uff09]/;
/** `1）` `二）` `a）` as a list marker at the start of an item: a style of its own, not half a bracket. */
const LIST_MARKER_BEFORE = /(?:^|[：；。，、\s])\(?[0-9０-９一二三四五六七八九十A-Za-z]{1,3}$/;

/**
 * At most this many unpaired marks of one kind are reported per paragraph: a real paragraph misses one
 * or two; a line of hundreds of 《 is not text, and a finding for each would only cost time.
 */
const MAX_UNPAIRED = 3;

/** What the block-by-block scan found; `side` tells the cross-paragraph filter what may pair with a neighbour. */
interface PairFinding {
  finding: Finding;
  side?: 'unclosed' | 'unopened';
  mark?: string;
}

/** The first non-space character of a block. */
function firstMark(text: string): string | undefined {
  return /^[\s\u3000]*(.)/.exec(text)?.[1];
}

function scanPairs(doc: GongwenDocument, block: Block): PairFinding[] {
  const text = block.text;
  const out: PairFinding[] = [];
  if (!ANY_PAIR_MARK.test(text)) return out; // most cells of a table
  const stack: Array<{ ch: string; at: number }> = [];
  /** Open marks of each kind on the stack (so no closing mark scans the stack for nothing). */
  const open: Record<string, number> = { '《': 0, '〈': 0, '“': 0, '‘': 0, '（': 0 };
  const push = (ch: string, at: number) => {
    stack.push({ ch, at });
    open[ch]++;
  };
  const pop = () => {
    const top = stack.pop()!;
    open[top.ch]--;
    return top;
  };
  // Half-width brackets are punctuation-width's: a full-width one they may pair with is not judged here.
  const firstHalfOpen = text.indexOf('(');
  /** Marks a crossing unwound without closing them: their closing marks, still to come, are part of that one finding. */
  const crossed: string[] = [];
  /** Unpaired marks reported so far, by opening mark (unopened closing marks count under their opening mark, apart). */
  const unclosedCount: Record<string, number> = { '《': 0, '〈': 0, '“': 0, '‘': 0, '（': 0 };
  const unopenedCount: Record<string, number> = { '《': 0, '〈': 0, '“': 0, '‘': 0, '（': 0 };
  const lastHalfClose = text.lastIndexOf(')');
  const name = (ch: string) => t(NAME[ch] ?? NAME[OPEN_OF[ch]]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ANY_PAIR_MARK by code, ideographs (above 〉) ruled out by the first test; written out, not called: the CLI runs V8
    // without inlining (engine-flags.ts).
    if (c > 0x300b ? c !== 0xff08 && c !== 0xff09 : c !== 0x22 && (c < 0x2018 || c > 0x201d) && c < 0x3008) continue;
    const ch = text[i];
    if (CLOSE_OF[ch]) {
      push(ch, i);
      continue;
    }
    if (ch === '"' && stack.length > 0 && stack[stack.length - 1].ch === '“') {
      const quote = pop();
      out.push({
        finding: {
          range: joinedRange(doc, block, i, i + 1),
          message: t('引号“{0}…”的后引号写成了半角“{1}”，应为全角“{2}”（GB/T 15834-2011 第4.8条）。', text.slice(quote.at + 1, Math.min(i, quote.at + 9)), '"', '”'),
          fixes: [{ title: t('改为“{0}”', '”'), edits: [joinedReplace(doc, block, i, i + 1, '”')], preferred: true }],
        },
      });
      continue;
    }
    const want = OPEN_OF[ch];
    if (!want) continue;
    if (ch === '’' && LATIN.test(text[i - 1] ?? '')) continue; // an apostrophe in Latin text
    const top = stack[stack.length - 1];
    if (top?.ch === want) {
      pop();
      // The same kind still open outside: 《…《…》…》 or “…“…”…”.
      if ((want === '《' || want === '“') && open[want] > 0) {
        const inner = want === '《' ? '〈〉' : '‘’';
        out.push({
          finding: {
            range: joinedRange(doc, block, top.at, i + 1),
            message: t('{0}里面还要用{0}时，里层应改用“{1}”（GB/T 15834-2011）。', name(want), inner),
            fixes: [{ title: t('改为“{0}”', inner), edits: [joinedReplace(doc, block, top.at, top.at + 1, inner[0]), joinedReplace(doc, block, i, i + 1, inner[1])], preferred: true }],
          },
        });
      }
      continue;
    }
    if (open[want] > 0) {
      // Crossing: the mark opened last must close first. Unwind to the mark this one closes.
      const inner = stack[stack.length - 1];
      for (let left = pop(); left.ch !== want; left = pop()) crossed.push(left.ch);
      if (inner.ch === '（' && lastHalfClose > inner.at) continue;
      out.push({
        finding: {
          range: joinedRange(doc, block, inner.at, i + 1),
          message: t('“{0}”在“{1}”之前出现，而里层的“{2}”还没有闭合：成对的标号不能交叉（GB/T 15834-2011）。', ch, CLOSE_OF[inner.ch], inner.ch),
        },
      });
      continue;
    }
    // A closing mark with nothing to close.
    const owed = crossed.lastIndexOf(want);
    if (owed >= 0) {
      crossed.splice(owed, 1);
      continue;
    }
    if (ch === '）' && (LIST_MARKER_BEFORE.test(text.slice(Math.max(0, i - 6), i)) || (firstHalfOpen >= 0 && firstHalfOpen < i))) continue;
    if (++unopenedCount[want] > MAX_UNPAIRED) continue;
    out.push({
      finding: { range: joinedRange(doc, block, i, i + 1), message: t('后{0}“{1}”前面没有对应的前{0}“{2}”（GB/T 15834-2011）。', name(ch), ch, want) },
      side: 'unopened',
      mark: want,
    });
  }
  for (const left of stack) {
    if (left.ch === '（' && lastHalfClose > left.at) continue; // closed by a half-width bracket: punctuation-width
    if (++unclosedCount[left.ch] > MAX_UNPAIRED) continue;
    out.push({
      finding: { range: joinedRange(doc, block, left.at, left.at + 1), message: t('前{0}“{1}”在本段中没有对应的后{0}“{2}”（GB/T 15834-2011）。', name(left.ch), left.ch, CLOSE_OF[left.ch]) },
      side: 'unclosed',
      mark: left.ch,
    });
  }
  return out;
}

/** Runs of pause and stop marks: one mark doubled (or more), or different marks side by side. */
const ADJACENT = /[，。、；：]{2,}/g;
const ANY_ADJACENT = /[，。、；：]{2}/;

/** 、 before 等 where 等 ends the list: a mark, 等等, or a noun that sums the items up. */
export const AFTER_DENG = ['方面', '领域', '单位', '部门', '形式', '方式', '内容', '措施', '工作', '问题', '行业', '企业', '机构', '地区', '项目', '活动', '情况', '手段', '途径', '渠道', '环节', '群体', '人员', '组织', '要素', '因素', '重点', '相关', '有关', '多种', '各类', '主体', '文件', '政策', '服务', '产品', '设施', '资源', '场所', '信息', '材料', '费用', '资金'];
const PAUSE_BEFORE_DENG = new RegExp(`、(?=等(?:[，。；、）”]|等|${AFTER_DENG.join('|')}))`, 'g');

/** Whether a run is one mark repeated. Compared in place: spreading a run of thousands of marks into an array is what a line of nothing but `、` cost. */
function oneMark(run: string): boolean {
  const first = run.charCodeAt(0);
  for (let i = 1; i < run.length; i++) if (run.charCodeAt(i) !== first) return false;
  return true;
}

function scanMarks(doc: GongwenDocument, block: Block): PairFinding[] {
  const out: PairFinding[] = [];
  const text = block.text;
  // A test first: cheaper than the patterns' scans, and most blocks have neither.
  if (ANY_ADJACENT.test(text)) for (const m of matchesIn(ADJACENT, text)) {
    const at = m.index!;
    const run = m[0];
    const end = at + run.length;
    if (oneMark(run)) {
      // The whole run is one finding, so one fix leaves one mark (a second run of --fix has nothing to do).
      out.push({
        finding: {
          range: joinedRange(doc, block, at, end),
          message: t('标点“{0}”重复。', run[0]),
          fixes: [{ title: t('删去多余的“{0}”', run[0]), edits: [joinedReplace(doc, block, at + 1, end, '')], preferred: true }],
        },
      });
    } else {
      out.push({ finding: { range: joinedRange(doc, block, at, end), message: t('“{0}”和“{1}”连用，只应保留一个。', run[0], run[run.length - 1]) } });
    }
  }
  if (text.includes('、等')) for (const m of matchesIn(PAUSE_BEFORE_DENG, text)) {
    const at = m.index!;
    out.push({
      finding: {
        range: joinedRange(doc, block, at, at + 2),
        message: t('“等”前面不用顿号：“等”直接跟在最后一项之后（GB/T 15834-2011 第4.5条）。'),
        fixes: [{ title: t('删去“、”'), edits: [joinedReplace(doc, block, at, at + 1, '')], preferred: true }],
      },
    });
  }
  return out;
}

/** A 公文 title ending with a colon: `关于…的通知：` on a paragraph of its own near the top. */
const TITLE_WITH_COLON = /^[\s\u3000]*[^《》“”，。；]{0,40}关于[^《》“”，。；]{1,80}的(?:通知|通报|意见|决定|批复|报告|请示|函|复函|纪要|公告|通告|方案)([：:])[\s\u3000]*$/;
const LEAD_IN = /^[\s\u3000]*(?:根据|按照|依据|依照|现将|经|为|对)/;
const TITLE_ZONE = 8;

function titleColon(doc: GongwenDocument, block: Block, index: number): PairFinding[] {
  if (index >= TITLE_ZONE || LEAD_IN.test(block.text)) return [];
  const m = TITLE_WITH_COLON.exec(block.text);
  if (!m) return [];
  const at = block.text.lastIndexOf(m[1]);
  return [{
    finding: {
      range: joinedRange(doc, block, at, at + 1),
      message: t('公文标题末尾不加标点，应删去“{0}”。', m[1]),
      fixes: [{ title: t('删去“{0}”', m[1]), edits: [joinedReplace(doc, block, at, at + 1, '')], preferred: true }],
    },
  }];
}

/** A last paragraph that ends in the middle of a sentence: no closing mark, no sentence end, no date. */
function cutOff(text: string): boolean {
  const last = text.trimEnd().slice(-1);
  return last !== '' && !/[。！？；：.!?;:）)》”’」』]/.test(last) && !/日$/.test(text.trimEnd());
}

export const punctuationPairs: Rule = {
  id: 'punctuation-pairs',
  description: '成对的书名号、引号、括号配对且不交叉，标点不重复，“等”前不用顿号，标题末尾不加冒号',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const blocks = doc.blocks;
    const found = blocks.map((block, index) => perBlock(ctx, block, `pairs:${Math.min(index, TITLE_ZONE)}`, () => [
      ...scanPairs(doc, block), ...scanMarks(doc, block), ...titleColon(doc, block, index),
    ]));
    const out: Finding[] = [];
    found.forEach((list, k) => {
      for (const f of list) {
        if (f.side === 'unclosed') {
          const next = found[k + 1];
          // Closed in the next paragraph (a title or sentence the text broke), or a quotation over paragraphs.
          if (next?.some((g) => g.side === 'unopened' && g.mark === f.mark)) continue;
          if ((f.mark === '“' || f.mark === '‘') && k + 1 < blocks.length && firstMark(blocks[k + 1].text) === f.mark) continue;
          // The text stops in the middle of a sentence (a copy or an excerpt cut off): what it left open
          // was closed in the part that is missing.
          if (k === blocks.length - 1 && cutOff(blocks[k].text)) continue;
        }
        if (f.side === 'unopened' && found[k - 1]?.some((g) => g.side === 'unclosed' && g.mark === f.mark)) continue;
        out.push(f.finding);
      }
    });
    return out;
  },
};
