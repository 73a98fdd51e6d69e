/**
 * The quick fixes 在本文件中忽略此项 / 在本文件中关闭规则 (server/src/features/suppressions.ts) edit
 * gongwen.json. VS Code applies a code action's edit to the file's model and leaves it unsaved, so the
 * server (which reads gongwen.json from disk) would not see the suppression until the user saves. The
 * user chose the quick fix that says it records in gongwen.json: the file is saved right after, as VS
 * Code saves the files of a refactoring (`files.refactoring.autoSave`). Undo still takes it back.
 * The server is then told that gongwen.json changed, rather than left to hear it from the file watcher:
 * under load the watcher's event came late or not at all, and the ignored finding stayed in the Problems
 * view (the e2e test of this quick fix failed so, twice). When the watcher's event comes too, the server
 * finds gongwen.json as it already read it and does nothing.
 */
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, State, type LanguageClient, type Middleware } from 'vscode-languageclient/node';

const SAVE_COMMAND = 'gongwen.saveProjectConfig';
const isProjectConfig = (uri: vscode.Uri) => uri.scheme === 'file' && uri.path.endsWith('/gongwen.json');

/** Adds the save to every code action whose edit writes gongwen.json. */
export function saveProjectConfigMiddleware(): Pick<Middleware, 'provideCodeActions'> {
  return {
    async provideCodeActions(document, range, context, token, next) {
      const actions = await next(document, range, context, token);
      for (const action of actions ?? []) {
        if (!(action instanceof vscode.CodeAction) || !action.edit || action.command) continue;
        const configs = action.edit.entries().map(([uri]) => uri).filter(isProjectConfig);
        if (configs.length) action.command = { command: SAVE_COMMAND, title: action.title, arguments: configs.map((u) => u.toString()) };
      }
      return actions;
    },
  };
}

export function registerSaveProjectConfig(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(SAVE_COMMAND, async (...uris: string[]) => {
    for (const uri of uris) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (!doc || !isProjectConfig(doc.uri) || !doc.isDirty || !(await doc.save())) continue;
      if (client.state === State.Running) {
        await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.code2ProtocolConverter.asUri(doc.uri), type: FileChangeType.Changed }] });
      }
    }
  });
}
