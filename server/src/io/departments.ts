/** Issue #4: the user's own department list (gongwen.json `departments`). Placeholder until it lands. */
import type { DepartmentKnowledge } from '../knowledge/departments';
import type { ProjectConfig } from '../settings';

export function loadUserDepartments(bundled: DepartmentKnowledge, _config: ProjectConfig, _baseDir: string | undefined, _warnings: string[]): DepartmentKnowledge {
  return bundled;
}
