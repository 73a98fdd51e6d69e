/**
 * range-dash — a range of years is joined by the 一字线 `—`: `2021—2025年` (GB/T 15834-2011
 * §4.13 连接号). A hyphen, en dash or tilde in its place is reported, and the message says when
 * the same document writes other ranges correctly (a mix of forms).
 */
import { t } from '../../l10n';
import { perBlock, type Finding, type Rule } from '../types';
import { inUrl, joinedEdit, joinedRange } from './joined';
import { matchesIn } from '../../model/text';

/** The marks WRONG accepts between two years. */
const DASH = /[-‐‑–－~～﹣]/;
/** Two plausible years joined by a wrong dash; digits on neither side (not a phone number or date). */
const WRONG = /(?<![0-9０-９])((?:19|20)[0-9]{2})[ \u3000]{0,2}([-‐‑–－~～﹣])[ \u3000]{0,2}((?:19|20)[0-9]{2})(?![0-9０-９])/g;
const RIGHT = /(?<![0-9])(?:19|20)[0-9]{2}[ \u3000]{0,2}—[ \u3000]{0,2}(?:19|20)[0-9]{2}(?![0-9])/;

export const rangeDash: Rule = {
  id: 'range-dash',
  description: '年份范围用一字线“—”连接（2021—2025年）',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    const mixed = doc.blocks.some((b) => perBlock(ctx, b, 'right', () => RIGHT.test(b.text)));
    for (const block of doc.blocks) out.push(...perBlock(ctx, block, mixed ? 'mixed' : '', () => {
      const found: Finding[] = [];
      if (!DASH.test(block.text)) return found; // WRONG needs one (most blocks have none, and a test is cheaper than the scan)
      for (const m of matchesIn(WRONG, block.text)) {
        const from = m.index!;
        if (Number(m[3]) <= Number(m[1]) || inUrl(block.text, from)) continue;
        const dashAt = from + m[0].indexOf(m[2], m[1].length);
        const range = m[0].replace(/[ \u3000]/g, '');
        found.push({
          range: joinedRange(doc, block, from, from + m[0].length),
          message: mixed
            ? t('年份范围“{0}”用了“{1}”，应使用一字线“—”；本文其他处已写作“—”，写法不统一。', range, m[2])
            : t('年份范围“{0}”用了“{1}”，应使用一字线“—”。', range, m[2]),
          fixes: [{ title: t('改为“{0}”', `${m[1]}—${m[3]}`), edits: [joinedEdit(doc, block, dashAt, dashAt + 1, '—')], preferred: true }],
        });
      }
      return found;
    }));
    return out;
  },
};
