/**
 * The user's own department list (gongwen.json `departments`, a path relative to gongwen.json),
 * in the format of the bundled lists. It replaces the bundled list of its jurisdiction, or extends
 * it (`"mode": "extend"`). A list that cannot be used gives one warning (file, line, what is
 * wrong) and the bundled knowledge stays.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withUserList, type DepartmentKnowledge } from '../knowledge/departments';
import { parseDepartmentList } from '../knowledge/departments/validate';
import type { ProjectConfig } from '../settings';
import { t } from '../l10n';

export function loadUserDepartments(bundled: DepartmentKnowledge, config: ProjectConfig, baseDir: string | undefined, warnings: string[]): DepartmentKnowledge {
  if (!config.departments) return bundled;
  const file = path.resolve(baseDir ?? process.cwd(), config.departments);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    warnings.push(t('{0}：无法读取责任单位名录（{1}）；继续使用内置责任单位名录。', file, (err as NodeJS.ErrnoException).code ?? String(err)));
    return bundled;
  }
  const parsed = parseDepartmentList(text, file);
  if (!parsed.list) {
    warnings.push(parsed.error ?? file);
    return bundled;
  }
  return withUserList(bundled, parsed.list);
}
