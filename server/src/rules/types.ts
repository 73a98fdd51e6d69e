import type { Range } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';
import type { SeverityName } from '../settings';

/** What a rule reports; the service turns it into a diagnostic with the rule's id and docs link. */
export interface Finding {
  range: Range;
  /** Chinese message (through `t`): names the thing found and what is expected. */
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. information for PDF spaces). */
  severity?: SeverityName;
  /** Replacement text for a certain fix, when the rule knows one (used by later issues). */
  fix?: { range: Range; newText: string; title: string };
}

export interface RuleContext {
  doc: GongwenDocument;
}

/** One check, one file (markdownlint-style metadata). */
export interface Rule {
  id: string;
  /** One line, Chinese, through `t`. */
  description: string;
  defaultSeverity: SeverityName;
  fixable: boolean;
  check(context: RuleContext): Finding[];
}
