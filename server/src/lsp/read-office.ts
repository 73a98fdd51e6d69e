/**
 * `gongwen.server.readOffice` (issue #15): the client asks the server for the text of a .docx or
 * .pdf it shows as a read-only 公文 view, or converts to an editable `.gw`. Reading stays here, in the
 * server process, rather than in the client bundle: a PDF is read by pdf.js in a worker thread that the
 * reader waits on synchronously (io/pdf/extract.ts), which in the extension host would freeze every
 * extension for the time; and the readers (pdf.js, xmldom, fflate) ship once, in the server bundle that
 * already reads .docx/.pdf for the workspace and the upper plans.
 */
import { fileURLToPath } from 'node:url';
import { readSource } from '../io/read';
import { t } from '../l10n';
import { ANNOTATE_OFFICE_COMMAND, annotateOffice } from './annotate-office';
import type { CommandContext } from './command-context';
import { REPORT_FOLDER_COMMAND, reportFolder } from './report-folder';

export const READ_OFFICE_COMMAND = 'gongwen.server.readOffice';

/** Commands of the server process itself (not of an open document): id → handler of the arguments. */
export const LSP_COMMANDS: Record<string, (args: unknown[], context: CommandContext) => unknown> = {
  [READ_OFFICE_COMMAND]: readOffice,
  [ANNOTATE_OFFICE_COMMAND]: annotateOffice,
  [REPORT_FOLDER_COMMAND]: reportFolder,
};

/** `{ text }` of a `file:` uri (any format io/read.ts reads), or `{ error }` naming the file and the reason. */
export function readOffice(args: unknown[]): { text: string } | { error: string } {
  const uri = args[0];
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return { error: t('只能读取本地文件。') };
  const read = readSource(fileURLToPath(uri));
  return 'error' in read ? { error: read.error } : { text: read.text };
}
