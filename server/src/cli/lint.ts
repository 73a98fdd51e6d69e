/** `gongwen lint`: every readable document is linted even when others cannot be read. */
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { collectFiles, readDocument } from './files';
import { formatLintJson, severityName, type LintResult } from './format-json';
import { formatLintText } from './format-text';
import { cliService, fileUri } from './service';
import { fixText, runFix } from './fix';
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
  let fixable = 0;
  for (const file of files) {
    const read = readDocument(file);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    const doc = service.parse(fileUri(file), read.text);
    const diagnostics = service.diagnostics(doc);
    results.push({ file, diagnostics, source: read.source });
    // The text report says how many findings `--fix` removes: the fixes are run in memory (text files only; --fix writes no .docx/.pdf).
    if (args.format !== 'json' && diagnostics.length > 0 && read.encoding) {
      const fixed = fixText(service, fileUri(file), read.text);
      const after = fixed.doc ?? service.parse(fileUri(file), fixed.text);
      fixable += Math.max(0, diagnostics.length - service.diagnostics(after).length);
    }
  }
  for (const message of errors) io.err(`gongwen: ${message}\n`);
  io.out(args.format === 'json' ? formatLintJson(results) : formatLintText(results, io.colour, errors.length, { fixable, fixCommand: `${io.program ?? 'gongwen'} lint --fix ${args.paths.map(quote).join(' ')}` }));
  if (errors.length > 0) return EXIT_TROUBLE;
  return results.some((r) => r.diagnostics.some((d) => severityName(d) === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

/** A path as a shell reads it back: quoted only when it holds characters the shell would split or expand. */
function quote(p: string): string {
  return /^[\w./\\:@%+=,-]+$/u.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
