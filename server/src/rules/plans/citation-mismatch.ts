/**
 * citation-mismatch — a cited title or 文号 that contradicts the plan registry: the wrong 文号 for a
 * registered title, a 文号 cited with another document's title, or a title that names a registered
 * document with the wrong kind of 纲要 (2006 计划纲要 / 2021 规划纲要) or the wrong years.
 */
import { t } from '../../l10n';
import type { Citation } from '../../model/types';
import type { PlanEntry } from '../../knowledge/plans';
import { titleNames } from '../../knowledge/plans/documents';
import { normaliseDocNumber, normaliseTitle, titleCore } from '../../knowledge/plans/titles';
import type { Finding, Rule } from '../types';

/** The registered entry a title most likely means: same core, then the same 计划/规划 word, then the nearest years. */
function nearest(title: string, entries: readonly PlanEntry[]): PlanEntry | undefined {
  const core = titleCore(title);
  const kind = /(计划|规划)纲要/.exec(title)?.[1];
  const years = (s: string) => (s.match(/\d{4}/g) ?? []).map(Number);
  const mine = years(title);
  let best: PlanEntry | undefined;
  let bestScore = -Infinity;
  for (const e of entries) {
    const et = normaliseTitle(e.title);
    if (titleCore(et) !== core) continue;
    const theirs = years(et);
    const overlap = mine.filter((y) => theirs.includes(y)).length;
    const score = (kind && et.includes(`${kind}纲要`) ? 2 : 0) + overlap;
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}

function retitle(c: Citation, e: PlanEntry) {
  return [{ title: t('改为《{0}》', e.title), edits: [{ range: c.range, newText: `《${e.title}》` }] }];
}

export const citationMismatch: Rule = {
  id: 'citation-mismatch',
  description: '引用的文件标题、文号与上级方案登记表一致',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, knowledge }) {
    const entries = knowledge.plans.entries;
    const out: Finding[] = [];
    for (const c of doc.citations) {
      const title = normaliseTitle(c.title);
      const byTitle = entries.filter((e) => titleNames(title, e));
      const number = c.docNumber && normaliseDocNumber(c.docNumber.text);
      const byNumber = number ? entries.filter((e) => e.docNumber && normaliseDocNumber(e.docNumber) === number) : [];
      if (c.docNumber && number) {
        const named = byTitle.find((e) => e.docNumber);
        if (byNumber.length && !byNumber.some((e) => byTitle.includes(e))) {
          const e = byNumber[0];
          if (named) {
            out.push({
              range: c.docNumber.range,
              message: t('《{0}》的文号应为 {1}；{2} 是《{3}》的文号。', named.title, named.docNumber!, number, e.title),
              fixes: [{ title: t('改为 {0}', named.docNumber!), edits: [{ range: c.docNumber.range, newText: named.docNumber! }] }],
            });
          } else {
            out.push({ range: c.range, message: t('文号 {0} 是《{1}》的文号，引用的标题《{2}》与之不符。', number, e.title, title), fixes: retitle(c, e) });
          }
          continue;
        }
        if (!byNumber.length && named) {
          out.push({
            range: c.docNumber.range,
            message: t('《{0}》的文号应为 {1}，而不是 {2}。', named.title, named.docNumber!, number),
            fixes: [{ title: t('改为 {0}', named.docNumber!), edits: [{ range: c.docNumber.range, newText: named.docNumber! }] }],
          });
          continue;
        }
      }
      if (byTitle.length || byNumber.length) continue;
      const e = nearest(title, entries);
      if (!e) continue;
      out.push({
        range: c.range,
        message: e.docNumber
          ? t('引用的《{0}》与登记的《{1}》（{2}）不符：请核对“计划纲要/规划纲要”和年份。', title, e.title, e.docNumber)
          : t('引用的《{0}》与登记的《{1}》不符：请核对“计划纲要/规划纲要”和年份。', title, e.title),
        fixes: retitle(c, e),
      });
    }
    return out;
  },
};
