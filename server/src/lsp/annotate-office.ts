/**
 * `gongwen.server.annotateOffice` (issue #15): the VS Code side of `gongwen lint --annotate`. The
 * client sends the file's uri, the findings of its read-only view (message and rule, at positions in
 * the text the reader made of it) and the certain fixes (the view's formatting edits); the server
 * reads the .docx again and gives back a copy with each finding as a Word comment and each fix as a
 * tracked change (io/docx/annotate.ts). The file itself is never written: the client saves the copy
 * where the user says.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeFsError, documentKind } from '../io/read';
import { t } from '../l10n';

export const ANNOTATE_OFFICE_COMMAND = 'gongwen.server.annotateOffice';

interface Position {
  line: number;
  character: number;
}

const isPosition = (p: unknown): p is Position =>
  typeof p === 'object' && p !== null && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character);

/** The entries of `list` that have a start, an end and the string field `key`; anything else is dropped. */
function spans<K extends string>(list: unknown, key: K): Array<{ start: Position; end: Position } & Record<K, string>> {
  if (!Array.isArray(list)) return [];
  return list.filter((x) => isPosition(x?.start) && isPosition(x?.end) && typeof x?.[key] === 'string');
}

export function annotateOffice(args: unknown[]): { docx: string; comments: number; tracked: number } | { error: string } {
  const [uri, annotations, fixes] = args;
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return { error: t('只能读取本地文件。') };
  const file = fileURLToPath(uri);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { error: t('{0}：无法读取（{1}）。', file, describeFsError(err)) };
  }
  if (documentKind(file, bytes) !== 'docx') return { error: t('{0}：只有 Word 文件（.docx）可以写入批注。', file) };
  const comments = spans(annotations, 'text');
  const { annotateDocx } = require('../io/docx/annotate') as typeof import('../io/docx/annotate'); // loaded only here (issue #18)
  const annotated = annotateDocx(bytes, comments, {}, spans(fixes, 'newText'));
  if (typeof annotated === 'string') return { error: t('{0}：无法写入批注（文档结构无法识别）。', file) };
  return { docx: Buffer.from(annotated.bytes).toString('base64'), comments: comments.length, tracked: annotated.tracked };
}
