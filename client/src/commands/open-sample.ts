/**
 * `gongwen.openSample` (palette: 公文：打开示例公文), the walkthrough's first step (issue #20): a real
 * notice shipped with the extension (docs/walkthrough/sample-weihai.gw, seed 002) opened as an untitled
 * 公文 document, so the drafter can try every feature on it and nothing on disk changes.
 */
import * as vscode from 'vscode';

export function registerOpenSample(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('gongwen.openSample', async () => {
    const file = vscode.Uri.joinPath(context.extensionUri, 'docs', 'walkthrough', 'sample-weihai.gw');
    const content = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
    const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content });
    await vscode.window.showTextDocument(doc);
  });
}
