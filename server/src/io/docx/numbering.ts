/**
 * Word's automatic numbering (w:numPr) rendered as the reader sees it: `一、` `（一）` `1.` are not
 * characters of the paragraph but come from numbering.xml (w:abstractNum levels: start, numFmt,
 * lvlText, suff) and styles.xml (a heading style may carry the numbering). Counters run per abstract
 * list, as Word continues a list across w:num instances unless one restarts it (w:startOverride);
 * a level restarts when a higher level of the same list advances.
 */
import type { Element } from '@xmldom/xmldom';
import { numberToChinese } from '../../model/numbering';
import { child, children, isW, wAttr } from './xml';
import type { Document } from '@xmldom/xmldom';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

interface Num {
  abstractId: string;
  /** ilvl → start override: the first paragraph of this w:num at that level restarts there. */
  overrides: Map<number, number>;
}

export interface Numbering {
  /** The number text of a paragraph (with its suffix), or '' when it is not numbered. Advances the counters. */
  next(paragraph: Element): string;
}

const ZODIAC = '子丑寅卯辰巳午未申酉戌亥';
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: a … z, aa … zz.
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter value in a w:numFmt (ST_NumberFormat); formats we do not know fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return numberToChinese(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'chineseLegalSimplified':
      return numberToChinese(n).replace(/[\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343]/g, (c) => ({ 十: '拾', 百: '佰', 千: '仟' } as Record<string, string>)[c] ?? LEGAL_DIGITS['零一二三四五六七八九'.indexOf(c)]);
    case 'ideographTraditional':
      return HEAVENLY[(n - 1) % 10];
    case 'ideographZodiac':
      return ZODIAC[(n - 1) % 12];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1] : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

const intAttr = (el: Element | undefined, fallback: number) => {
  const v = Number.parseInt(wAttr(el, 'val') ?? '', 10);
  return Number.isFinite(v) ? v : fallback;
};

function readLevels(abstract: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of children(abstract)) {
    if (!isW(lvl, 'lvl')) continue;
    const ilvl = Number.parseInt(wAttr(lvl, 'ilvl') ?? '0', 10);
    levels.set(ilvl, {
      start: intAttr(child(lvl, 'start'), 1),
      format: wAttr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
      text: wAttr(child(lvl, 'lvlText'), 'val') ?? '',
      suffix: wAttr(child(lvl, 'suff'), 'val') ?? 'tab',
      legal: !!child(lvl, 'isLgl'),
    });
  }
  return levels;
}

/** Paragraph style id → its numbering (numId, ilvl), following w:basedOn. */
function styleNumbering(styles: Document | undefined): Map<string, { numId?: string; ilvl?: number }> {
  const direct = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (styles) {
    for (const s of children(styles.documentElement!)) {
      if (!isW(s, 'style') || wAttr(s, 'type') !== 'paragraph') continue;
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const numPr = child(child(s, 'pPr'), 'numPr');
      const ilvl = child(numPr, 'ilvl');
      direct.set(id, { numId: wAttr(child(numPr, 'numId'), 'val'), ilvl: ilvl ? intAttr(ilvl, 0) : undefined, basedOn: wAttr(child(s, 'basedOn'), 'val') });
    }
  }
  const resolved = new Map<string, { numId?: string; ilvl?: number }>();
  for (const id of direct.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    // A bounded walk up the basedOn chain (a loop in a hostile file ends here).
    for (let s = direct.get(id), hops = 0; s && hops < 20; s = s.basedOn ? direct.get(s.basedOn) : undefined, hops++) {
      numId ??= s.numId;
      ilvl ??= s.ilvl;
    }
    resolved.set(id, { numId, ilvl });
  }
  return resolved;
}

export function createNumbering(numberingXml: Document | undefined, stylesXml: Document | undefined): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, Num>();
  if (numberingXml) {
    for (const el of children(numberingXml.documentElement!)) {
      if (isW(el, 'abstractNum')) abstracts.set(wAttr(el, 'abstractNumId') ?? '', readLevels(el));
      else if (isW(el, 'num')) {
        const overrides = new Map<number, number>();
        for (const o of children(el)) {
          if (!isW(o, 'lvlOverride')) continue;
          const start = child(o, 'startOverride');
          if (start) overrides.set(Number.parseInt(wAttr(o, 'ilvl') ?? '0', 10), intAttr(start, 1));
        }
        nums.set(wAttr(el, 'numId') ?? '', { abstractId: wAttr(child(el, 'abstractNumId'), 'val') ?? '', overrides });
      }
    }
  }
  const styles = styleNumbering(stylesXml);
  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();

  return {
    next(p) {
      const pPr = child(p, 'pPr');
      const numPr = child(pPr, 'numPr');
      const style = styles.get(wAttr(child(pPr, 'pStyle'), 'val') ?? '');
      const numId = wAttr(child(numPr, 'numId'), 'val') ?? style?.numId;
      if (!numId || numId === '0') return '';
      const ilvlEl = child(numPr, 'ilvl');
      const ilvl = Math.min(8, Math.max(0, ilvlEl ? intAttr(ilvlEl, 0) : (style?.ilvl ?? 0)));
      const num = nums.get(numId);
      const levels = num && abstracts.get(num.abstractId);
      const level = levels?.get(ilvl);
      if (!num || !levels || !level) return '';
      const values = counters.get(num.abstractId) ?? [];
      counters.set(num.abstractId, values);
      const key = `${numId}/${ilvl}`;
      if (num.overrides.has(ilvl) && !overridden.has(key)) {
        overridden.add(key);
        values[ilvl] = num.overrides.get(ilvl)! - 1;
      }
      values[ilvl] = (values[ilvl] ?? level.start - 1) + 1;
      values.length = ilvl + 1; // deeper levels start again under the new number
      const text = level.format === 'bullet'
        ? level.text
        : level.text.replace(/%([1-9])/g, (_, d: string) => {
            const i = Number(d) - 1;
            const l = levels.get(i);
            const v = values[i] ?? l?.start ?? 1;
            return formatNumber(v, level.legal && i < ilvl ? 'decimal' : (l?.format ?? 'decimal'));
          });
      // The suffix: a tab (Word's default) or a space shows as a gap, except after a marker that ends
      // in its own punctuation (一、（一）1.), where 公文 text has none.
      if (level.suffix === 'nothing' || text === '' || /[\u3001.\uff0e\uff09)\uff1a:]$/.test(text)) return text;
      return text + (level.suffix === 'space' ? ' ' : '\t');
    },
  };
}
