/**
 * `gongwen.openUpperClause` (issue #20): the command of the code lens `↑ 威海 （四）… 0.92`. The server
 * gives the upper clause's uri and range (server/src/features/code-lens.ts); the clause opens beside
 * the document, its heading selected, so the drafter reads both side by side.
 */
import * as vscode from 'vscode';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export const OPEN_UPPER_CLAUSE = 'gongwen.openUpperClause';

export function registerOpenUpperClause(): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_UPPER_CLAUSE, async (uri: string, range: LspRange) => {
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside, selection, preserveFocus: false });
  });
}
