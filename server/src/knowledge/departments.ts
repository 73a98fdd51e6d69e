/** Canonical department lists per jurisdiction (issue #4). Placeholder until that issue lands. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DepartmentKnowledge {}

export function bundledDepartments(): DepartmentKnowledge {
  return {};
}
