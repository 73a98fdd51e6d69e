/**
 * The LSP adapter: transport, document sync and settings around the pure language service
 * (service.ts). Handlers find the document, call the service and return; no analysis here.
 * The transport (`--stdio` / `--node-ipc` / `--socket`) comes from argv (lsp/connection.ts).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createLanguageService, type Logger } from './service';
import type { GongwenDocument } from './model/types';
import type { CommandResult } from './features/commands';
import { guard } from './lsp/guard';
import { CONFIG_SECTION, createSettingsSource, isProjectConfig, PROJECT_CONFIG_FILE, type SettingsSource } from './lsp/settings';
import { createAnalyses, createValidator } from './lsp/validation';
import { createEditTracker } from './lsp/edits';
import { createServerConnection } from './lsp/connection';
import { createClientEdits } from './lsp/client-edits';
import { openDocumentsWorkspace, watcherRegistration, watchers } from './lsp/workspace';
import { LSP_COMMANDS } from './lsp/read-office';
import { loadKnowledge } from './io/knowledge';

const connection = createServerConnection();
// Each change's range is noted on the way in, so the incremental parse knows where to start.
const edits = createEditTracker();
const documents = new TextDocuments(edits.documents);
const clientEdits = createClientEdits((uri) => documents.get(uri)?.version);
const logger: Logger = {
  info: (message) => connection.console.info(message),
  warn: (message) => connection.console.warn(message),
  error: (message) => connection.console.error(message),
};
// The bundle runs from dist/; the rule pages ship beside it in docs/rules/.
const docsBase = pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href + '/';
// The workspace also holds closed documents of the folder and the upper files of gongwen.json (issue #5).
const workspaceFolder = () => ({ root: settings?.project().dir, upper: service.knowledge.plans.upper });
const folderDocs = openDocumentsWorkspace(documents, () => analyses, workspaceFolder, warn, () => recheckAll());
const service = createLanguageService({ docsBase, logger, workspace: folderDocs });
const analyses = createAnalyses(service, edits);

let settings: SettingsSource | undefined;
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));
let registerDynamically = { configuration: false, watchedFiles: false, relativePatterns: false, codeLensRefresh: false };

const validator = createValidator({
  documents,
  ready: () => ready,
  diagnose: (document) => service.diagnostics(analyses.get(document)),
  prepare: (document) => void service.diagnostics(analyses.get(document)),
  publish: (params) => void connection.sendDiagnostics(params),
  logError: logger.error,
});

// A notification, not window/showMessageRequest: some clients turn a request into a blocking prompt.
function warn(message: string): void {
  logger.warn(message);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

connection.onInitialize((params): InitializeResult => {
  settings = createSettingsSource(params, {
    pull: (section) => connection.workspace.getConfiguration(section),
    warn,
    logError: logger.error,
  });
  const workspace = params.capabilities.workspace;
  registerDynamically = {
    configuration: settings.canPull && workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    codeLensRefresh: workspace?.codeLens?.refreshSupport === true,
  };
  clientEdits.configure(params.capabilities);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      documentFormattingProvider: true,
      // 、 and （ start the next unit name; ： follows 责任单位 (issue #4).
      completionProvider: { triggerCharacters: ['、', '（', '：'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      executeCommandProvider: { commands: [...service.commands.map((c) => `${c}`), ...Object.keys(LSP_COMMANDS)] },
    },
    serverInfo: { name: 'gongwen' },
  };
});

connection.onInitialized(async () => {
  try {
    if (registerDynamically.configuration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
    }
    await settings?.loadEditor();
    settings?.loadProject();
    applySettings();
  } catch (err) {
    logger.error(`initialized failed: ${(err as Error)?.stack ?? String(err)}`);
  } finally {
    markReady(); // even after a failure: defaults beat a server that never validates
    // Watched after the settings are read (the upper files come from gongwen.json), even after a failure.
    await watchFiles().catch((err: unknown) => logger.error(`file watchers failed: ${(err as Error)?.stack ?? String(err)}`));
  }
});

function applySettings(): void {
  if (!settings) return;
  const { config, dir } = settings.project();
  const { knowledge, warnings } = loadKnowledge(config, dir);
  settings.tell(warnings); // each once until gongwen.json changes, not again on every settings change
  service.configure(settings.current(), knowledge, settings.suppressions());
  analyses.clear();
}

/**
 * Ask the client to report changes of gongwen.json, of the folder's documents and of the upper files
 * gongwen.json names (they may lie outside the folder): a closed upper plan changed on disk moves the
 * findings of the open documents below it. Registered again when the upper files change.
 */
const registerWatchers = watcherRegistration((list) =>
  connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: list }).catch((err: unknown) => {
    logger.error(`file watcher registration failed: ${(err as Error)?.stack ?? String(err)}`);
    return undefined;
  }),
);
async function watchFiles(): Promise<void> {
  if (registerDynamically.watchedFiles) await registerWatchers(watchers(PROJECT_CONFIG_FILE, workspaceFolder(), registerDynamically.relativePatterns));
}

