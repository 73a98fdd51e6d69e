/**
 * The server's view of the workspace for features that look beyond one document: every open
 * gongwen document, parsed once per version. (Files of the workspace folder that are not open
 * join with the higher-level-plan feature, issue #5.)
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceDocs } from '../workspace';
import type { Analyses } from './validation';

export function openDocumentsWorkspace(documents: TextDocuments<TextDocument>, analyses: () => Analyses): WorkspaceDocs {
  return {
    *all() {
      for (const d of documents.all()) yield analyses().get(d);
    },
    get(uri) {
      const d = documents.get(uri);
      return d && analyses().get(d);
    },
  };
}
