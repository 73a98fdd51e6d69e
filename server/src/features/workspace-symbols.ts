/** Issue #6: "go to section" across every document of the workspace. */
import type { SymbolInformation } from 'vscode-languageserver-types';
import type { WorkspaceDocs } from '../workspace';

export function workspaceSymbols(_workspace: WorkspaceDocs, _query: string): SymbolInformation[] {
  return [];
}
