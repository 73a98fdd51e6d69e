/**
 * What the service knows besides the document: department lists (issue #4) and the registry of
 * higher-level plans (issue #5). Bundled data is imported (esbuild bundles the JSON); a user's own
 * files are read by the adapters (server, CLI) and passed in, so this stays pure.
 */
import type { DepartmentKnowledge } from './departments';
import type { PlanKnowledge } from './plans';
import type { TemplateSet } from '../drafting/templates';

export interface Knowledge {
  departments: DepartmentKnowledge;
  plans: PlanKnowledge;
  /** Clause templates per genre (issue #6): an office's own sections first, then the bundled ones. */
  templates: TemplateSet[];
}
