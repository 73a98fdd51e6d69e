/**
 * number-form — the choice between 汉字 and figures, and how long figures are written (GB/T 15835-2011
 * 出版物上数字用法), only where the text leaves no doubt. Its own rule beside `number-usage` because it
 * answers a different question of the standard (which form, not how a range or 概数 is marked) and an
 * office may want one without the other.
 *
 * - a fixed expression with 汉字 numerals written in figures (`3令5申` → `三令五申`, `14五` → `十四五`):
 *   定型的词语、成语、惯用语、缩略语 keep their 汉字; the list is data (knowledge/proofreading/fixed-numerals.json).
 * - two neighbouring numbers given as a 概数 with a 顿号 between them (`三、四个` → `三四个`): 概数 joins
 *   the two numbers without a mark. Not after 第 or another numeral (`第二、三项` names two items), not
 *   before a measure word that counts ordinals (类, 级, 期, 月, 季度, 年级: `一、二季度` is two quarters).
 * - thousands separators: GB/T 15835-2011 lets a long figure be grouped (千分撇) or not; a document
 *   keeps one way. When figures clearly go one way (three to one), the minority is reported and written
 *   the other way: in a document that does not group, `1,000元` too; where it groups, only plain figures
 *   of five digits or more (a four-digit one may stay ungrouped).
 * - a long run of zeros, six or more (`500000000元`): a hint that 万 or 亿 reads better (`5亿元`), offered as a quick
 *   fix, never applied on its own (the standard allows both; tables and budgets often keep figures).
 */
import { t } from '../../l10n';
import data from '../../knowledge/proofreading/fixed-numerals.json';
import type { Block, GongwenDocument } from '../../model/types';
import { perBlock, type Finding, type Rule } from '../types';
import { inUrl, joinedRange, joinedReplace } from '../format/joined';
import { inSpans, titleSpans } from './quoted';
import { allowedAt } from '../../config-words';
import { matchesIn } from '../../model/text';

interface FixedNumeral { wrong: string; right: string; before?: string; notBefore?: string; after?: string; notAfter?: string; examples: { true: string; nearMiss: string } }
export const FIXED_NUMERALS: readonly FixedNumeral[] = data.entries;

const fullWidth = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xff10 - 48);
const COMPILED = FIXED_NUMERALS.map((e) => ({
  ...e,
  pattern: new RegExp(e.wrong.replace(/[0-9]/g, (d) => `[${d}${fullWidth(d)}]`), 'g'),
  before: e.before ? new RegExp(`(?:${e.before})$`) : undefined,
  notBefore: e.notBefore ? new RegExp(`(?:${e.notBefore})$`) : undefined,
  after: e.after ? new RegExp(`^(?:${e.after})`) : undefined,
  notAfter: e.notAfter ? new RegExp(`^(?:${e.notAfter})`) : undefined,
}));
/**
 * Any of the fixed expressions, anywhere: one scan of the block decides whether the 24 patterns run at all
 * (each a scan of the block, and a document of tables has tens of thousands of blocks).
 */
const ANY_FIXED = new RegExp(COMPILED.map((e) => e.pattern.source).join('|'));
/**
 * Every fixed expression is written with a figure (`3令5申`, `14五`): a block without one is passed over by one
 * scan for a digit instead of the 24 alternatives tried at every offset (~1 % of a lint of the seed copies, CPU profile).
 */
const FIGURE = /[0-9０-９]/;
const EVERY_FIXED_HAS_FIGURE = FIXED_NUMERALS.every((e) => /[0-9]/.test(e.wrong));

const NUMERALS = '一二三四五六七八九';
/** 概数 with a 顿号: n、n+1 then a counting measure word (or 十/百/千/万: `五、六十人`). */
const APPROX = /([一二三四五六七八九])、([两二三四五六七八九十])(?=[十百千万]|个|名|人|位|次|天|倍|种|岁|户|件|所|家|成|小时|分钟|周|米|公里|元|项)/g;
/**
 * Figures as quantities (a measure word or 万/亿 after): grouped ones from four digits on (`1,000元`), plain
 * ones from five (GB/T 15835-2011 leaves a four-digit figure ungrouped in any style, so `5000元` says nothing).
 */
