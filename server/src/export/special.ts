/**
 * The special formats of GB/T 9704-2012 §10, their distinctive parts (issue #16):
 *
 * - 信函格式 (§10.1), for a 函: the 发文机关标志 is the issuer's full name, its top 30 mm from the top of
 *   the page, a red double line (upper thick, lower thin) 4 mm under it and another (upper thin, lower
 *   thick) 20 mm from the bottom, both 170 mm long; the 发文字号 flush right under the first line; no
 *   page number on the first page; the 版记 without its lines and without the 印发 line.
 * - 命令（令）格式 (§10.2): the 标志 is the issuer's full name and 令; the 令号 centred two lines under it;
 *   no red line.
 * - 纪要格式 (§10.3): the 标志 `××××纪要`; the 出席/列席/请假 lines with their labels in 黑体.
 *
 * How a document says its format: its genre (函 → letter, 命令 → order, 纪要 → minutes), unless the
 * user says otherwise (`--format`, `ExportOptions.format`).
 */
import type { GongwenDocument } from '../model/types';
import type { Piece } from './content';
import { FONT, mm, RED, TEXT_WIDTH } from './layout';
import { logoScale, NS, paragraph, run } from './wordml';
import { ATTENDANCE } from '../model/shapes';

export type ExportFormat = 'general' | 'letter' | 'order' | 'minutes';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['general', 'letter', 'order', 'minutes'];

export function formatOf(doc: GongwenDocument): ExportFormat {
  switch (doc.genre?.genre) {
    case '函':
      return 'letter';
    case '命令':
      return 'order';
    case '纪要':
      return 'minutes';
    default:
      return 'general';
  }
}


const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The pieces of the 通用格式 changed into those of `format` (content.ts gives the 通用格式's). */
export function specialPieces(pieces: Piece[], doc: GongwenDocument, format: ExportFormat): Piece[] {
  if (format === 'general') return pieces;
  const issuer = () => {
    const sign = doc.notice.发文机关署名 ? squeeze(doc.notice.发文机关署名.text).split(/\n/)[0] : '';
    const logo = doc.notice.发文机关标志 ? squeeze(doc.notice.发文机关标志.text).replace(/文件$/, '') : '';
    return logo || sign;
  };
  const minutesTitle = format === 'minutes' && doc.notice.标题 ? squeeze(doc.notice.标题.text) : '';
  return pieces.flatMap((p): Piece[] => {
    // A 令 has no title (§10.2): no placeholder for one; a 纪要 whose title is its 标志 does not print it twice.
    if (p.kind === 'title' && ((format === 'order' && p.placeholder) || (minutesTitle && p.text === minutesTitle && /纪要$/.test(minutesTitle) && minutesTitle.length <= 16))) return [];
    if (p.kind === 'logo' && !p.placeholder) {
      if (format === 'letter') return [{ ...p, text: issuer() || p.text.replace(/文件$/, ''), format }];
      if (format === 'order') {
        const agency = doc.notice.发文字号?.agency ?? '';
        return [{ ...p, text: agency.endsWith('令') ? agency : `${issuer() || p.text.replace(/文件$/, '')}令`, format }];
      }
      const title = doc.notice.标题 ? squeeze(doc.notice.标题.text) : '';
      return [{ ...p, text: /纪要$/.test(title) && title.length <= 16 ? title : `${issuer() || p.text.replace(/文件$/, '')}纪要`, format }];
    }
    if (p.kind === 'doc-number') {
      if (format === 'order') {
        // The 令号: `第52号` as the 版头 wrote it after the 标志.
        const serial = doc.notice.发文字号?.serial;
        return [{ ...p, text: serial ? `第${serial}号` : p.text, format }];
      }
      return [{ ...p, format }];
    }
    if (p.kind === 'paragraph' && format === 'minutes' && ATTENDANCE.test(p.text)) return [{ kind: 'attendance', text: p.text }];
    if (p.kind === 'imprint' && format === 'letter') return [{ ...p, printer: undefined, printed: undefined, format }];
    return [p];
  });
}

/** A red double line 170 mm long, centred on the 版心 (7 mm past each side), as a paragraph border. */
const doubleLine = (side: 'top' | 'bottom', style: 'thickThinSmallGap' | 'thinThickSmallGap', space = 1) => ({
  border: `<w:${side} w:val="${style}" w:sz="24" w:space="${space}" w:color="${RED}"/>`,
  indent: Math.round((mm(170) - TEXT_WIDTH) / 2),
});

/** The 信函格式's first-page header: the 标志 30 mm from the top of the page and the double line 4 mm under it. */
export function letterHeaderXml(logo: string): string {
  // 4 mm under the characters: the line's box ends 1.2 mm under them (1.2 × the size, exact), the border 6 pt further.
  const line = doubleLine('bottom', 'thickThinSmallGap', 6);
  const p = paragraph(run(logo, { font: FONT.小标宋, size: LETTER_LOGO_SIZE, color: RED, scale: logoScale(logo, LETTER_LOGO_SIZE) }), { align: 'center', grid: false, line: LETTER_LOGO_LINE, border: line.border, leftTwips: -line.indent, rightTwips: -line.indent, after: mm(4) });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}>${p}</w:hdr>`;
}

/**
 * The 信函格式's first-page footer: no page number, the lower double line (upper thin, lower thick) as
 * the border of an empty 1 pt paragraph at the footer's distance from the bottom, LETTER_FOOTER (the
 * other pages' numbers, which share it, stand higher by the space under them: docx.ts).
 */
export function letterFooterXml(): string {
  const line = doubleLine('bottom', 'thinThickSmallGap');
  const p = paragraph('', { align: 'center', grid: false, line: 20, border: line.border, leftTwips: -line.indent, rightTwips: -line.indent });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NS}>${p}</w:ftr>`;
}

/** The 信函's 标志 in half-points (36 pt: the standard fixes no size), on an exact line of 1.2 × it. */
const LETTER_LOGO_SIZE = 72;
const LETTER_LOGO_LINE = Math.round(LETTER_LOGO_SIZE * 10 * 1.2);
/**
 * §10.1: the 标志's top 30 mm from the top of the page: the first header's distance, less the half leading
 * of its exact line above the characters (LibreOffice renders the top 30.1 mm from the edge; special-check.ts).
 */
export const LETTER_HEADER = mm(30) - (LETTER_LOGO_LINE - LETTER_LOGO_SIZE * 10) / 2;
/** §10.1: the lower double line 20 mm from the bottom of the page: the footers' distance in a 信函. */
export const LETTER_FOOTER = mm(20);
