/**
 * The numbers of the 通用格式 of GB/T 9704-2012 (§5, §7), in the units WordprocessingML uses:
 * twips (1/20 pt) for lengths, half-points for font sizes, eighths of a point for border widths.
 */

/** 1 mm in twips (1 inch = 25.4 mm = 1440 twips). */
export const MM = 1440 / 25.4;
export const mm = (n: number) => Math.round(n * MM);

/** §5.2.1: A4, 210 mm × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) };
/** §5.2.2: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so the outer margin is 26 mm and the bottom 35 mm). */
export const MARGIN = { top: mm(37), binding: mm(28), outer: mm(210 - 28 - 156), bottom: mm(297 - 37 - 225) };
export const TEXT_WIDTH = mm(156);

/** §5.2.4: 22 lines of 28 characters. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/**
 * The line pitch of the grid: 28.95 pt, what offices' templates set (225 mm / 22 is 28.99 pt; the
 * smaller pitch keeps the 22nd line inside the 版心 after rounding in Word and WPS).
 */
export const LINE_PITCH = 579;

/** Chinese font sizes (字号) in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28 } as const;

/**
 * The character pitch of the grid, as Word's `w:charSpace`: the difference between the pitch and
 * the body font's size (3号, 16 pt), in 1/4096 pt. 156 mm / 28 = 15.79 pt, so about −848.
 */
export const CHAR_SPACE = Math.round((TEXT_WIDTH / 20 / CHARS_PER_LINE - SIZE.三号 / 2) * 4096);

/**
 * The fonts as the standard names them (§7.2.4, §7.3.2, §7.3.3), so that the document renders
 * right on an office PC that has them; elsewhere Word, WPS or LibreOffice substitute.
 */
export const FONT = {
  小标宋: '方正小标宋简体',
  仿宋: '仿宋_GB2312',
  黑体: '黑体',
  楷体: '楷体_GB2312',
  宋体: '宋体',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

/** Colour of the 版头 (发文机关标志 and the separator line), §7.2.4, §7.2.6. */
export const RED = 'FF0000';

/** §7.2.4: the top of the 发文机关标志 is 35 mm below the top of the 版心. */
export const LOGO_TOP = mm(35);
/** §7.2.4: the 发文机关标志 at most 15 mm wide per character and 22 mm high; here 15 mm (≈ 42 pt) per character. */
export const LOGO_SIZE = 84;
/** The 标志's line: exact, 1.25 × its size; the characters stand half the leading below the line's top. */
export const LOGO_LINE = Math.round(LOGO_SIZE * 10 * 1.25);
/** §10.2: the 命令（令）格式's 标志, its top 20 mm below the top of the 版心. */
export const ORDER_LOGO_TOP = mm(20);
/**
 * The space above the 标志's line: its top at the standard's distance below the top of the 版心 (§7.2.4 通用格式
 * and 纪要: 35 mm; §10.2 命令（令）格式: 20 mm), less the half leading of its exact line above the characters.
 * LibreOffice renders the characters' top 20.5 mm below the 版心 for the 令 (test/office/special-check.ts).
 * Until 2026-12-03 the 通用格式 had 35 mm less a line of the grid, and its 标志 stood at 27 mm.
 */
export const logoSpace = (format?: string) => (format === 'order' ? ORDER_LOGO_TOP : LOGO_TOP) - (LOGO_LINE - LOGO_SIZE * 10) / 2;
/** §7.2.6: the red line 4 mm below the 发文字号 (a border's distance is in points, at most 31). */
export const RED_LINE_GAP_PT = 11;
/** The red line's width; the standard fixes no width for it, offices' templates use 1–2.25 pt (eighths of a point). */
export const RED_LINE_SZ = 12;
/** §7.4.1: the first and last 版记 lines 0.35 mm (≈ 1 pt), the middle ones 0.25 mm (≈ 0.75 pt), in eighths of a point. */
export const IMPRINT_LINE = { outer: 8, inner: 6 } as const;
/** §7.5: the page number 7 mm below the 版心: the footer's distance from the page's bottom edge. */
export const FOOTER = mm(297 - 37 - 225 - 7) - SIZE.四号 * 10;
/** One character of 4号 (14 pt), the inset of the page number and of the 版记 lines. */
export const CHAR_4 = SIZE.四号 * 10;
/** One character of 3号 (16 pt). */
export const CHAR_3 = SIZE.三号 * 10;
