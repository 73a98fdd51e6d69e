/**
 * heading-count — a sentence that announces how many items follow (`实施5项提升行动`,
 * `稳步推进4项重点工程`) must agree with the number of headings that follow in its section.
 */
import { t } from '../l10n';
import type { Finding, Rule } from './types';

export const headingCount: Rule = {
  id: 'heading-count',
  description: '“实施5项提升行动”等数目与下文标题数一致',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc }) {
    const out: Finding[] = [];
    for (const c of doc.counts) {
      const owner = c.owner;
      if (!owner || owner.children.length === 0) continue;
      const actual = owner.children.length;
      if (actual === c.count) continue;
      out.push({
        range: c.range,
        message: t('“{0}”写有 {1} 项，但本节下列 {2} 项标题。', c.text.replace(/\s+/g, ''), c.count, actual),
        fixes: [{ title: t('改为 {0}', actual), edits: [{ range: c.numberRange, newText: String(actual) }], preferred: true }],
      });
    }
    return out;
  },
};
