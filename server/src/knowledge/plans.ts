/** The registry of higher-level plans (issue #5). Placeholder until that issue lands. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PlanKnowledge {}

export function bundledPlans(): PlanKnowledge {
  return {};
}
