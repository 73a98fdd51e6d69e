/**
 * Loading knowledge for the adapters (server, CLI): the bundled lists and registry, plus the
 * user's own files named in gongwen.json. A file that cannot be used gives one warning naming
 * it; the bundled knowledge is kept. This is the only place (with io/*) that reads such files.
 */
import type { Knowledge } from '../knowledge/types';
import { bundledKnowledge } from '../knowledge/index';
import type { ProjectConfig } from '../settings';
import { loadUserDepartments } from './departments';
import { loadUserPlans } from './plans';
import { loadUserTemplates } from './templates';
import { confineProjectPaths } from './paths';

export interface KnowledgeLoad {
  knowledge: Knowledge;
  /** One message per user file that could not be used (file, place, what is wrong). */
  warnings: string[];
}

/**
 * `baseDir`: the folder of gongwen.json; relative paths in it are resolved from there, and a path that
 * leaves it is refused with a warning (io/paths.ts) before anything is read.
 */
export function loadKnowledge(project: ProjectConfig, baseDir: string | undefined): KnowledgeLoad {
  const bundled = bundledKnowledge();
  const { config, warnings } = confineProjectPaths(project, baseDir ?? process.cwd());
  const departments = loadUserDepartments(bundled.departments, config, baseDir, warnings);
  const plans = loadUserPlans(bundled.plans, config, baseDir, warnings);
  const templates = loadUserTemplates(bundled.templates, config, baseDir, warnings);
  return { knowledge: { departments, plans, templates }, warnings };
}
