/** `gongwen report DIR` as text: the figures, then one line per plan in tree order. Pure. */
import { t } from '../l10n';
import { summarise } from './summary';
import type { Report } from './types';

export function reportText(report: Report): string {
  const s = summarise(report);
  const lines = [
    t('方案 {0} 份：逾期 {1} 份；目标低于上级 {2} 处、前后不一 {3} 处；上级任务缺失 {4} 项、较弱 {5} 项；无方案的地区 {6} 个。', s.plans, s.late, s.belowParent, s.inconsistent, s.missing, s.weak, s.placesWithoutPlan),
    '',
  ];
  for (const p of report.plans) {
    const place = p.jurisdiction?.name ?? t('（地区不明）');
    const late = p.late ? `  ${t('逾期（期限 {0}）', p.late.deadline)}` : '';
    lines.push(`${p.file}  ${place}  ${p.issued ?? t('（无成文日期）')}  ${t('错误 {0} · 警告 {1}', p.counts.error, p.counts.warning)}${late}`);
  }
  return lines.join('\n') + '\n';
}
