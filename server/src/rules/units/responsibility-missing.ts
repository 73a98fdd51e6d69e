/**
 * responsibility-missing — a task item without a responsibility clause where its sibling items
 * have one: every task must say who carries it out (the drafters send each unit its tasks).
 */
import type { Heading } from '../../model/types';
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';

export const responsibilityMissing: Rule = {
  id: 'responsibility-missing',
  description: '任务条目缺少责任单位，而同级条目都有',
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc }) {
    const owners = new Set<Heading>();
    const direct = new Set<Heading>();
    for (const r of doc.responsibilities) {
      if (r.owner) direct.add(r.owner);
      for (let h = r.owner; h; h = h.parent) owners.add(h);
    }
    const out: Finding[] = [];
    const parents: Array<readonly Heading[]> = [doc.headings, ...doc.allHeadings.map((h) => h.children)];
    for (const siblings of parents) {
      const withClause = siblings.filter((h) => owners.has(h));
      // Only task items: siblings whose own text carries the clause, at least two and more than half.
      const tasks = siblings.filter((h) => direct.has(h));
      if (tasks.length < 2 || tasks.length * 2 <= siblings.length) continue;
      for (const h of siblings) {
        if (owners.has(h)) continue;
        out.push({
          range: h.range,
          message: t('“{0}{1}”没有责任单位，而同级的 {2} 项中有 {3} 项写明了责任单位。', h.marker, h.title, siblings.length, withClause.length),
        });
      }
    }
    return out;
  },
};
