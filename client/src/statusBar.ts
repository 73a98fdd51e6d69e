/**
 * A language status item (shown only for gongwen documents): `公文`, with the server state
 * as its detail and a click that opens the log.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

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
