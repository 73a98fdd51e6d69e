/**
 * `gongwen lint --annotate OUT.docx IN.docx`: IN is linted as `gongwen lint` does, and a copy of it
 * with each finding as a Word comment is written to OUT (io/docx/annotate.ts). IN is never written:
 * OUT naming the same file (by path, link or inode) is refused before anything is read. The certain
 * fixes are written as Word tracked changes (unless `--comments-only`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { annotatedCopy } from '../features/annotated-copy';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { describeFsError, readDocxFile } from '../io/read';
import { formatLintJson, holdsError } from './format-json';
import { formatLintText } from './format-text';
import { cliService, fileUri } from './service';
import { sameFile } from './files';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE } from './lint';

export function runAnnotate(args: CliArgs, io: CliIo): number {
  const input = args.paths[0];
  const out = args.annotate!;
  const fail = (message: string) => {
    io.err(`gongwen: ${message}\n`);
    return EXIT_TROUBLE;
  };
  if (path.extname(out).toLowerCase() !== '.docx') return fail(t('{0}：--annotate 的输出文件应以 .docx 结尾。', out));
  if (sameFile(input, out)) return fail(t('{0}：--annotate 不会覆盖输入文件，请另指定输出文件。', out));
  const read = readDocxFile(input);
  if ('notDocx' in read) return fail(t('{0}：--annotate 只用于 .docx 文件。', input));
  if ('error' in read) return fail(read.error);
  const service = cliService({ configFile: args.config, lang: args.lang, upper: args.upper }, io);
  const annotated = annotatedCopy(service, service.parse(fileUri(input), read.text), read.bytes, args.commentsOnly);
  if (!annotated) return fail(t('{0}：无法写入批注（文档结构无法识别）。', input));
  const { diagnostics } = annotated;
  try {
    fs.writeFileSync(out, annotated.bytes);
  } catch (err) {
    return fail(t('{0}：无法写入（{1}）。', out, describeFsError(err)));
  }
  const results = [{ file: input, diagnostics, source: read.source }];
  // With --format json stdout stays one JSON document; the note goes to stderr.
  const note = annotated.fixes > 0 ? t('{0}：已写入 {1} 条批注，{2} 处修订（确定的修复，在 Word 中逐条接受或拒绝）', out, diagnostics.length, annotated.tracked) : t('{0}：已写入 {1} 条批注', out, diagnostics.length);
  (args.format === 'json' ? io.err : io.out)(note + '\n');
  io.out(args.format === 'json' ? formatLintJson(results) : formatLintText(results, io.colour));
  return holdsError(diagnostics) ? EXIT_FINDINGS : EXIT_OK;
}
