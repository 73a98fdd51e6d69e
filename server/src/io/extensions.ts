/** Which files of a folder are documents (a module of its own: the CLI's starter reads it too, cli/early-workers.ts). */

/** Extensions of documents inside a folder; a file named on the command line is read whatever its name. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.gw', '.gongwen', '.docx', '.pdf'];

/** A folder's entry that is a document: by its extension, and not a lock file Word leaves beside an open one. */
export function isDocumentName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && DOCUMENT_EXTENSIONS.includes(name.slice(dot).toLowerCase()) && !name.startsWith('~$');
}
