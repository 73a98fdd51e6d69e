/**
 * The registry of higher-level plans (issue #5): bundled entries from seeds/plans/registry.json
 * plus the user's own (gongwen.json `plans`), and the configured links to upper documents
 * (gongwen.json `upper`, CLI `--upper`). Pure: the adapters read files and pass them in.
 */
import registry from '../../../seeds/plans/registry.json';
import { validateRegistry, type PlanEntry } from './plans/registry';

export type { PlanEntry, PlanLevel, PlanTarget } from './plans/registry';

/**
 * Upper documents named by configuration, as absolute path patterns (`*`, `**`, `?`).
 * `all` applies to every document; `byDocument` only to documents whose path matches `document`.
 */
export interface UpperLinks {
  all: string[];
  byDocument: { document: string; upper: string[] }[];
}

export interface PlanKnowledge {
  entries: readonly PlanEntry[];
  upper: UpperLinks;
}

export const NO_UPPER_LINKS: UpperLinks = { all: [], byDocument: [] };

export function bundledPlans(): PlanKnowledge {
  // The bundled file is checked by test/unit/plans-registry.test.ts; a bad entry would be dropped here.
  return { entries: validateRegistry(registry).entries, upper: NO_UPPER_LINKS };
}
