import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Block, GongwenDocument } from '../model/types';
import type { GongwenSettings, SeverityName } from '../settings';
import type { Knowledge } from '../knowledge/types';
import type { WorkspaceDocs } from '../workspace';

/** An edit the user may choose (quick fix, fix-all, `lint --fix`). */
export interface Fix {
  /** Chinese title shown in the light-bulb menu, through `t`. */
  title: string;
  edits: TextEdit[];
  /**
   * The one obvious fix (`isPreferred`); only certain fixes are applied by `lint --fix`, formatting
   * and fix-all. Certain means it edits only inside its finding's range (an insertion at either end
   * counts) and cannot be wrong; the service drops the mark from a fix that edits elsewhere.
   */
  preferred?: boolean;
  /**
   * The edit reaches beyond what the finding names (renumbering a level): the editor shows it for
   * confirmation before applying (a change annotation with `needsConfirmation`). Never preferred.
   */
  preview?: boolean;
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
  /**
   * For a rule that works block by block: `compute()` gives what the rule finds in (or needs from)
   * one block, and it is taken over from the document's previous version when the block's source
   * text is unchanged — ranges moved to where the block now stands. `compute` may read only the
   * block and what `key` names (e.g. a document-wide flag it depends on), never the workspace; its
   * result must be plain data (findings, flags, spans). Absent, or without a previous version (CLI,
   * first open), `compute` just runs: call it through `perBlock`.
   */
  remember?<T>(block: Block, key: string, compute: () => T): T;
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

/** What a rule computes for one block, through the context's memo when there is one (see `RuleContext.remember`). */
export function perBlock<T>(ctx: RuleContext, block: Block, key: string, compute: () => T): T {
  return ctx.remember ? ctx.remember(block, key, compute) : compute();
}
