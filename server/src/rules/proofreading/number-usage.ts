/**
 * number-usage — how figures are written (GB/T 15835-2011 出版物上数字用法, GB/T 15834-2011 §4.13
 * 连接号), only where the text leaves no doubt:
 *
 * - 约…左右, 约…多: two words for "about" on one figure (`约10人左右`, `约100多人`); 概数 (§3.3) is
 *   said once. Two possible fixes, so none is applied automatically.
 * - a percentage range whose first figure lacks its `%` (`10～20%` → `10%～20%`), and likewise 万/亿
 *   (`13～17万元` → `13万～17万元`): GB/T 15835-2011 on 数值范围 writes the sign or magnitude on both figures.
 * - a numeric range joined by a hyphen (`10-49人` → `10～49人`): a range of values takes the 浪纹线 `～`
 *   (or the 一字线 `—`); the hyphen is for numbers that name things (phone numbers, codes, 文号, dates).
 *   Only a range followed by a measure word (人, 次, 项, 米, 元 …), with the first figure below the
 *   second, no leading zero, and no figure, letter or dash around it; a pair of years is `range-dash`'s.
 * - full-width and half-width digits in one document: the minority form is reported, with the fix to
 *   the majority form (GB/T 15835-2011, 局部体例一致).
 */
import { t } from '../../l10n';
import type { Block, GongwenDocument } from '../../model/types';
import { matchesIn } from '../../model/text';
import { perBlock, type Finding, type Rule } from '../types';
import { inUrl, joinedRange, joinedReplace, toAscii } from '../format/joined';
import { inSpans, titleSpans } from './quoted';

/** 约 as a word of its own, not the second character of 节约, 制约, 签约 …; then a figure. */
const ABOUT = /(?<![节制签预邀条契简婉履违特相合集失赴践公租缔背守隐誓盟])约(?:为|有|占|计)?((?:[0-9０-９][0-9０-９.]{0,12}[十百千万亿]{0,2})|[一二三四五六七八九十两][一二三四五六七八九十百千万亿两]{0,8})(多|[^\s，。；：、,;:.0-9０-９（）()《》“”‘’！？—～-]{0,5}左右(?![两各侧对手]))/g;

/** What ends a PERCENT_RANGE. */
const PERCENT_SIGN = /[%％万亿]/;
/** A range whose first figure lacks the `%`, 万 or 亿 of the second: figure, dash, figure, sign. */
const PERCENT_RANGE = /(?<![0-9０-９.．])([0-9０-９]+(?:\.[0-9０-９]+)?)[ \u3000]?([～~〜—–－‐-])[ \u3000]?([0-9０-９]+(?:\.[0-9０-９]+)?)[ \u3000]?([%％万亿])/g;

/**
 * Both range patterns start only where a run of figures starts (the look-behind): tried at every digit
 * of a long run, `[0-9]+` would rescan the run's tail from each one — quadratic.
 */
/** Hyphen forms that are not the 一字线 or the 浪纹线. */
const HYPHEN = /[-‐‑–－﹣]/;
const NUMBER_RANGE = /(?<![0-9０-９.．])([0-9０-９]+(?:\.[0-9０-９]+)?)[ \u3000]?([-‐‑–－﹣])[ \u3000]?([0-9０-９]+(?:\.[0-9０-９]+)?)/g;
/**
 * Measure words after a range of values. Not 日, 月, 时 (a range of dates or hours is a time span,
 * written with the 一字线), not 号 (a 文号 or house number), and 年 only after small figures (`1-2年`).
 */
export const MEASURE_WORDS = ['个', '人', '名', '次', '项', '类', '处', '例', '家', '所', '件', '台', '辆', '套', '户', '元', '米', '千米', '公里', '毫米', '厘米', '平方米', '立方米', '亩', '公顷', '吨', '千克', '公斤', '克', '天', '周', '小时', '分钟', '岁', '倍', '分', '级', '层', '页', '条', '份', '批', '场', '座', '间', '张', '只', '头', '株', '棵', '学时', '课时', '人次', '总吨', '马力', '千瓦', '度', '℃'];
const UNIT = new RegExp(`^(?:万|亿|千|百)?(?:${MEASURE_WORDS.join('|')})`);

