/** Issue #5: the user's own plan-registry entries. Placeholder until it lands. */
import type { PlanKnowledge } from '../knowledge/plans';
import type { ProjectConfig } from '../settings';

export function loadUserPlans(bundled: PlanKnowledge, _config: ProjectConfig, _baseDir: string | undefined, _warnings: string[]): PlanKnowledge {
  return bundled;
}
