/**
 * `gongwen.renumber` (palette: 公文：重新编号标题): asks the server to renumber every heading
 * level of the active document and the stated counts (`实施5项提升行动`). The server computes the
 * edit (server/src/features/renumber.ts) and applies it through `workspace/applyEdit`; the edit asks
 * for confirmation (a change annotation with `needsConfirmation`), so VS Code shows it in the
 * Refactor Preview first, and once applied it lands in the undo stack like any other edit.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export const RENUMBER_SERVER_COMMAND = 'gongwen.server.renumber';

export function registerRenumber(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerTextEditorCommand('gongwen.renumber', async (editor) => {
    if (editor.document.languageId !== 'gongwen') {
      void vscode.window.showWarningMessage(vscode.l10n.t('当前文件不是公文（语言模式不是“公文”），无法重新编号。'));
      return;
    }
    const result = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: RENUMBER_SERVER_COMMAND,
      arguments: [editor.document.uri.toString(), 'document'],
    })) as { data?: { changed?: number } } | null;
    const changed = result?.data?.changed ?? 0;
    if (changed === 0) void vscode.window.showInformationMessage(vscode.l10n.t('标题编号和所述项数都无需调整。'));
  });
}
