/**
 * What the service knows besides the document: department lists (issue #4) and the registry of
 * higher-level plans (issue #5). Bundled data is imported (esbuild bundles the JSON); a user's own
 * files are read by the adapters (server, CLI) and passed in, so this stays pure.
 */
import type { DepartmentKnowledge } from './departments';
import type { PlanKnowledge } from './plans';

export interface Knowledge {
  departments: DepartmentKnowledge;
  plans: PlanKnowledge;
}