const GROUPED = /(?<![0-9.,，])[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9,])/g;
const PLAIN = /(?<![0-9.,，A-Za-z\-/])[1-9][0-9]{4,}(?![0-9,.A-Za-z\-/])/g;
const QUANTITY_AFTER = /^(?:\.[0-9]+)?(?:万|亿|元|人|名|个|次|户|吨|米|平方米|公里|亩|公顷|千克|件|台|辆|套|项|家|册|份|张|株|头)/;
/** A long round figure: at least six zeros at the end (1000000元; 10000元 and 50000元 are how fines and prices are written), then 元/人 …. */
const ROUND = /(?<![0-9.,，A-Za-z])([1-9][0-9]{0,10}?)(0{6,14})(?![0-9.,])(?=元|人|名|户|吨|平方米|亩)/g;

type InTitle = (at: number) => boolean;

function fixedFindings(doc: GongwenDocument, block: Block, allow: readonly string[] | undefined, inTitle: InTitle): Finding[] {
  const out: Finding[] = [];
  const text = block.text;
  if ((EVERY_FIXED_HAS_FIGURE && !FIGURE.test(text)) || !ANY_FIXED.test(text)) return out;
  for (const e of COMPILED) {
    for (const m of matchesIn(e.pattern, text)) {
      const at = m.index!;
      const end = at + m[0].length;
      const head = text.slice(Math.max(0, at - 4), at);
      const tail = text.slice(end, end + 4);
      if ((e.before && !e.before.test(head)) || e.notBefore?.test(head) || (e.after && !e.after.test(tail)) || e.notAfter?.test(tail)) continue;
      if (allowedAt(allow, text, at, end) || inUrl(text, at) || inTitle(at)) continue;
      out.push({
        range: joinedRange(doc, block, at, end),
        message: t('“{0}”是含汉字数字的定型词语，应写作“{1}”（GB/T 15835-2011：定型的词语、成语、惯用语、缩略语用汉字数字）。', m[0], e.right),
        fixes: [{ title: t('改为“{0}”', e.right), edits: [joinedReplace(doc, block, at, end, e.right)], preferred: true }],
      });
    }
  }
  return out;
}

function approxFindings(doc: GongwenDocument, block: Block, inTitle: InTitle): Finding[] {
  const out: Finding[] = [];
  const text = block.text;
  if (!text.includes('、')) return out; // APPROX needs one
  for (const m of matchesIn(APPROX, text)) {
    const at = m.index!;
    const [a, b] = [m[1], m[2]];
    const next = a === '一' && b === '两' ? true : NUMERALS.indexOf(b) === NUMERALS.indexOf(a) + 1 || (a === '九' && b === '十');
    if (!next) continue;
    const prev = text[at - 1] ?? '';
    // 第二、三项 names items; 十二、三个 or 一、二、三 is a list; at the paragraph start 一、 is a heading marker.
    if (at === 0 || /[第十百千万零〇两一二三四五六七八九、0-9０-９]/.test(prev) || text[at + 3] === '、' || inTitle(at)) continue;
    const end = at + 3;
    out.push({
      range: joinedRange(doc, block, at, end),
      message: t('“{0}”是相邻两数连用表示概数，中间不用顿号，应写作“{1}”（GB/T 15835-2011 概数，GB/T 15834-2011 第4.5条）。', text.slice(at, end), a + b),
      fixes: [{ title: t('改为“{0}”', a + b), edits: [joinedReplace(doc, block, at, end, a + b)], preferred: true }],
    });
  }
  return out;
}

const group = (digits: string) => digits.replace(/\B(?=(?:[0-9]{3})+$)/g, ',');

