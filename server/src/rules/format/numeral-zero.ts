/**
 * numeral-zero — in a year or number written in Chinese numerals the zero is `〇`
 * (二〇三五年), never the letter O/Ｏ, the digit 0/０ or the circle ○ (《出版物上数字用法》
 * GB/T 15835-2011: the Chinese numeral for zero is 〇).
 */
import { t } from '../../l10n';
import { perBlock, type Finding, type Rule } from '../types';
import { joinedEdit, joinedRange } from './joined';

/** A run of year digits in Chinese numerals, some zero written wrongly; bounded length. */
const RUN = /[一二三四五六七八九〇零OＯ0０○]{2,6}/g;
const WRONG_ZERO = /[OＯ0０○]/;
const HAN_DIGIT = /[一二三四五六七八九〇零]/g;

export const numeralZero: Rule = {
  id: 'numeral-zero',
  description: '汉字数字中的零写作“〇”，不用字母 O 或数字 0',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    for (const block of doc.blocks) out.push(...perBlock(ctx, block, '', () => {
      const found: Finding[] = [];
      for (const m of block.text.matchAll(RUN)) {
        const run = m[0];
        if (!WRONG_ZERO.test(run)) continue;
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
    return out;
  },
};
