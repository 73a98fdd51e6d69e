/** The rule registry: every rule the service runs, in report order. Each has docs/rules/<id>.md. */
import type { Rule } from './types';
import { headingSequence } from './heading-sequence';
import { headingStyle } from './heading-style';
import { headingCount } from './heading-count';
import { docNumber } from './format/doc-number';
import { dateFormat } from './format/date-format';
import { rangeDash } from './format/range-dash';
import { punctuationWidth } from './format/punctuation-width';
import { numeralZero } from './format/numeral-zero';
import { placeholder } from './format/placeholder';
import { noticeElements } from './format/notice-elements';
import { titleMismatch } from './format/title-mismatch';
import { citationMismatch } from './plans/citation-mismatch';
import { abbreviationUndefined } from './plans/abbreviation-undefined';
import { targetBelowUpper } from './plans/target-below-upper';
import { targetYear } from './plans/target-year';
import { targetConflict } from './plans/target-conflict';
import { unitUnknown } from './units/unit-unknown';
import { unitOutdated } from './units/unit-outdated';
import { unitAlias } from './units/unit-alias';
import { unitLevel } from './units/unit-level';
import { unitDuplicate } from './units/unit-duplicate';
import { unitOrder } from './units/unit-order';
import { responsibilityMissing } from './units/responsibility-missing';
import { confusedWord } from './proofreading/confused-word';
import { numberUsage } from './proofreading/number-usage';
import { punctuationPairs } from './proofreading/punctuation-pairs';
import { repeatedWord } from './proofreading/repeated-word';
import { headingEndMark } from './proofreading/heading-end-mark';
import { titleSpacing } from './proofreading/title-spacing';
import { titleMarksMissing } from './proofreading/title-marks-missing';
import { numberForm } from './proofreading/number-form';
import { attachmentList } from './consistency/attachment-list';
import { contentsMismatch } from './consistency/contents-mismatch';
import { addresseePunctuation } from './consistency/addressee-punctuation';
import { abbreviationConflict } from './consistency/abbreviation-conflict';

export const RULES: readonly Rule[] = [headingSequence, headingStyle, headingCount,
  // issue #3: format checks for issuance (GB/T 9704-2012, GB/T 15834-2011)
  docNumber, dateFormat, rangeDash, punctuationWidth, numeralZero, noticeElements, titleMismatch, placeholder,
  // issue #5: higher-level plans
  citationMismatch, abbreviationUndefined, targetBelowUpper, targetYear, targetConflict,
  // issue #4: responsible units
  unitUnknown, unitOutdated, unitAlias, unitLevel, unitDuplicate, unitOrder, responsibilityMissing,
  // issue #17: proofreading (words, numbers, marks), precision first
  confusedWord, numberUsage, punctuationPairs, repeatedWord, headingEndMark, titleSpacing, titleMarksMissing, numberForm,
  // issue #17: document-internal consistency
  attachmentList, contentsMismatch, addresseePunctuation, abbreviationConflict];
