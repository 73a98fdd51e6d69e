/** Verbs that read exactly one document (outline, units): the same checks and messages for each. */
import * as fs from 'node:fs';
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { describeFsError, readDocument } from './files';
import { EXIT_TROUBLE } from './lint';

/** The file and its text, or the exit code after a message on stderr. */
export function readOneFile(args: CliArgs, io: CliIo, verb: string): { file: string; text: string } | number {
  if (args.paths.length !== 1) {
    io.err(`gongwen: ${t('{0} 只接受一个文件。', verb)}\n`);
    return EXIT_TROUBLE;
  }
  const file = args.paths[0];
  try {
    fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`gongwen: ${code === 'ENOENT' || code === 'ENOTDIR' ? t('{0}：找不到该文件或文件夹。', file) : t('{0}：无法访问（{1}）。', file, describeFsError(err))}\n`);
    return EXIT_TROUBLE;
  }
  const read = readDocument(file);
  if ('error' in read) {
    io.err(`gongwen: ${read.error}\n`);
    return EXIT_TROUBLE;
  }
  return { file, text: read.text };
}
