/**
 * `gongwen.exportDocx` (palette: 公文：导出为 Word, issue #16): the active document as a .docx in the
 * GB/T 9704-2012 layout, built by the server (`gongwen.server.exportDocx`). A document with errors is
 * exported only when the user says so; the save dialog asks before replacing an existing file.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export const EXPORT_DOCX_SERVER_COMMAND = 'gongwen.server.exportDocx';

export function registerExportDocx(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerTextEditorCommand('gongwen.exportDocx', async (editor) => {
    const doc = editor.document;
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'gongwen' && d.severity === vscode.DiagnosticSeverity.Error);
    if (errors.length > 0) {
      const go = vscode.l10n.t('仍然导出');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('文中有 {0} 处错误，仍要导出吗？', errors.length), { modal: true }, go);
      if (answer !== go) return;
    }
    const base = doc.uri.scheme === 'file' ? doc.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = (doc.uri.path.split('/').pop() ?? 'untitled').replace(/\.[^.]*$/, '') || 'untitled';
    const target = await vscode.window.showSaveDialog({
      defaultUri: base ? vscode.Uri.joinPath(base, doc.uri.scheme === 'file' ? '..' : '.', `${name}.docx`) : undefined,
      filters: { [vscode.l10n.t('Word 文档')]: ['docx'] },
      saveLabel: vscode.l10n.t('导出'),
    });
    if (!target) return;
    if (target.toString() === doc.uri.toString()) {
      void vscode.window.showErrorMessage(vscode.l10n.t('不会覆盖正在编辑的文件，请另选文件名。'));
      return;
    }
    const result = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: EXPORT_DOCX_SERVER_COMMAND,
      arguments: [doc.uri.toString()],
    })) as { data?: { docx: string; warnings: string[] } } | null;
    if (!result?.data?.docx) {
      void vscode.window.showInformationMessage(vscode.l10n.t('当前文件不是公文，或服务器尚未就绪。'));
      return;
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.data.docx, 'base64'));
    for (const w of result.data.warnings) void vscode.window.showWarningMessage(w);
    const open = vscode.l10n.t('打开');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('已导出：{0}', target.fsPath), open);
    if (choice === open) await vscode.env.openExternal(target);
  });
}
