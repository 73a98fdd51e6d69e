/** Writing a heading marker with another number, in the form the drafter used. */
import type { Heading } from './types';
import { numberToChinese } from './numbering';

const CHINESE_NUMERAL = /[一二三四五六七八九十百]+/;
const DIGITS = /[0-9０-９]+/;

export function markerWithNumber(h: Pick<Heading, 'kind' | 'marker'>, n: number): string {
  if (h.kind === 'chinese' || h.kind === 'paren-chinese') return h.marker.replace(CHINESE_NUMERAL, numberToChinese(n));
  if (h.kind === 'arabic' || h.kind === 'paren-arabic') return h.marker.replace(DIGITS, String(n));
  // 第三条 → 第四条; 2.3 → 2.4 (the last number of a decimal marker).
  if (h.kind === 'chapter' || h.kind === 'section' || h.kind === 'article') return h.marker.replace(/^第[一二三四五六七八九十百零〇]+/, `第${numberToChinese(n)}`);
  if (h.kind === 'decimal') return h.marker.replace(/[0-9０-９]+$/, String(n));
  return h.marker;
}

/** The standard marker of GB/T 9704-2012 §7.3.3 for a kind and number. */
export function standardMarker(kind: Heading['kind'], n: number, arabicDot = '.'): string {
  switch (kind) {
    case 'chinese':
      return `${numberToChinese(n)}、`;
    case 'paren-chinese':
      return `（${numberToChinese(n)}）`;
    case 'arabic':
      return `${n}${arabicDot}`;
    case 'paren-arabic':
      return `（${n}）`;
    case 'dash':
      return '——';
    case 'chapter':
      return `第${numberToChinese(n)}章`;
    case 'section':
      return `第${numberToChinese(n)}节`;
    case 'article':
      return `第${numberToChinese(n)}条`;
    case 'decimal':
      return String(n);
  }
}
