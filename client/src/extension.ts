/**
 * The VS Code side: starts the language server (dist/server.js over IPC), registers the two
 * commands, the status item and plain-text detection. No checking happens here; the server does it.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerPlainTextDetection } from './detectPlainText';
import { createFindingsItem, createStatusItem } from './statusBar';
import { registerRenumber } from './commands/renumber';
import { registerNewPlan } from './commands/new-plan';
import { registerFindUnitTasks } from './commands/find-unit-tasks';
import { registerCoverage } from './commands/coverage';
import { registerExportDocx } from './commands/export-docx';
import { registerPrintPreview } from './commands/print-preview';
import { registerOpenUpperClause } from './commands/open-upper';
import { registerOpenSample } from './commands/open-sample';
import { OFFICE_SCHEME, registerOffice } from './commands/office';
import { registerReportFolder } from './commands/report-folder';
import { registerRuleDocs, ruleLinkMiddleware } from './ruleDocs';
import { registerSaveProjectConfig, saveProjectConfigMiddleware } from './saveProjectConfig';

const OUTPUT_NAME = '公文 (gongwen)';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(OUTPUT_NAME, { log: true });
  context.subscriptions.push(output);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // stdio, not IPC: over stdio the server writes its publications with lsp/publish-encoder.ts, which keeps
    // the bytes of unchanged diagnostics (a publication on 1 MB: 3.4 → 0.8 ms, issue #18); over IPC Node
    // serialises every message whole.
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'gongwen' },
      { scheme: 'untitled', language: 'gongwen' },
      // The read-only view of a Word/PDF file (commands/office.ts).
      { scheme: OFFICE_SCHEME, language: 'gongwen' },
    ],
    // No `synchronize`: the server registers itself for `gongwen.*` settings and for file changes on
    // disk — gongwen.json, the folder's .txt/.gw/.gongwen documents and gongwen.json's upper files
    // (server/src/lsp/workspace.ts `watchers`) — so a closed upper plan edited outside re-checks the
    // open documents below it. A `fileEvents` watcher here would only report the same files twice.
    outputChannel: output,
    // A rule's link opens its page rendered, not as an editable tab; a quick fix that records a
    // suppression in gongwen.json saves it, so the server reads it at once (issue #20).
    middleware: { ...ruleLinkMiddleware(context.extension.id), ...saveProjectConfigMiddleware() },
    // In Restricted Mode the server reads gongwen.json for its settings only, never the paths it names
    // (issue #14). Evaluated at each start, so the restart after the user grants trust sends true.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
  };
  // The id `gongwen` makes the client read `gongwen.trace.server`.
  const languageClient = new LanguageClient('gongwen', OUTPUT_NAME, serverOptions, clientOptions);
  client = languageClient;

  context.subscriptions.push(
    createStatusItem(languageClient),
    createFindingsItem(languageClient),
    registerPlainTextDetection(output),
    registerRenumber(languageClient),
    registerNewPlan(),
    registerFindUnitTasks(languageClient),
    registerCoverage(languageClient, context),
    registerExportDocx(languageClient),
    registerPrintPreview(languageClient),
    registerOpenUpperClause(),
    registerOpenSample(context),
    registerSaveProjectConfig(languageClient),
    registerOffice(languageClient),
    registerReportFolder(languageClient),
    registerRuleDocs(context, output),
    vscode.commands.registerCommand('gongwen.showOutput', () => output.show(true)),
    // Trust granted: start again, so the paths and files of gongwen.json are read now.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      try {
        if (languageClient.state === State.Running) await languageClient.restart();
      } catch (err) {
        reportStartFailure(output, err);
      }
    }),
    vscode.commands.registerCommand('gongwen.restartServer', async () => {
      try {
        // stop() refuses a client that never came up, so a failed start is retried with start().
        if (languageClient.state === State.Running) await languageClient.restart();
        else await languageClient.start();
        output.info(vscode.l10n.t('公文语言服务器已重启。'));
      } catch (err) {
        reportStartFailure(output, err);
      }
    }),
  );

  try {
    await languageClient.start();
  } catch (err) {
    // Activation still succeeds: the commands stay available, so the user can read the log and retry.
    reportStartFailure(output, err);
  }
}

/** The client has already logged the error and shown a notification with a link to the log; add one Chinese line. */
function reportStartFailure(output: vscode.LogOutputChannel, err: unknown): void {
  output.error(vscode.l10n.t('公文语言服务器启动失败：{0}', err instanceof Error ? err.message : String(err)));
}

export function deactivate(): Thenable<void> | undefined {
  // stop() throws when the client is not running (e.g. it failed to start); nothing to stop then.
  if (!client || client.state !== State.Running) return undefined;
  return client.stop();
}