/** What may not stand right before a range: a figure, a letter or a mark that makes it a code. */
const CODE_BEFORE = /[0-9０-９A-Za-zＡ-Ｚａ-ｚ.．\-‐‑–－_/#＃:：~～〔\[]/;
const CODE_AFTER = /[0-9０-９A-Za-z.．\-‐‑–－_/～~]/;

const YEAR = /^(?:19|20)[0-9]{2}$/;

function value(s: string): number {
  return Number(toAscii(s).replace(/．/g, '.'));
}

/** The character before `at`, skipping one space (`GB 50016-2014`). */
function before(text: string, at: number): string | undefined {
  const ch = text[at - 1];
  return ch === ' ' || ch === '\u3000' ? text[at - 2] ?? ch : ch;
}

function aboutFindings(doc: GongwenDocument, block: Block, titles: () => Array<[number, number]>): Finding[] {
  const out: Finding[] = [];
  for (const m of matchesIn(ABOUT, block.text)) {
    const from = m.index!;
    if (inSpans(titles(), from)) continue;
    const to = from + m[0].length;
    const tail = m[2];
    const word = tail === '多' ? '多' : '左右';
    const wordAt = to - word.length;
    const written = block.text.slice(from, to);
    out.push({
      range: joinedRange(doc, block, from, to),
      message: t('“{0}”中“约”和“{1}”都表示概数，只用其一（GB/T 15835-2011 第3.3条 概数）。', written, word),
      fixes: [
        { title: t('删去“约”'), edits: [joinedReplace(doc, block, from, from + 1, '')] },
        { title: t('删去“{0}”', word), edits: [joinedReplace(doc, block, wordAt, to, '')] },
      ],
    });
  }
  return out;
}

function percentFindings(doc: GongwenDocument, block: Block, titles: () => Array<[number, number]>): Finding[] {
  const out: Finding[] = [];
  const text = block.text;
  for (const m of matchesIn(PERCENT_RANGE, text)) {
    const from = m.index!;
    const to = from + m[0].length;
    if (CODE_BEFORE.test(before(text, from) ?? '') || inUrl(text, from) || inSpans(titles(), from)) continue;
    if (value(m[1]) >= value(m[3])) continue;
    const dash = HYPHEN.test(m[2]) || m[2] === '~' || m[2] === '〜' ? '～' : m[2];
    const right = `${m[1]}${m[4]}${dash}${m[3]}${m[4]}`;
    out.push({
      range: joinedRange(doc, block, from, to),
      message: /[%％]/.test(m[4])
        ? t('百分数范围“{0}”的前一个数也要带“%”，应写作“{1}”（GB/T 15835-2011 数值范围）。', text.slice(from, to), right)
        : t('数值范围“{0}”的前一个数也要带“{1}”，应写作“{2}”（GB/T 15835-2011 数值范围）。', text.slice(from, to), m[4], right),
      fixes: [{ title: t('改为“{0}”', right), edits: [joinedReplace(doc, block, from, to, right)], preferred: true }],
    });
  }
  return out;
}

function hyphenFindings(doc: GongwenDocument, block: Block, titles: () => Array<[number, number]>): Finding[] {
  const out: Finding[] = [];
  const text = block.text;
  for (const m of matchesIn(NUMBER_RANGE, text)) {
    const from = m.index!;
    const to = from + m[0].length;
    const [, a, dash, b] = m;
    if (CODE_BEFORE.test(before(text, from) ?? '') || CODE_AFTER.test(text[to] ?? '') || inUrl(text, from) || inSpans(titles(), from)) continue;
    if (/^[0０][0-9０-９]/.test(a) || /^[0０][0-9０-９]/.test(b)) continue; // 0537-…: a phone number or code
    if (YEAR.test(toAscii(a)) && YEAR.test(toAscii(b))) continue; // a span of years: range-dash
    if (value(a) >= value(b) || /[万亿%％]/.test(text[to] ?? '')) continue; // 1-3万元: the magnitude check's
    const unit = UNIT.exec(text.slice(to, to + 4));
    const smallYears = text[to] === '年' && value(b) < 100;
    if (!unit && !smallYears) continue;
    const dashAt = from + m[0].indexOf(dash, a.length);
    out.push({
      range: joinedRange(doc, block, from, to),
      message: t('数值范围“{0}”用了短横线“{1}”，应使用浪纹线“～”（或一字线“—”）；短横线用于编号、代码（GB/T 15834-2011 第4.13条，GB/T 15835-2011 数值范围）。', m[0], dash),
      fixes: [{ title: t('改为“{0}”', `${a}～${b}`), edits: [joinedReplace(doc, block, dashAt, dashAt + 1, '～')], preferred: true }],
    });
  }
  return out;
}

const FULL_DIGITS = /[０-９]+/g;
const HALF_DIGITS = /[0-9]+/g;
const DIGIT = /[0-9０-９]/;

/**
 * Full-width and half-width digits of a block, counted by character code (a table is mostly figures: a match object
 * per run cost more than the count), from the first digit on: the native search skips the text before it, most of
 * a paragraph's and all of one without figures (the count over every character was ~1 % of a lint, issue #18).
 */
function digitCounts(text: string): [number, number] {
  let full = 0;
  let half = 0;
  const first = text.search(DIGIT);
  if (first < 0) return [0, 0];
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) half++;
    else if (c >= 0xff10 && c <= 0xff19) full++;
  }
  return [full, half];
}

