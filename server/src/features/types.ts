import type { RuleContext } from '../rules/types';

/** What every feature may read: the parsed document, settings, knowledge and the workspace. */
export type FeatureContext = RuleContext;
