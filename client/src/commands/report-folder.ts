/**
 * `gongwen.reportFolder` (公文：生成辖区总览, on a folder in the explorer's context menu and in the
 * palette, issue #19): the server reads the folder with the CLI's code and builds the page
 * (server/src/lsp/report-folder.ts); this side only asks, shows a progress notification that can cancel
 * the request, and shows the page in a webview. The webview runs only the page's own script (its CSP
 * allows nothing else: no network, no other file); a link to a plan posts a message and the plan opens
 * in the editor at the finding or clause; the page's save buttons write the page, the targets table
 * (CSV) or the data (JSON) where the user says.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { webviewNonce } from './nonce';

const REPORT_SERVER_COMMAND = 'gongwen.server.report';

interface ReportAnswer {
  html?: string;
  page?: string;
  csv?: string;
  json?: string;
  plans?: number;
  unread?: string[];
  error?: string;
  cancelled?: boolean;
}

/** The folder: the explorer's selection, else one the user picks (the workspace's first folder proposed). */
async function targetFolder(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('生成总览'),
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

async function ask(client: LanguageClient, folder: vscode.Uri, key: string): Promise<ReportAnswer | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('正在生成辖区总览：{0}', folder.path.split('/').pop() ?? ''), cancellable: true },
    async (progress, token) => {
      // The server reports on the request's work-done token how many plans it has read and analysed.
      const workDoneToken = `gongwen-report-${key}`;
      let last = 0;
      const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report' || value.percentage === undefined) return;
        progress.report({ increment: value.percentage - last, message: value.message });
        last = value.percentage;
      });
      try {
        return (await client.sendRequest(ExecuteCommandRequest.type, { command: REPORT_SERVER_COMMAND, arguments: [folder.toString(), { nonce: key }], workDoneToken }, token)) as ReportAnswer | null ?? undefined;
      } catch (err) {
        if (token.isCancellationRequested) return { cancelled: true };
        return { error: err instanceof Error ? err.message : String(err) };
      } finally {
        listening.dispose();
      }
    },
  );
}

const SAVE = {
  html: { key: 'page', ext: 'html', name: () => vscode.l10n.t('HTML 网页') },
  csv: { key: 'csv', ext: 'csv', name: () => vscode.l10n.t('CSV 表格') },
  json: { key: 'json', ext: 'json', name: () => 'JSON' },
} as const;

async function save(answer: ReportAnswer, folder: vscode.Uri, format: unknown): Promise<void> {
  if (format !== 'html' && format !== 'csv' && format !== 'json') return;
  const { key, ext, name } = SAVE[format];
  const base = folder.path.split('/').pop() || 'report';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, '..', `${vscode.l10n.t('辖区总览')}-${base}.${ext}`),
    filters: { [name()]: [ext] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer[key] ?? ''));
  void vscode.window.showInformationMessage(vscode.l10n.t('已保存：{0}', target.fsPath));
}

async function openPlan(folder: vscode.Uri, file: unknown, line: unknown, character: unknown): Promise<void> {
  if (typeof file !== 'string' || file.split('/').some((part) => part === '..' || part === '')) return;
  const uri = vscode.Uri.joinPath(folder, ...file.split('/'));
  const at = new vscode.Position(Math.max(0, Number(line) - 1 || 0), Math.max(0, Number(character) - 1 || 0));
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside });
}

export function registerReportFolder(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('gongwen.reportFolder', async (arg?: unknown) => {
    const folder = await targetFolder(arg);
    if (!folder) return;
    if (folder.scheme !== 'file') {
      void vscode.window.showErrorMessage(vscode.l10n.t('只能为本地文件夹生成总览。'));
      return;
    }
    const key = webviewNonce();
    const answer = await ask(client, folder, key);
    if (!answer || answer.cancelled) return;
    if (answer.error || !answer.html) {
      void vscode.window.showErrorMessage(answer.error ?? vscode.l10n.t('公文语言服务器尚未就绪。'));
      return;
    }
    if (answer.unread?.length) void vscode.window.showWarningMessage(vscode.l10n.t('有 {0} 个文件无法读取：{1}', answer.unread.length, answer.unread.join('；')));
    const name = folder.path.split('/').pop() ?? '';
    // No local resource: the page is one self-contained document, and its CSP allows only its own script.
    const panel = vscode.window.createWebviewPanel('gongwen.report', vscode.l10n.t('辖区总览：{0}', name), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    panel.webview.html = answer.html;
    panel.webview.onDidReceiveMessage((message: { type?: string; file?: unknown; line?: unknown; character?: unknown; format?: unknown }) => {
      if (message?.type === 'open') void openPlan(folder, message.file, message.line, message.character);
      else if (message?.type === 'save') void save(answer, folder, message.format);
    });
  });
}