function revalidateAll(): void {
  for (const document of documents.all()) void validator.validate(document.uri);
}

/** A closed file read anew (on disk, or in the background): open documents parsed (a version keeps its upper links) and checked, lenses asked for again. */
function recheckAll(): void {
  service.forgetFindings();
  analyses.clear();
  revalidateAll();
  if (registerDynamically.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

connection.onDidChangeConfiguration(
  guard('didChangeConfiguration', undefined, async (params) => {
    await ready;
    await settings?.loadEditor(params.settings);
    applySettings();
    revalidateAll();
  }, logger.error),
);

connection.onDidChangeWatchedFiles(
  guard('didChangeWatchedFiles', undefined, async (params) => {
    await ready;
    let recheck = false;
    if (params.changes.some((change) => isProjectConfig(change.uri)) && settings?.loadProject()) {
      applySettings();
      await watchFiles();
      recheck = true;
    }
    // A closed document of the workspace changed, appeared or went on disk (an upper plan the open
    // documents are compared with): read it again when asked, and check the open documents again.
    const files = params.changes.filter((change) => !isProjectConfig(change.uri)).map((change) => change.uri);
    if (files.length && folderDocs.refresh(files)) return recheckAll();
    if (recheck) revalidateAll();
  }, logger.error),
);

// A change can move other documents' findings too (a target checked against an edited upper plan),
// so every open document is checked again after the pause; each is parsed only when its own text changed.
documents.onDidChangeContent((event) => {
  service.forgetFindings();
  for (const document of documents.all()) validator.schedule(document.uri);
  // Parse now, the rules after the pause: the parse is incremental from the version just before (a few
  // milliseconds even on 1 MB), so keeping up keystroke by keystroke leaves only the checks for later.
  try {
    analyses.get(event.document);
  } catch (err) {
    logger.error(`parse failed for ${event.document.uri}: ${(err as Error)?.stack ?? String(err)}`);
  }
});
documents.onDidClose((event) => {
  const { uri } = event.document;
  validator.cancel(uri);
  analyses.forget(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

/** The parsed document for an open uri; undefined for a uri the editor never opened. */
function parsed(uri: string) {
  const document = documents.get(uri);
  return document && analyses.get(document);
}

/** A request about one open document, after the configuration is read (issue #20); unknown uris and throwing handlers answer with `fallback`. */
function onDocument<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, run: (doc: GongwenDocument, params: P) => R) {
  return guard(name, fallback, async (params: P) => {
    await ready;
    const doc = parsed(params.textDocument.uri);
    return doc ? run(doc, params) : fallback;
  }, logger.error);
}

connection.onDocumentSymbol(onDocument('documentSymbol', [], (doc) => service.documentSymbols(doc)));
connection.onFoldingRanges(onDocument('foldingRange', [], (doc) => service.foldingRanges(doc)));
connection.onCodeAction(onDocument('codeAction', [], (doc, p) => clientEdits.actions(service.codeActions(doc, p.range, p.context.only))));
connection.onDocumentFormatting(onDocument('formatting', [], (doc) => service.certainEdits(doc)));
connection.onCompletion(onDocument('completion', [], (doc, p) => service.completion(doc, p.position)));
connection.onHover(onDocument('hover', null, (doc, p) => service.hover(doc, p.position)));
connection.onDefinition(onDocument('definition', [], (doc, p) => service.definition(doc, p.position)));
connection.onReferences(onDocument('references', [], (doc, p) => service.references(doc, p.position)));
connection.onCodeLens(onDocument('codeLens', [], (doc) => service.codeLenses(doc)));
connection.onWorkspaceSymbol(guard('workspaceSymbol', [], async ({ query }) => (await ready, service.workspaceSymbols(query)), logger.error));

// Commands take the document's uri as their first argument; the server's own (reading a Word/PDF file) a file's.
connection.onExecuteCommand(
  guard('executeCommand', null, async ({ command, arguments: args = [] }, token, workDone) => {
    await ready;
    if (Object.hasOwn(LSP_COMMANDS, command)) return LSP_COMMANDS[command](args, { service, token, progress: workDone, trusted: settings?.trusted !== false, projectDir: settings?.project().dir });
    const doc = typeof args[0] === 'string' ? parsed(args[0]) : undefined;
    if (!doc) return null;
    const result = service.executeCommand(command, doc, args.slice(1)) as CommandResult | undefined;
    // The user chose the command, so its edit is applied (previewed first when it asks); the client shows it in its undo stack.
    if (result?.edit) void connection.workspace.applyEdit({ label: command, edit: clientEdits.edit(result.edit) });
    return result ?? null;
  }, logger.error),
);

connection.onShutdown(() => validator.cancelAll());
documents.listen(connection);
connection.listen();
