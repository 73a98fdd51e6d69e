/**
 * A language status item (shown only for gongwen documents): `公文`, with the server state
 * as its detail and a click that opens the log.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';

export function createStatusItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('gongwen.status', { language: 'gongwen' });
  item.name = vscode.l10n.t('公文语言服务器');
  item.text = '公文';
  item.command = { title: vscode.l10n.t('显示日志'), command: 'gongwen.showOutput' };

  const show = (state: State): void => {
    item.busy = state === State.Starting;
    item.severity = state === State.Running ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
    item.detail =
      state === State.Running
        ? vscode.l10n.t('服务器运行中')
        : state === State.Starting
          ? vscode.l10n.t('服务器启动中')
          : state === State.StartFailed
            ? vscode.l10n.t('服务器启动失败')
            : vscode.l10n.t('服务器已停止');
  };
  show(client.state);
  const listener = client.onDidChangeState((e) => show(e.newState));
  return vscode.Disposable.from(item, listener);
}

export const DOCUMENT_INFO_SERVER_COMMAND = 'gongwen.server.documentInfo';

/**
 * A status-bar item for the active 公文 (issue #20): its genre as the outline names it, the documents it
 * carries, and its findings — errors and warnings — from gongwen's diagnostics only; a click opens the
 * Problems view. Hidden for any other editor.
 */
export function createFindingsItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('gongwen.findings', vscode.StatusBarAlignment.Left, -100);
  item.name = vscode.l10n.t('公文检查结果');
  item.command = 'workbench.actions.view.problems';
  let genre: { uri: string; text: string } | undefined;

  const render = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || editor.document.languageId !== 'gongwen') {
      item.hide();
      return;
    }
    const uri = editor.document.uri;
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen');
    const count = (s: vscode.DiagnosticSeverity) => ours.filter((d) => d.severity === s).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const infos = count(vscode.DiagnosticSeverity.Information);
    const kind = genre?.uri === uri.toString() ? genre.text : '公文';
    item.text = `${kind}  $(error) ${errors}  $(warning) ${warnings}`;
    item.tooltip = vscode.l10n.t('{0}：{1} 个错误、{2} 个警告、{3} 条信息。点击打开“问题”视图。', kind, errors, warnings, infos);
    item.accessibilityInformation = { label: vscode.l10n.t('{0}，{1} 个错误，{2} 个警告', kind, errors, warnings) };
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };

  /** Asks the server for the genre once the document has been checked (its diagnostics changed). */
  const refreshGenre = async (editor: vscode.TextEditor | undefined): Promise<void> => {
    if (!editor || editor.document.languageId !== 'gongwen' || client.state !== State.Running) return;
    const uri = editor.document.uri.toString();
    try {
      const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: DOCUMENT_INFO_SERVER_COMMAND, arguments: [uri] })) as
        | { data?: { genre: string; carried: string[] } }
        | null;
      const data = result?.data;
      if (data) genre = { uri, text: [data.genre, ...data.carried].join(' · ') };
    } catch {
      // The server restarting: the next check asks again.
    }
    if (vscode.window.activeTextEditor === editor) render(editor);
  };

  const update = (editor = vscode.window.activeTextEditor): void => {
    render(editor);
    void refreshGenre(editor);
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor((editor) => update(editor)),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const editor = vscode.window.activeTextEditor;
      if (editor && e.uris.some((u) => u.toString() === editor.document.uri.toString())) update(editor);
    }),
    // A plain-text notice switched to 公文 (detectPlainText.ts) or back.
    vscode.workspace.onDidOpenTextDocument(() => update()),
    client.onDidChangeState(() => update()),
  );
}
