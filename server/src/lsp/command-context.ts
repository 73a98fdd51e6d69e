/** What a command of the server process itself (lsp/read-office.ts `LSP_COMMANDS`) is given besides its arguments. */
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { LanguageService } from '../service';

export interface CommandContext {
  /** The server's language service (the annotated copy checks the file with it). */
  service: LanguageService;
  token: CancellationToken;
  progress: WorkDoneProgressReporter;
  /** False in Restricted Mode. */
  trusted: boolean;
  /** The folder of the workspace's gongwen.json. */
  projectDir?: string;
}
