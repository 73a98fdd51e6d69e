/** The rule registry: every rule the service runs, in report order. */
import type { Rule } from './types';

export const RULES: readonly Rule[] = [];
