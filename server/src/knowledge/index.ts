import type { Knowledge } from './types';
import { bundledDepartments } from './departments';
import { bundledPlans } from './plans';
import { bundledTemplates } from '../drafting/templates';

/** The knowledge that ships with the extension, before any user file is added. */
export function bundledKnowledge(): Knowledge {
  return { departments: bundledDepartments(), plans: bundledPlans(), templates: bundledTemplates() };
}
