/** Dispatch of `gongwen <verb>`: arguments in, exit code out. */
import { setLanguage, t } from '../l10n';
import { parseCliArgs, peekLanguage, RESERVED_VERBS, usage, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_TROUBLE, runLint } from './lint';
import { runOutline } from './outline';
import { runUnits } from './units';
import { runAlign, runCoverage } from './align';
import { runExport } from './export';
import { runReport } from './report';

export function main(argv: readonly string[], io: CliIo, version: string): number {
  // Before anything is said, so that usage errors too come in the asked language.
  const lang = peekLanguage(argv);
  if (lang) setLanguage(lang);
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`gongwen: ${err.message}\n\n${usage()}`);
    return EXIT_TROUBLE;
  }
  if (args.help) {
    io.out(usage());
    return EXIT_OK;
  }
  if (args.version) {
    io.out(`${version}\n`);
    return EXIT_OK;
  }
  if (args.verb === undefined) {
    io.err(usage());
    return EXIT_TROUBLE;
  }
  if (RESERVED_VERBS.includes(args.verb)) {
    io.err(`gongwen: ${t('“{0}”命令将随上级方案对照功能一同推出，目前尚不可用。', args.verb)}\n`);
    return EXIT_TROUBLE;
  }
  if (args.verb === 'units') return runUnits(args, io);
  if (args.verb === 'align') return runAlign(args, io);
  if (args.verb === 'coverage') return runCoverage(args, io);
  if (args.verb === 'export') return runExport(args, io);
  if (args.verb === 'report') return runReport(args, io);
  return args.verb === 'lint' ? runLint(args, io) : runOutline(args, io);
}
