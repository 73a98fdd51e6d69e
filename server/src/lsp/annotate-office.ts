/**
 * `gongwen.server.annotateOffice` (issue #15): the VS Code side of `gongwen lint --annotate`. The
 * client sends a .docx's uri (and `{ commentsOnly }` if it wants no tracked changes); the server reads
 * the file, checks the text as the read-only view of it (`gongwen-office:`) is checked, and gives back
 * a copy with each finding as a Word comment and each certain fix as a tracked change — the same
 * copy as the CLI's (features/annotated-copy.ts). The file itself is never written: the client saves
 * the copy where the user says.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { annotatedCopy } from '../features/annotated-copy';
import { readDocxFile } from '../io/read';
import { t } from '../l10n';
import type { CommandContext } from './command-context';

export const ANNOTATE_OFFICE_COMMAND = 'gongwen.server.annotateOffice';

export function annotateOffice(args: unknown[], { service }: CommandContext): { docx: string; comments: number; tracked: number } | { error: string } {
  const [uri, options] = args;
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return { error: t('只能读取本地文件。') };
  const file = fileURLToPath(uri);
  const read = readDocxFile(file);
  if ('notDocx' in read) return { error: t('{0}：只有 Word 文件（.docx）可以写入批注。', file) };
  if ('error' in read) return { error: read.error };
  // Parsed under the view's uri, as the editor checks it: the file is then not its own upper plan.
  const view = 'gongwen-office:' + pathToFileURL(file).pathname;
  const commentsOnly = typeof options === 'object' && options !== null && (options as { commentsOnly?: unknown }).commentsOnly === true;
  const annotated = annotatedCopy(service, service.parse(view, read.text), read.bytes, commentsOnly);
  if (!annotated) return { error: t('{0}：无法写入批注（文档结构无法识别）。', file) };
  return { docx: Buffer.from(annotated.bytes).toString('base64'), comments: annotated.diagnostics.length, tracked: annotated.tracked };
}
