/**
 * `gongwen.findUnitTasks` (palette: 公文：查找责任单位): asks for a unit (the selection, or the
 * word under the cursor, as default), asks the server which task items name it
 * (server/src/features/unit-tasks.ts) and lists them; choosing one reveals it.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export const FIND_UNIT_TASKS_SERVER_COMMAND = 'gongwen.server.findUnitTasks';

interface UnitTask {
  uri: string;
  unit: string;
  path: string[];
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  unitRange: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export function registerFindUnitTasks(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerTextEditorCommand('gongwen.findUnitTasks', async (editor) => {
    const selected = editor.document.getText(editor.selection).trim();
    const wordRange = editor.document.getWordRangeAtPosition(editor.selection.active, /[^、，,（）()：:\s。；]+/);
    const guess = selected || (wordRange ? editor.document.getText(wordRange) : '');
    const name = await vscode.window.showInputBox({ prompt: vscode.l10n.t('要查找哪个责任单位的任务？'), value: guess });
    if (!name) return;
    const result = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: FIND_UNIT_TASKS_SERVER_COMMAND,
      arguments: [editor.document.uri.toString(), name],
    })) as { data?: UnitTask[] } | null;
    const tasks = result?.data ?? [];
    if (tasks.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('没有任务条目写明“{0}”。', name));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      tasks.map((task) => ({
        label: task.path[task.path.length - 1] ?? task.unit,
        description: task.unit,
        detail: task.path.slice(0, -1).join(' / '),
        task,
      })),
      { placeHolder: vscode.l10n.t('“{0}”负责的 {1} 项任务', name, tasks.length) },
    );
    if (!picked) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(picked.task.uri));
    const r = picked.task.unitRange;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    await vscode.window.showTextDocument(doc, { selection: range });
  });
}
