/** Writing a heading marker with another number, in the form the drafter used. */
import type { Heading } from './types';
import { numberToChinese } from './numbering';

const CHINESE_NUMERAL = /[一二三四五六七八九十百]+/;
const DIGITS = /[0-9０-９]+/;

export function markerWithNumber(h: Pick<Heading, 'kind' | 'marker'>, n: number): string {
  if (h.kind === 'chinese' || h.kind === 'paren-chinese') return h.marker.replace(CHINESE_NUMERAL, numberToChinese(n));
  if (h.kind === 'arabic' || h.kind === 'paren-arabic') return h.marker.replace(DIGITS, String(n));
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
  }
}
