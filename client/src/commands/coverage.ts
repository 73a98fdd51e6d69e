/**
 * `gongwen.coverage` (palette: 公文：上级方案覆盖情况): asks the server for the coverage of the
 * active document's upper plans (server/src/features/coverage.ts) and opens the Markdown report
 * beside it in the preview: covered / weak / missing at a glance.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export const COVERAGE_SERVER_COMMAND = 'gongwen.server.coverage';

export function registerCoverage(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerTextEditorCommand('gongwen.coverage', async (editor) => {
    const result = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: COVERAGE_SERVER_COMMAND,
      arguments: [editor.document.uri.toString()],
    })) as { data?: { markdown: string } } | null;
    const markdown = result?.data?.markdown;
    if (!markdown) {
      void vscode.window.showInformationMessage(vscode.l10n.t('当前文件不是公文，或服务器尚未就绪。'));
      return;
    }
    const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', report.uri);
  });
}
