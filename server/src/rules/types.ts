import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';
import type { GongwenSettings, SeverityName } from '../settings';
import type { Knowledge } from '../knowledge/types';
import type { WorkspaceDocs } from '../workspace';

/** An edit the user may choose (quick fix, fix-all, `lint --fix`). */
export interface Fix {
  /** Chinese title shown in the light-bulb menu, through `t`. */
  title: string;
  edits: TextEdit[];
  /** The one obvious fix (`isPreferred`); only certain fixes are applied by `lint --fix` and formatting. */
  preferred?: boolean;
}

/** What a rule reports; the service turns it into a diagnostic with the rule's id and docs link. */
export interface Finding {
  range: Range;
  /** Chinese message (through `t`): names the thing found and what is expected. */
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. information for PDF spaces). */
  severity?: SeverityName;
  /** Possible fixes; a `preferred` one is certain. */
  fixes?: Fix[];
}

export interface RuleContext {
  doc: GongwenDocument;
  settings: GongwenSettings;
  knowledge: Knowledge;
  /** Other documents of the workspace (upper plans …); empty in the CLI unless given. */
  workspace: WorkspaceDocs;
}

/** One check, one file (markdownlint-style metadata). */
export interface Rule {
  id: string;
  /** One line, Chinese (metadata; the docs page has the English). */
  description: string;
  defaultSeverity: SeverityName;
  fixable: boolean;
  check(context: RuleContext): Finding[];
}
