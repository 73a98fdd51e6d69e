/**
 * `gongwen.printPreview` (palette: 公文：打印预览, issue #16): a webview beside the editor showing the
 * pages as the export lays them out (the server's pagination engine, `gongwen.server.printPreview`):
 * page breaks, where the 署名 falls, the 版记 on its even page. It follows the text as the user types
 * (debounced), and a click on a line selects that text in the editor.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { webviewNonce } from './nonce';
import { previewHtml } from './print-preview-html';

export const PRINT_PREVIEW_SERVER_COMMAND = 'gongwen.server.printPreview';
/** Wait this long after the last keystroke before laying the pages out again. */
const DEBOUNCE_MS = 400;

interface Preview {
  panel: vscode.WebviewPanel;
  uri: vscode.Uri;
}

export function registerPrintPreview(client: LanguageClient): vscode.Disposable {
  const previews = new Map<string, Preview>();
  const timers = new Map<string, NodeJS.Timeout>();

  const refresh = async (p: Preview) => {
    const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: PRINT_PREVIEW_SERVER_COMMAND, arguments: [p.uri.toString()] }).catch(() => null)) as {
      data?: { pages: unknown[] };
    } | null;
    const labels = { pages: vscode.l10n.t('共 {0} 页（按 GB/T 9704-2012 通用格式排版，点击一行可跳到原文）'), blank: vscode.l10n.t('空白页（版记须在偶数页）'), empty: vscode.l10n.t('当前文件不是公文，或服务器尚未就绪。') };
    void p.panel.webview.postMessage({ type: 'pages', pages: result?.data?.pages ?? [], labels });
  };

  const open = vscode.commands.registerTextEditorCommand('gongwen.printPreview', (editor) => {
    const uri = editor.document.uri;
    const key = uri.toString();
    const existing = previews.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      void refresh(existing);
      return;
    }
    const name = uri.path.split('/').pop() ?? '';
    const panel = vscode.window.createWebviewPanel('gongwen.printPreview', vscode.l10n.t('打印预览：{0}', name), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    const preview: Preview = { panel, uri };
    previews.set(key, preview);
    panel.webview.html = previewHtml(webviewNonce(), panel.webview.cspSource, vscode.env.language);
    panel.webview.onDidReceiveMessage(async (m: { type: string; from?: number; to?: number }) => {
      if (m.type === 'ready') void refresh(preview);
      if (m.type === 'reveal' && typeof m.from === 'number') {
        const doc = await vscode.workspace.openTextDocument(uri);
        const range = new vscode.Range(doc.positionAt(m.from), doc.positionAt(m.to ?? m.from));
        const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
        const target = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: range });
        target.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    });
    panel.onDidDispose(() => {
      previews.delete(key);
      clearTimeout(timers.get(key));
      timers.delete(key);
    });
  });

  const typing = vscode.workspace.onDidChangeTextDocument((e) => {
    const key = e.document.uri.toString();
    const p = previews.get(key);
    if (!p || e.contentChanges.length === 0) return;
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void refresh(p), DEBOUNCE_MS));
  });

  return vscode.Disposable.from(open, typing, {
    dispose: () => {
      for (const t of timers.values()) clearTimeout(t);
      for (const p of previews.values()) p.panel.dispose();
    },
  });
}
