/**
 * Switch plain-text files that look like a notice or plan to the `gongwen` language.
 * Texts copied out of PDFs and Word files usually arrive as `.txt`, so without this the
 * drafter would have to pick the language by hand every time.
 */
import * as vscode from 'vscode';
import { DETECT_MAX_CHARS, looksLikeGongwen } from '../../server/src/model/detect';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

function isEmpty(doc: vscode.TextDocument): boolean {
  return doc.lineCount === 1 && doc.getText(new vscode.Range(0, 0, 0, 1)) === '';
}

export function registerPlainTextDetection(log: vscode.LogOutputChannel): vscode.Disposable {
  // A document is examined once while it is open. Changing a language closes and reopens the
  // document, so without this a user who switches a file back to plain text would see it
  // switched to gongwen again at once.
  const examined = new Set<string>();

  const examine = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== 'plaintext') return;
    const key = doc.uri.toString();
    // An empty new file is judged later, when text is first pasted into it.
    if (examined.has(key) || isEmpty(doc)) return;
    examined.add(key);
    const enabled = vscode.workspace
      .getConfiguration('gongwen', doc.uri)
      .get<boolean>('detectPlainText', DEFAULT_SETTINGS.detectPlainText);
    if (!enabled) return;
    // Read only the prefix the detector looks at, not a possibly huge whole file.
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(DETECT_MAX_CHARS)));
    if (!looksLikeGongwen(head)) return;
    vscode.languages.setTextDocumentLanguage(doc, 'gongwen').then(
      () => log.info(vscode.l10n.t('已将 {0} 识别为公文。', doc.uri.toString(true))),
      (err: unknown) => log.warn(vscode.l10n.t('无法切换 {0} 的语言：{1}', doc.uri.toString(true), String(err))),
    );
  };

  // A document closed for good is examined again when it is opened again (issue #20). A language change
  // also closes and reopens the document, at once: the uri is forgotten only if no document holds it
  // once the events of this turn are over.
  const forget = (doc: vscode.TextDocument): void => {
    const key = doc.uri.toString();
    setTimeout(() => {
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) examined.delete(key);
    }, 0);
  };

  vscode.workspace.textDocuments.forEach(examine);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(examine),
    vscode.workspace.onDidCloseTextDocument(forget),
    vscode.workspace.onDidChangeTextDocument((e) => examine(e.document)),
  );
}
