/**
 * numeral-zero — in a year or number written in Chinese numerals the zero is `〇`
 * (二〇三五年), never the letter O/Ｏ, the digit 0/０ or the circle ○ (《出版物上数字用法》
 * GB/T 15835-2011: the Chinese numeral for zero is 〇).
 *
 * A 成文日期 or 印发日期 that `date-format` tells to rewrite in Arabic numerals (a document dated
 * from 2012-07-01) is left to that rule: its fix replaces the whole date, zero included. In an older
 * document the Chinese-numeral date stays, and its wrong zero is reported here.
 */
import { t } from '../../l10n';
import type { Block, GongwenDocument } from '../../model/types';
import { perBlock, type Finding, type Rule } from '../types';
import { joinedEdit, joinedRange, offsetAt } from './joined';
import { datesToArabic } from './date-format';
import { matchesIn } from '../../model/text';

/** A run of year digits in Chinese numerals, some zero written wrongly; bounded length. */
const RUN = /[一二三四五六七八九〇零OＯ0０○]{2,6}/g;
const WRONG_ZERO = /[OＯ0０○]/;
const HAN_DIGIT = /[一二三四五六七八九〇零]/g;

/** Original [start, end) offsets of the dates `date-format` rewrites whole. */
function ownedByDateFormat(doc: GongwenDocument): Array<[number, number]> {
  return datesToArabic(doc).map((d) => [offsetAt(doc, d.range.start), offsetAt(doc, d.range.end)]);
}

/** The owned spans that start inside the block, relative to its start (the memo key, and what the scan skips). */
function ownedIn(owned: Array<[number, number]>, block: Block): Array<[number, number]> {
  if (block.map.length === 0) return [];
  const first = block.start + block.map[0];
  const last = block.start + block.map[block.map.length - 1];
  return owned.filter(([a]) => a >= first && a <= last).map(([a, b]) => [a - block.start, b - block.start]);
}

export const numeralZero: Rule = {
  id: 'numeral-zero',
  description: '汉字数字中的零写作“〇”，不用字母 O 或数字 0',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    const owned = ownedByDateFormat(doc);
    for (const block of doc.blocks) {
      const skip = ownedIn(owned, block);
      out.push(...perBlock(ctx, block, skip.join(';'), () => {
        const found: Finding[] = [];
        if (!WRONG_ZERO.test(block.text)) return found; // every run reported holds one
        for (const m of matchesIn(RUN, block.text)) {
          const run = m[0];
          if (!WRONG_ZERO.test(run)) continue;
          const at = block.map[m.index!];
          if (skip.some(([a, b]) => at >= a && at < b)) continue;
          const han = run.match(HAN_DIGIT)?.length ?? 0;
          const from = m.index!;
          const yearAfter = block.text[from + run.length] === '年';
          // Two Chinese digits, or one before 年, make it a Chinese numeral and not Latin text or a code.
          if (han < 2 && !(han >= 1 && yearAfter)) continue;
          const fixed = run.replace(/[OＯ0０○]/g, '〇');
          const wrong = [...new Set(run.match(/[OＯ0０○]/g))].join('');
          const edits = [];
          for (let i = 0; i < run.length; i++) if (WRONG_ZERO.test(run[i])) edits.push(joinedEdit(doc, block, from + i, from + i + 1, '〇'));
          found.push({
            range: joinedRange(doc, block, from, from + run.length),
            message: t('“{0}”中的零写成了“{1}”，汉字数字的零应为“〇”：“{2}”。', run, wrong, fixed),
            fixes: [{ title: t('改为“{0}”', fixed), edits, preferred: true }],
          });
        }
        return found;
      }));
    }
    return out;
  },
};
