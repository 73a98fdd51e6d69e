/**
 * Chinese numerals as used in heading markers (一 … 十 … 九十九) and years (二〇二五).
 * GB/T 9704-2012 §7.3.3 numbers the first two heading levels with Chinese numerals.
 */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99, 一百 → 100; NaN when not a numeral we read. */
export function chineseToNumber(s: string): number {
  if (s.length === 0 || s.length > 4) return NaN;
  if (s === '一百') return 100;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in DIGITS ? DIGITS[s] : NaN;
  const before = s.slice(0, ten);
  const after = s.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 && DIGITS[before] > 0 ? DIGITS[before] : NaN;
  const units = after === '' ? 0 : after.length === 1 && DIGITS[after] > 0 ? DIGITS[after] : NaN;
  return tens * 10 + units;
}

const NAMES = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1–100). */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 100) return String(n);
  if (n === 100) return '一百';
  if (n < 10) return NAMES[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens === 1 ? '' : NAMES[tens]) + '十' + (units ? NAMES[units] : '');
}

/** Full-width digits ０-９ to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}