/** Long figures as quantities in one block: grouped ones and plain ones, with their places. */
function longFigures(text: string): { grouped: Array<[number, string]>; plain: Array<[number, string]> } {
  const grouped: Array<[number, string]> = [];
  const plain: Array<[number, string]> = [];
  if (!/[0-9]{4}|[0-9],[0-9]/.test(text)) return { grouped, plain };
  for (const m of matchesIn(GROUPED, text)) if ( QUANTITY_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 4)) && !inUrl(text, m.index!)) grouped.push([m.index!, m[0]]);
  for (const m of matchesIn(PLAIN, text)) if (QUANTITY_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 4)) && !inUrl(text, m.index!)) plain.push([m.index!, m[0]]);
  return { grouped, plain };
}

function roundFindings(doc: GongwenDocument, block: Block, inTitle: InTitle): Finding[] {
  const out: Finding[] = [];
  const text = block.text;
  if (!/0000/.test(text)) return out;
  for (const m of matchesIn(ROUND, text)) {
    const zeros = m[2].length;
    const [unit, power] = zeros >= 8 ? ['亿', 8] : ['万', 4];
    const digits = m[1] + m[2];
    const head = digits.slice(0, digits.length - power);
    const rest = digits.slice(digits.length - power).replace(/0+$/, '');
    const right = `${head}${rest ? '.' + rest : ''}${unit}`;
    const at = m.index!;
    if (inTitle(at) || inUrl(text, at)) continue;
    out.push({
      range: joinedRange(doc, block, at, at + digits.length),
      message: t('“{0}”尾数有多个零，可改用“{1}”作单位，写作“{2}”，便于阅读（GB/T 15835-2011 多位数）。', digits, unit, right),
      severity: 'information',
      fixes: [{ title: t('改为“{0}”', right), edits: [joinedReplace(doc, block, at, at + digits.length, right)] }],
    });
  }
  return out;
}

export const numberForm: Rule = {
  id: 'number-form',
  description: '数字形式：定型词语用汉字数字（三令五申、十四五），概数不用顿号（三四个），千分撇全文统一，长串的零改用万、亿',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const allow = ctx.settings.words?.allow;
    let grouped = 0;
    let plain = 0;
    for (const block of doc.blocks) {
      const f = perBlock(ctx, block, 'long-figures', () => longFigures(block.text));
      grouped += f.grouped.length;
      plain += f.plain.length;
    }
    // One way clearly dominates (three to one) before the other is reported, as for full- and half-width digits.
    const minority = grouped > 0 && plain >= 3 * grouped ? 'grouped' : plain > 0 && grouped >= 3 * plain ? 'plain' : undefined;
    const out: Finding[] = [];
    for (const block of doc.blocks) out.push(...perBlock(ctx, block, `form:${minority ?? ''}:${grouped}:${plain}`, () => {
      const text = block.text;
      let spans: Array<[number, number]> | undefined;
      const inTitle: InTitle = (at) => inSpans((spans ??= titleSpans(text)), at);
      const found = [...fixedFindings(doc, block, allow, inTitle), ...approxFindings(doc, block, inTitle), ...roundFindings(doc, block, inTitle)];
      if (minority) {
        const f = longFigures(text);
        for (const [at, s] of minority === 'grouped' ? f.grouped : f.plain) {
          if (inTitle(at)) continue;
          const right = minority === 'grouped' ? s.replace(/,/g, '') : group(s);
          found.push({
            range: joinedRange(doc, block, at, at + s.length),
            message: minority === 'grouped'
              ? t('“{0}”用了千分撇，本文其他多位数都不分节（{1}），应统一写作“{2}”（GB/T 15835-2011 多位数分节，全文体例一致）。', s, t('不分节 {0} 个，分节 {1} 个', plain, grouped), right)
              : t('“{0}”没有分节，本文其他多位数都用千分撇（{1}），应统一写作“{2}”（GB/T 15835-2011 多位数分节，全文体例一致）。', s, t('分节 {0} 个，不分节 {1} 个', grouped, plain), right),
            fixes: [{ title: t('改为“{0}”', right), edits: [joinedReplace(doc, block, at, at + s.length, right)], preferred: true }],
          });
        }
      }
      return found;
    }));
    return out;
  },
};
