/** `gongwen lint`: every readable document is linted even when others cannot be read. */
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { collectFiles } from './files';
import { holdsError, type LintResult } from './format-json';
import { lintJsonPieces } from './json-bytes';
import { formatLintText } from './format-text';
import { formatLintHtml, formatLintMarkdown } from './format-report';
import { cliService } from './service';
import { defaultJobs, lintFiles } from './parallel';
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
  const request = { configFile: args.config, lang: args.lang, upper: args.upper };
  const service = cliService(request, io);
  const { files, errors } = collectFiles(args.paths);
  const results: LintResult[] = [];
  const entries: Uint8Array[] = [];
  let fixable = 0;
  let hasError = false;
  // Many files go over every core (`--jobs`, issue #18); the outcomes come back in the order of `files`.
  // The text report says how many findings `--fix` removes: each file's fixes run in memory where it is linted.
  // JSON comes back as each file's entry of the output, made where the file was linted.
  const report = args.format === 'html' || args.format === 'markdown';
  const wants = { countFixable: args.format === 'text', forReport: report, json: args.format === 'json' };
  for (const outcome of lintFiles(files, service, request, args.lang, args.jobs ?? defaultJobs(), wants)) {
    if ('error' in outcome) errors.push(outcome.error);
    else if ('json' in outcome) {
      entries.push(outcome.json);
      hasError ||= outcome.hasError;
    } else {
      results.push(outcome);
      fixable += outcome.fixable ?? 0;
      hasError ||= holdsError(outcome.diagnostics);
    }
  }
  for (const message of errors) io.err(`gongwen: ${message}\n`);
  if (args.format === 'json') {
    const pieces = lintJsonPieces(entries);
    if (io.outBytes) io.outBytes(pieces);
    else io.out(Buffer.concat(pieces).toString('utf8'));
  } else if (args.format === 'html') io.out(formatLintHtml(results, { failures: errors, lang: args.lang }));
  else if (args.format === 'markdown') io.out(formatLintMarkdown(results, { failures: errors }));
  else io.out(formatLintText(results, io.colour, errors.length, { fixable, fixCommand: `${io.program ?? 'gongwen'} lint --fix ${args.paths.map(quote).join(' ')}` }));
  if (errors.length > 0) return EXIT_TROUBLE;
  return hasError ? EXIT_FINDINGS : EXIT_OK;
}

/** A path as a shell reads it back: quoted only when it holds characters the shell would split or expand. */
function quote(p: string): string {
  return /^[\w./\\:@%+=,-]+$/u.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
