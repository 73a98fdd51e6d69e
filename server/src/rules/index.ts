/** The rule registry: every rule the service runs, in report order. Each has docs/rules/<id>.md. */
import type { Rule } from './types';
import { headingSequence } from './heading-sequence';
import { headingStyle } from './heading-style';
import { headingCount } from './heading-count';

export const RULES: readonly Rule[] = [headingSequence, headingStyle, headingCount];
