/**
 * heading-style — markers in the forms of GB/T 9704-2012 §7.3.3: `一、` `（一）` `1.` `（1）`,
 * full-width brackets, no extra punctuation after a bracketed marker, Arabic digits half-width,
 * and one dot form (`1.` or `1．`) throughout a document.
 */
import type { Heading } from '../model/types';
import { asciiDigits } from '../model/numbering';
import { t } from '../l10n';
import type { Finding, Rule } from './types';
import { standardMarker } from '../model/marker-format';

/** Only the plan scheme of §7.3.3 has standard marker forms; 第X条 and 1.1 are written as they are. */
const LEVEL_NAME: Partial<Record<Heading['kind'], string>> = {
  chinese: '一级',
  'paren-chinese': '二级',
  arabic: '三级',
  'paren-arabic': '四级',
  dash: '列项',
};

/** The dot the document mostly uses after Arabic markers; `.` on a tie (the standard's own form). */
function dominantDot(headings: Heading[]): string {
  let ascii = 0;
  let wide = 0;
  for (const h of headings) {
    if (h.kind !== 'arabic') continue;
    if (h.marker.endsWith('．')) wide++;
    else if (h.marker.endsWith('.')) ascii++;
  }
  return wide > ascii ? '．' : '.';
}

export const headingStyle: Rule = {
  id: 'heading-style',
  description: '标题序号写法符合 GB/T 9704-2012（一、（一）1.（1）），全文统一',
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc }) {
    const out: Finding[] = [];
    const dot = dominantDot(doc.allHeadings);
    for (const h of doc.allHeadings) {
      const level = LEVEL_NAME[h.kind];
      if (h.kind === 'dash' || !level) continue;
      const written = h.marker;
      // Keep the document's own dot form when it is consistent; a lone `1、` becomes `1.`.
      const expected = standardMarker(h.kind, h.number, dot);
      if (written === expected) continue;
      const fix = { title: t('改为“{0}”', expected), edits: [{ range: h.markerRange, newText: expected }], preferred: true };
      const isDotVariant = h.kind === 'arabic' && /^[0-9]{1,2}[.．]$/.test(written) && asciiDigits(written) === written;
      const message = isDotVariant
        ? t('本文三级标题序号多写作“{0}”，此处“{1}”与之不一致。', expected, written)
        : t('{0}标题序号应写作“{1}”，此处为“{2}”。', t(level), expected, written);
      out.push({ range: h.markerRange, message, fixes: [fix] });
    }
    return out;
  },
};