function widthFindings(doc: GongwenDocument, block: Block, minority: 'full' | 'half', counts: string): Finding[] {
  const out: Finding[] = [];
  const text = block.text;
  for (const m of matchesIn(minority === 'full' ? FULL_DIGITS : HALF_DIGITS, text)) {
    const from = m.index!;
    const to = from + m[0].length;
    if (minority === 'half' && (/[A-Za-z]/.test(text[from - 1] ?? '') || /[A-Za-z]/.test(text[to] ?? '') || inUrl(text, from))) continue;
    const right = minority === 'full' ? toAscii(m[0]) : m[0].replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xff10 - 48));
    out.push({
      range: joinedRange(doc, block, from, to),
      message: minority === 'full'
        ? t('“{0}”用了全角数字，本文其他数字都是半角（{1}），应统一写作“{2}”（GB/T 15835-2011，局部体例一致）。', m[0], counts, right)
        : t('“{0}”用了半角数字，本文其他数字都是全角（{1}），应统一写作“{2}”（GB/T 15835-2011，局部体例一致）。', m[0], counts, right),
      fixes: [{ title: t('改为“{0}”', right), edits: [joinedReplace(doc, block, from, to, right)], preferred: true }],
    });
  }
  return out;
}

export const numberUsage: Rule = {
  id: 'number-usage',
  description: '数字用法：约…左右不连用，百分数范围写全“%”，数值范围不用短横线，全角半角数字统一',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    let full = 0;
    let half = 0;
    for (const block of doc.blocks) {
      const [f, h] = perBlock(ctx, block, 'digits', () => digitCounts(block.text));
      full += f;
      half += h;
    }
    // The minority form is reported only when the other form clearly dominates (a 50/50 mix has no house style to follow).
    const minority = full > 0 && half >= 3 * full ? 'full' : half > 0 && full >= 3 * half ? 'half' : undefined;
    const counts = minority ? t('半角 {0} 个，全角 {1} 个', half, full) : '';
    for (const block of doc.blocks) out.push(...perBlock(ctx, block, `width:${minority ?? ''}:${counts}`, () => {
      // Every check needs a figure (约 is followed by one, Arabic or Chinese): most paragraphs are done here.
      const text = block.text;
      const digits = DIGIT.test(text);
      if (!digits && text.indexOf('约') < 0) return [];
      let spans: Array<[number, number]> | undefined;
      const titles = () => (spans ??= titleSpans(text));
      // Each pattern only on a block holding a character it needs (one `test` is cheaper than the pattern's scan; a table has thousands of cells).
      const found = text.includes('约') ? aboutFindings(doc, block, titles) : [];
      if (digits && PERCENT_SIGN.test(text)) found.push(...percentFindings(doc, block, titles));
      if (digits && HYPHEN.test(text)) found.push(...hyphenFindings(doc, block, titles));
      if (minority) found.push(...widthFindings(doc, block, minority, counts));
      return found;
    }));
    return out;
  },
};
