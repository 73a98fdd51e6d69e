/**
 * Commands the server executes (`workspace/executeCommand`), each in its own feature file.
 * A command returns data for the client; edits are returned as a WorkspaceEdit for the
 * client to apply, so the user's text only changes through what the user chose.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';
import { RENUMBER_COMMAND, renumberCommand } from './renumber';
import { findUnitTasksCommand } from './unit-tasks';
import { COVERAGE_COMMAND, coverageCommand } from './coverage';
import { DOCUMENT_INFO_COMMAND, documentInfoCommand } from './document-info';
import { EXPORT_DOCX_COMMAND, exportDocxCommand } from './export-docx';
import { PRINT_PREVIEW_COMMAND, printPreviewCommand } from './print-preview';

/** What a command gives back: an edit the server asks the client to apply, and/or data to show. */
export interface CommandResult {
  edit?: WorkspaceEdit;
  data?: unknown;
}

/**
 * Server command ids start with `gongwen.server.` (vscode-languageclient registers them as VS Code
 * commands); the palette commands `gongwen.<name>` in client/src/commands/ pass the active document's uri.
 * Arguments: the document's uri first (resolved by the server), then `args`.
 */
export type CommandHandler = (ctx: FeatureContext, args: unknown[]) => CommandResult;

/** Command id → handler. Issues #3 (renumber), #4 (find a unit's tasks), #5 (coverage) add theirs. */
export const COMMANDS: Record<string, CommandHandler> = {
  [RENUMBER_COMMAND]: renumberCommand,
  'gongwen.server.findUnitTasks': findUnitTasksCommand,
  [COVERAGE_COMMAND]: coverageCommand,
  [DOCUMENT_INFO_COMMAND]: documentInfoCommand,
  [EXPORT_DOCX_COMMAND]: exportDocxCommand,
  [PRINT_PREVIEW_COMMAND]: printPreviewCommand,
};
