/**
 * `gongwen.coverage` (palette: 公文：上级方案覆盖情况): asks the server for the coverage of the
 * active document's upper plans (server/src/features/coverage.ts) and opens the Markdown report
 * beside it in the preview: covered / weak / missing at a glance, each clause a link to its line in
 * either document. The report is a file in the extension's storage, so no Untitled editor is left
 * asking to be saved (issue #20).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export const COVERAGE_SERVER_COMMAND = 'gongwen.server.coverage';

export function registerCoverage(client: LanguageClient, context: vscode.ExtensionContext): vscode.Disposable {
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
    const folder = context.storageUri ?? context.globalStorageUri;
    await vscode.workspace.fs.createDirectory(folder);
    const name = editor.document.uri.path.split('/').pop()?.replace(/\.[^.]*$/, '') || 'untitled';
    const report = vscode.Uri.joinPath(folder, `${vscode.l10n.t('覆盖情况')}-${name}.md`);
    await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(relativeLinks(markdown, folder)));
    await vscode.commands.executeCommand('markdown.showPreviewToSide', report);
  });
}

/**
 * The preview's Markdown renderer refuses `file:` links, so each `](file:///…#L12)` of the server's report
 * becomes a path relative to the report's folder, which the preview opens at that line.
 */
export function relativeLinks(markdown: string, folder: vscode.Uri): string {
  return markdown.replace(/\]\((file:\/\/\/[^)\s#]+)(#L\d+)?\)/g, (whole, target: string, line = '') => {
    if (folder.scheme !== 'file') return whole;
    const rel = path.posix.relative(folder.path, vscode.Uri.parse(target).path);
    return `](${rel.split('/').map(encodeURIComponent).join('/')}${line})`;
  });
}
