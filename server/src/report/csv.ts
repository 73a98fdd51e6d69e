/**
 * The targets table as CSV for spreadsheet users: one row per indicator, one column per plan, with a
 * UTF-8 byte-order mark so that Excel reads the Chinese right. Pure.
 */
import { t } from '../l10n';
import type { Report } from './types';

const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function targetsCsv(report: Report): string {
  const { indicators, columns, cells } = report.targets;
  const names = new Map(report.plans.map((p) => [p.file, p.jurisdiction?.name ?? p.file]));
  const rows = [[t('指标'), t('年份'), ...columns.map((c) => names.get(c) ?? c)]];
  for (const i of indicators) {
    const row = [i.metric, String(i.year)];
    for (const c of columns) {
      const cell = cells.find((x) => x.indicator === i.id && x.file === c);
      const marks = [cell?.belowParent ? t('低于上级') : '', cell?.inconsistent ? t('前后不一') : ''].filter(Boolean).join('、');
      row.push(cell ? `${cell.value}${i.unit}${marks ? `（${marks}）` : ''}` : '');
    }
    rows.push(row);
  }
  return '\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
