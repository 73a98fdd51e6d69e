/**
 * target-conflict — one metric and year stated with two different values in one document: after an
 * edit in one place the other is left behind, and readers cannot tell which holds.
 *
 * The wording does not matter (达到, 超过, 提高到, 不低于, 15%以上 are one figure each), and a stretch
 * figure beside a floor is the common style, not a conflict: `确保达到15%，力争达到17%` states both ends
 * of one target. So each statement is a floor (确保, 保证, 不低于, 不少于, and a plain 达到 …) or a stretch
 * (力争, 争取, 努力, and a plain 达到 whose value the document also gives as a stretch figure). Two
 * floors or two stretches with different values conflict; a stretch conflicts with a floor only when
 * it is lower.
 */
import { t } from '../../l10n';
import type { Target } from '../../model/types';
import { metricKey } from '../../knowledge/plans/titles';
import type { Finding, Rule } from '../types';

type Kind = 'floor' | 'stretch';

const STRETCH = /^(力争|争取|努力)/;
const FLOOR = /^(确保|保证|不低于|不少于)/;

const keyOf = (target: Target) => `${metricKey(target.metric)}|${target.year}|${target.unit}`;

function kindOf(target: Target, stretchValues: ReadonlySet<number> | undefined): Kind {
  if (STRETCH.test(target.comparatorText)) return 'stretch';
  if (FLOOR.test(target.comparatorText)) return 'floor';
  // A plain 达到17% beside 力争达到17% restates the stretch figure; otherwise it is what the plan commits to.
  return stretchValues?.has(target.value) ? 'stretch' : 'floor';
}

/** The figure as the document words it: 力争达到17%, 15%以上. */
function statedAs(x: Target): string {
  return x.comparatorText === '以上' ? `${x.value}${x.unit}以上` : `${x.comparatorText}${x.value}${x.unit}`;
}

interface Statement {
  target: Target;
  kind: Kind;
}

/** Undefined when the two can stand together; else what is wrong with the later one. */
function conflict(earlier: Statement, later: Statement): 'value' | 'stretch-below-floor' | undefined {
  if (earlier.target.value === later.target.value) return undefined;
  if (earlier.kind === later.kind) return 'value';
  const stretch = earlier.kind === 'stretch' ? earlier.target : later.target;
  const floor = earlier.kind === 'floor' ? earlier.target : later.target;
  return stretch.value > floor.value ? undefined : 'stretch-below-floor';
}

export const targetConflict: Rule = {
  id: 'target-conflict',
  description: '同一指标、同一年份的目标在文中只有一个值',
  defaultSeverity: 'error',
  fixable: false,
  check({ doc }) {
    const stated = doc.targets.filter((x) => x.year !== undefined);
    const stretchValues = new Map<string, Set<number>>();
    for (const target of stated) {
      if (!STRETCH.test(target.comparatorText)) continue;
      const key = keyOf(target);
      if (!stretchValues.has(key)) stretchValues.set(key, new Set());
      stretchValues.get(key)!.add(target.value);
    }
    const earlier = new Map<string, Statement[]>();
    const out: Finding[] = [];
    for (const target of stated) {
      const key = keyOf(target);
      const statement: Statement = { target, kind: kindOf(target, stretchValues.get(key)) };
      const before = earlier.get(key) ?? [];
      for (const e of before) {
        const wrong = conflict(e, statement);
        if (!wrong) continue;
        const x = e.target;
        out.push({
          range: target.range,
          message: wrong === 'value'
            ? t('{0}年“{1}”此处为{2}，与第 {3} 行的{4}不一致。', target.year!, target.metric, statedAs(target), x.range.start.line + 1, statedAs(x))
            : t('{0}年“{1}”的力争目标应高于确保目标：此处为{2}，第 {3} 行为{4}。', target.year!, target.metric, statedAs(target), x.range.start.line + 1, statedAs(x)),
        });
        break;
      }
      before.push(statement);
      earlier.set(key, before);
    }
    return out;
  },
};
