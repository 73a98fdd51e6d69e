/** `gongwen lint`: every readable document is linted even when others cannot be read. */
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { collectFiles, readDocument } from './files';
import { formatLintJson, severityName, type LintResult } from './format-json';
import { formatLintText } from './format-text';
import { cliService, fileUri } from './service';
import { runFix } from './fix';
import { runAnnotate } from './annotate';

/** Exit codes: 0 clean (no error-severity finding), 1 errors found, 2 usage or read error (wins over 1). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

export function runLint(args: CliArgs, io: CliIo): number {
  if (args.fix || args.fixDryRun) return runFix(args, io);
  if (args.annotate !== undefined) return runAnnotate(args, io);
  if (args.paths.length === 0) {
    io.err(`gongwen: ${t('请指定要检查的文件或文件夹。')}\n`);
    return EXIT_TROUBLE;
  }
  const service = cliService({ configFile: args.config, lang: args.lang, upper: args.upper }, io);
  const { files, errors } = collectFiles(args.paths);
  const results: LintResult[] = [];
  for (const file of files) {
    const read = readDocument(file);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    const doc = service.parse(fileUri(file), read.text);
    results.push({ file, diagnostics: service.diagnostics(doc), source: read.source });
  }
  for (const message of errors) io.err(`gongwen: ${message}\n`);
  io.out(args.format === 'json' ? formatLintJson(results) : formatLintText(results, io.colour, errors.length));
  if (errors.length > 0) return EXIT_TROUBLE;
  return results.some((r) => r.diagnostics.some((d) => severityName(d) === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}
