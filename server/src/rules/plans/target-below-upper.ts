/**
 * target-below-upper — a target weaker than the strictest parent target for the same metric and
 * year (a lower-level plan may aim higher than its parent, never lower). Parents: upper documents
 * in the workspace and the registry entries the document cites.
 */
import { t } from '../../l10n';
import type { Finding, Rule } from '../types';
import { parentTarget, weaker } from './parent-targets';

export const targetBelowUpper: Rule = {
  id: 'target-below-upper',
  description: '量化目标不低于上级方案同一指标、同一年份的目标',
  defaultSeverity: 'error',
  fixable: false,
  check({ doc, knowledge, workspace }) {
    const out: Finding[] = [];
    for (const target of doc.targets) {
      const parent = parentTarget(target, doc, knowledge.plans, workspace);
      if (!parent || !weaker(target, parent)) continue;
      out.push({
        range: target.range,
        message: t('{0}年“{1}”的目标为{2}{3}{4}，低于上级{5}的{6}。', target.year!, target.metric, target.comparatorText, target.value, target.unit, parent.parent, parent.text),
      });
    }
    return out;
  },
};
