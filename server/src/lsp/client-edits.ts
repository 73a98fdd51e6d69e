/**
 * Workspace edits as the connected client can take them (issue #14): renumbering asks for a preview
 * through change annotations (features/previewed-edit.ts), which a client declares it supports in
 * `workspace.workspaceEdit`; any other client gets the same edit as plain `changes`.
 */
import type { ClientCapabilities, CodeAction, WorkspaceEdit } from 'vscode-languageserver/node';
import { editForClient } from '../features/previewed-edit';

export interface ClientEdits {
  /** From `initialize`: whether the client takes `documentChanges` with change annotations. */
  configure(capabilities: ClientCapabilities): void;
  edit(edit: WorkspaceEdit): WorkspaceEdit;
  actions(actions: CodeAction[]): CodeAction[];
}

/** `versionOf`: the open document's version, stamped on an annotated edit so a stale one is refused. */
export function createClientEdits(versionOf: (uri: string) => number | undefined): ClientEdits {
  let annotations = false;
  const edit = (e: WorkspaceEdit) => editForClient(e, annotations, versionOf);
  return {
    configure(capabilities) {
      const support = capabilities.workspace?.workspaceEdit;
      annotations = support?.documentChanges === true && support.changeAnnotationSupport !== undefined;
    },
    edit,
    actions: (actions) => actions.map((a) => (a.edit ? { ...a, edit: edit(a.edit) } : a)),
  };
}
