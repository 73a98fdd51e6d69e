/**
 * Heading markers at the start of a line (GB/T 9704-2012 §7.3.3: 一、 （一） 1. （1）),
 * in the standard forms and in the forms drafters really type (`(十)`, `1．`, `1、`, `一.`),
 * plus `——` list items, which the seeds use as a level of their own.
 */
import type { MarkerKind } from './types';
import { asciiDigits, chineseToNumber } from './numbering';

export interface MarkerMatch {
  kind: MarkerKind;
  /** The marker exactly as written (e.g. `（一）`, `(十)`, `1．`). */
  marker: string;
  number: number;
  /** Decimal markers: how many numbers (`1.2.3` → 3). */
  depth?: number;
  /** Length of the marker plus the spaces after it, in UTF-16 units. */
  length: number;
}

// Each pattern is anchored and bounded: it looks at a dozen characters at most.
const CHINESE = /^([一二三四五六七八九十百]{1,4}) ?([、.．，,])/;
const PAREN_CHINESE = /^([（(]) ?([一二三四五六七八九十百]{1,4}) ?([）)])(、|\.|．)?/;
const ARABIC = /^([0-9０-９]{1,2}) ?([.．、])(?![0-9０-９])/;
const PAREN_ARABIC = /^([（(]) ?([0-9０-９]{1,2}) ?([）)])(、|\.|．)?/;
const DASH = /^——(?!—)/;
/** 第一章 / 第三节 / 第二十五条 (the numeral may run past 一百 in long 办法). */
const ARTICLE = /^第([一二三四五六七八九十百零〇]{1,6})([章节条])/;
const ARTICLE_KIND = { 章: 'chapter', 节: 'section', 条: 'article' } as const;
/** 1.1 / 2.3.4 (a 预案's lower levels); not a figure such as 2.1% or 1.5亿. */
const DECIMAL = /^([0-9０-９]{1,2})((?:[.．][0-9０-９]{1,2}){1,3})(?![0-9０-９.．%％])/;
/** `1总则`: a 预案's first level written without a dot, on a short line of its own. */
const DECIMAL_TOP = /^([1-9１-９][0-9０-９]?)(?=[ \u3000]{0,3}[\u4e00-\u9fff])/;
/** A figure, not a heading, when a number is followed by one of these (`2.1个百分点`, `3家`, `5年`). */
const MEASURE = /[个万亿千百倍元年月日号次人家项所户吨米亩岁台辆座件天周届篇]/;
/** Words that start a title although their first character is a measure word (`6.1人力资源保障`). */
const TITLE_WORD = /^(人力|人员|人才|人口|人民|人身|年度|项目|次生|家庭|台风|天气|周边|所属|户籍|件数|元素|个人)/;

/** 一百零五 → 105 (articles); smaller numerals as `chineseToNumber`. */
function articleNumber(s: string): number {
  const h = s.indexOf('百');
  if (h < 0) return chineseToNumber(s);
  const hundreds = h === 0 ? 1 : chineseToNumber(s.slice(0, h));
  const rest = s.slice(h + 1).replace(/^[零〇]/, '');
  return hundreds * 100 + (rest ? chineseToNumber(rest.length === 1 && s[h + 1] !== '零' && s[h + 1] !== '〇' ? rest + '十' : rest) : 0);
}

/** A decimal marker is a heading only where a title follows (CJK, not a unit of measure). */
function titleFollows(content: string, at: number): boolean {
  let i = at;
  while (i < content.length && (content[i] === ' ' || content[i] === '\u3000')) i++;
  // A figure's unit follows it directly (`6.1人`); after a space comes a title (`6.1 人力资源保障`).
  const spaced = i > at;
  if ('“《（"'.includes(content[i] ?? 'x')) i++; // 3.2.3　“防灾明白卡”发放
  const c = content.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff && (spaced || !MEASURE.test(content[i]) || TITLE_WORD.test(content.slice(i)));
}

/** The characters a marker can start with: every pattern above is anchored and starts with one of them. */
const MARKER_START = new Set([...'第—（(0123456789０１２３４５６７８９一二三四五六七八九十百'].map((c) => c.charCodeAt(0)));

export function matchMarker(content: string): MarkerMatch | undefined {
  // Most lines (a paragraph's continuation lines) start with none of them: done without a slice or eight patterns.
  if (!MARKER_START.has(content.charCodeAt(0))) return undefined;
  const head = content.slice(0, 16);
  let m: RegExpExecArray | null;
  let kind: MarkerKind;
  let number: number;
  let depth: number | undefined;
  if ((m = ARTICLE.exec(head))) {
    kind = ARTICLE_KIND[m[2] as keyof typeof ARTICLE_KIND];
    number = articleNumber(m[1]);
  } else if ((m = DECIMAL.exec(head)) && titleFollows(content, m[0].length)) {
    kind = 'decimal';
    const parts = asciiDigits(m[0]).split(/[.．]/);
    depth = parts.length;
    number = Number(parts[parts.length - 1]);
    if (Number(parts[0]) === 0) return undefined;
  } else if ((m = PAREN_CHINESE.exec(head))) {
    kind = 'paren-chinese';
    number = chineseToNumber(m[2]);
  } else if ((m = PAREN_ARABIC.exec(head))) {
    kind = 'paren-arabic';
    number = Number(asciiDigits(m[2]));
  } else if ((m = CHINESE.exec(head))) {
    kind = 'chinese';
    number = chineseToNumber(m[1]);
  } else if ((m = ARABIC.exec(head))) {
    kind = 'arabic';
    number = Number(asciiDigits(m[1]));
  } else if ((m = DASH.exec(head))) {
    kind = 'dash';
    number = 0;
  } else if ((m = DECIMAL_TOP.exec(head)) && content.length <= 30 && !/[。，；：,;:]/.test(content) && titleFollows(content, m[0].length)) {
    kind = 'decimal';
    depth = 1;
    number = Number(asciiDigits(m[1]));
  } else return undefined;
  if (Number.isNaN(number)) return undefined;
  let length = m[0].length;
  while (length < head.length && (head[length] === ' ' || head[length] === '\u3000')) length++;
  // A marker with nothing after it is not a heading (e.g. a lone `1.` line).
  if (length >= content.length) return undefined;
  return depth === undefined ? { kind, marker: m[0], number, length } : { kind, marker: m[0], number, depth, length };
}
