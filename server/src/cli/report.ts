/**
 * `gongwen report DIR` (issue #19): reads every plan of the folder tree, lints each with the folder as
 * its workspace, and prints the overview (`--json`: the `Report` of server/src/report/), writes it as
 * one HTML page (`--html OUT`) and the targets table as CSV (`--csv OUT`). The analysis is the pure
 * report/build.ts, the folder is read by io/report-folder.ts (shared with the language server); this file
 * writes, and shares the plans out over `--jobs` threads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { folderReportSteps } from '../io/report-folder';
import { analyseOnThreads } from './report-jobs';
import { defaultJobs } from './parallel';
import { reportHtml } from '../report/html';
import { targetsCsv } from '../report/csv';
import { reportText } from '../report/text';
import type { Report } from '../report/types';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { describeFsError } from './files';
import { EXIT_OK, EXIT_TROUBLE } from './lint';

/** The report of a folder, or a message: shared by the CLI and the bench. Plans are analysed on `args.jobs` threads. */
export function folderReport(dir: string, args: CliArgs, io: CliIo): Report | undefined {
  const steps = folderReportSteps(dir, args, io, (files, primaries, request, service, docs) => analyseOnThreads(files, primaries, request, args.lang, args.jobs ?? defaultJobs(), service, docs));
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function write(file: string, text: string, io: CliIo): boolean {
  try {
    fs.writeFileSync(file, text);
    return true;
  } catch (err) {
    io.err(`gongwen: ${t('{0}：无法写入（{1}）。', file, describeFsError(err))}\n`);
    return false;
  }
}

export function runReport(args: CliArgs, io: CliIo): number {
  if (args.paths.length !== 1) {
    io.err(`gongwen: ${t('report 需要一个文件夹。')}\n`);
    return EXIT_TROUBLE;
  }
  const dir = args.paths[0];
  const report = folderReport(dir, args, io);
  if (!report) return EXIT_TROUBLE;
  for (const u of report.unread) io.err(`gongwen: ${u.error}\n`);
  if (args.html !== undefined) {
    // Links from the page to the plans: relative to the page's folder, so the folder and the page can move together.
    const base = path.relative(path.dirname(path.resolve(args.html)), path.resolve(dir)).split(path.sep).map(encodeURIComponent).join('/');
    if (!write(args.html, reportHtml(report, { linkBase: base ? `${base}/` : '' }), io)) return EXIT_TROUBLE;
  }
  if (args.csv !== undefined && !write(args.csv, targetsCsv(report), io)) return EXIT_TROUBLE;
  io.out(args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : reportText(report));
  // A report is not a lint: findings in the plans are its content, not a failure.
  return report.unread.length ? EXIT_TROUBLE : EXIT_OK;
}
