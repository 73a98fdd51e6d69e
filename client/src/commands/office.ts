/**
 * Word and PDF files in VS Code (issue #15). `gongwen.openOffice` (公文：检查 Word/PDF 文件, also on
 * .docx/.pdf in the explorer's context menu) shows the file as a read-only 公文 document: a virtual
 * document of the `gongwen-office:` scheme whose text the server reads (server/src/lsp/read-office.ts),
 * in the gongwen language, so the server gives it diagnostics, outline, hover and definitions as for
 * any open document. `gongwen.convertOffice` (公文：转换为可编辑文本) writes that text to `<name>.gw`
 * beside the file and opens it. `gongwen.annotateOffice` (公文：把问题写入 Word 副本) saves a copy of a .docx
 * with the findings the view shows as Word comments and its certain fixes as tracked changes; the server
 * makes the copy exactly as `gongwen lint --annotate` does (server/src/lsp/annotate-office.ts). The client
 * never parses a .docx or .pdf itself: see read-office.ts for why.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export const OFFICE_SCHEME = 'gongwen-office';
const READ_OFFICE_COMMAND = 'gongwen.server.readOffice';
const ANNOTATE_OFFICE_COMMAND = 'gongwen.server.annotateOffice';
const OFFICE_EXTENSIONS = ['docx', 'pdf'];

/** The read-only view of a file: same path, our scheme. */
export function officeViewUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: OFFICE_SCHEME });
}

/** The file a view shows. */
function fileOf(view: vscode.Uri): vscode.Uri {
  return view.with({ scheme: 'file' });
}

async function readText(client: LanguageClient, file: vscode.Uri): Promise<{ text: string } | { error: string }> {
  try {
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, { command: READ_OFFICE_COMMAND, arguments: [file.toString()] })) as { text?: string; error?: string } | null;
    if (answer && typeof answer.text === 'string') return { text: answer.text };
    return { error: answer?.error ?? vscode.l10n.t('公文语言服务器尚未就绪。') };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The file a command acts on: the explorer's selection, the file behind an open view, or one the user picks. */
async function targetFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg.scheme === OFFICE_SCHEME ? fileOf(arg) : arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === OFFICE_SCHEME) return fileOf(active);
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('检查'),
    filters: { [vscode.l10n.t('Word/PDF 文件')]: OFFICE_EXTENSIONS },
  });
  return picked?.[0];
}

export function registerOffice(client: LanguageClient): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const read = await readText(client, fileOf(uri));
      // A view restored after a reload whose file went away says why instead of showing nothing.
      return 'text' in read ? read.text : read.error;
    },
  };
  // The file saved again in Word: its open view is read again (the server then checks the new text).
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{docx,pdf}', true, false, true);
  const refresh = (file: vscode.Uri) => {
    const view = officeViewUri(file).toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view)) changed.fire(officeViewUri(file));
  };

  /** The file a command acts on and its text, or undefined (nothing chosen, or the reason shown). */
  const chosenText = async (arg: unknown): Promise<{ file: vscode.Uri; text: string } | undefined> => {
    const file = await targetFile(arg);
    if (!file) return undefined;
    const read = await readText(client, file);
    if ('error' in read) {
      void vscode.window.showErrorMessage(read.error);
      return undefined;
    }
    return { file, text: read.text };
  };

  const open = async (arg: unknown) => {
    // Read first, so a file that cannot be read gets its message and no empty view.
    const chosen = await chosenText(arg);
    if (chosen) await vscode.window.showTextDocument(await openView(chosen.file), { preview: false });
  };

  const convert = async (arg: unknown) => {
    const chosen = await chosenText(arg);
    if (!chosen) return;
    const { file, text } = chosen;
    const target = file.with({ path: file.path.replace(/\.[^./]*$/, '') + '.gw' });
    const name = target.path.split('/').pop()!;
    if (await exists(target)) {
      const overwrite = vscode.l10n.t('覆盖');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} 已存在，要用转换的文字覆盖它吗？', name), { modal: true }, overwrite);
      if (answer !== overwrite) return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text.endsWith('\n') ? text : text + '\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  };

  const annotate = async (arg: unknown) => {
    const file = await targetFile(arg);
    if (!file) return;
    if (!/\.docx$/i.test(file.path)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('只有 Word 文件（.docx）可以写入批注。'));
      return;
    }
    const name = file.path.split('/').pop()!.replace(/\.docx$/i, '');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(file, '..', vscode.l10n.t('{0}（已批注）.docx', name)),
      filters: { [vscode.l10n.t('Word 文档')]: ['docx'] },
      saveLabel: vscode.l10n.t('保存'),
    });
    if (!target) return;
    if (target.toString() === file.toString()) {
      void vscode.window.showErrorMessage(vscode.l10n.t('不会覆盖原文件，请另选文件名。'));
      return;
    }
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: ANNOTATE_OFFICE_COMMAND,
      arguments: [file.toString()],
    })) as { docx?: string; comments?: number; tracked?: number; error?: string } | null;
    if (!answer?.docx) {
      void vscode.window.showErrorMessage(answer?.error ?? vscode.l10n.t('公文语言服务器尚未就绪。'));
      return;
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(answer.docx, 'base64'));
    const open = vscode.l10n.t('打开');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('已写入 {0} 条批注、{1} 处修订：{2}', answer.comments ?? 0, answer.tracked ?? 0, target.fsPath),
      open,
    );
    if (choice === open) await vscode.env.openExternal(target);
  };

  return vscode.Disposable.from(
    changed,
    watcher,
    watcher.onDidChange(refresh),
    vscode.workspace.registerTextDocumentContentProvider(OFFICE_SCHEME, provider),
    vscode.commands.registerCommand('gongwen.openOffice', open),
    vscode.commands.registerCommand('gongwen.convertOffice', convert),
    vscode.commands.registerCommand('gongwen.annotateOffice', annotate),
  );
}

/** The read-only view of a file, opened (not shown) in the 公文 language, so the server checks it. */
async function openView(file: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(officeViewUri(file));
  return doc.languageId === 'gongwen' ? doc : vscode.languages.setTextDocumentLanguage(doc, 'gongwen');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
