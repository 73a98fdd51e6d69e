/**
 * Commands the server executes (`workspace/executeCommand`), each in its own feature file.
 * A command returns data for the client; edits are returned as a WorkspaceEdit for the
 * client to apply, so the user's text only changes through what the user chose.
 */
import type { FeatureContext } from './types';

export type CommandHandler = (ctx: FeatureContext, args: unknown[]) => unknown;

/** Command id → handler. Issues #3 (renumber), #4 (find a unit's tasks), #5 (coverage) add theirs. */
export const COMMANDS: Record<string, CommandHandler> = {};
