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
  /** Length of the marker plus the spaces after it, in UTF-16 units. */
  length: number;
}

// Each pattern is anchored and bounded: it looks at a dozen characters at most.
const CHINESE = /^([一二三四五六七八九十百]{1,4}) ?([、.．，,])/;
const PAREN_CHINESE = /^([（(]) ?([一二三四五六七八九十百]{1,4}) ?([）)])(、|\.|．)?/;
const ARABIC = /^([0-9０-９]{1,2}) ?([.．、])(?![0-9０-９])/;
const PAREN_ARABIC = /^([（(]) ?([0-9０-９]{1,2}) ?([）)])(、|\.|．)?/;
const DASH = /^——(?!—)/;

export function matchMarker(content: string): MarkerMatch | undefined {
  const head = content.slice(0, 16);
  let m: RegExpExecArray | null;
  let kind: MarkerKind;
  let number: number;
  if ((m = PAREN_CHINESE.exec(head))) {
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
  } else return undefined;
  if (Number.isNaN(number)) return undefined;
  let length = m[0].length;
  while (length < head.length && (head[length] === ' ' || head[length] === '\u3000')) length++;
  // A marker with nothing after it is not a heading (e.g. a lone `1.` line).
  if (length >= content.length) return undefined;
  return { kind, marker: m[0], number, length };
}
