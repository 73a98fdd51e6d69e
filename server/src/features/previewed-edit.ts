/**
 * Edits the user sees before they apply (issue #14). Renumbering rewrites markers no finding names,
 * so it is never a certain fix; when the user chooses it (the command 公文：重新编号标题 or the quick
 * fix of a numbering finding) the edit carries an LSP change annotation with `needsConfirmation`,
 * and VS Code shows every change in its Refactor Preview before anything is written.
 */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/** The one annotation id our edits use; its label and description say what the change is. */
export const PREVIEW_ANNOTATION = 'gongwen.preview';

/** `edits` of the document `uri` as one annotated change that needs confirmation. */
export function previewedEdit(uri: string, edits: TextEdit[], label: string, description?: string): WorkspaceEdit {
  return {
    documentChanges: [{ textDocument: { uri, version: null }, edits: edits.map((e) => ({ ...e, annotationId: PREVIEW_ANNOTATION })) }],
    changeAnnotations: { [PREVIEW_ANNOTATION]: { label, needsConfirmation: true, ...(description ? { description } : {}) } },
  };
}

/**
 * `edit` as a client can take it. A client with `documentChanges` and change annotations gets the
 * annotated edit, each document stamped with the version it was computed for (`versionOf`; the
 * editor refuses an edit for a version it has moved past). Any other client gets plain `changes`
 * and applies them without preview, as it applies every edit.
 */
export function editForClient(edit: WorkspaceEdit, annotations: boolean, versionOf: (uri: string) => number | undefined): WorkspaceEdit {
  if (!edit.documentChanges) return edit;
  if (annotations) {
    return {
      ...edit,
      documentChanges: edit.documentChanges.map((c) =>
        'edits' in c && c.textDocument.version === null ? { ...c, textDocument: { uri: c.textDocument.uri, version: versionOf(c.textDocument.uri) ?? null } } : c,
      ),
    };
  }
  // Creating gongwen.json (features/suppressions.ts) cannot be said as `changes`: such an edit goes as it is.
  if (edit.documentChanges.some((c) => !('edits' in c))) return edit;
  const changes: Record<string, TextEdit[]> = { ...edit.changes };
  for (const c of edit.documentChanges) {
    if (!('edits' in c)) continue;
    const list = (changes[c.textDocument.uri] ??= []);
    // Snippet edits (LSP 3.18): the service makes none.
    for (const e of c.edits) if ('newText' in e) list.push({ range: e.range, newText: e.newText });
  }
  return { changes };
}
