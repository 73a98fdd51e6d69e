/**
 * `gongwen report DIR` (issue #19): reads every plan of the folder tree, lints each with the folder as
 * its workspace, and prints the overview (`--json`: the `Report` of server/src/report/), writes it as
 * one HTML page (`--html OUT`) and the targets table as CSV (`--csv OUT`). The analysis is the pure
 * `buildReport`; this file only reads and writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import type { GongwenDocument } from '../model/types';
import { readProjectConfig } from '../config';
import { buildReport } from '../report/build';
import { reportHtml } from '../report/html';
import { targetsCsv } from '../report/csv';
import { reportText } from '../report/text';
import { loadDivisions } from '../io/divisions';
import type { Report } from '../report/types';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { collectFiles, describeFsError, readDocument } from './files';
import { cliService, fileUri } from './service';
import { EXIT_OK, EXIT_TROUBLE } from './lint';

/** gongwen.json of the report: `--config`, else the folder's own, else the current directory's. */
function configFile(args: CliArgs, dir: string): string | undefined {
  if (args.config !== undefined) return args.config;
  const own = path.join(dir, 'gongwen.json');
  return fs.existsSync(own) ? own : undefined;
}

/** The report of a folder, or a message: shared by the CLI and the bench. */
export function folderReport(dir: string, args: CliArgs, io: CliIo): Report | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`gongwen: ${code === 'ENOENT' || code === 'ENOTDIR' ? t('{0}：找不到该文件或文件夹。', dir) : t('{0}：无法访问（{1}）。', dir, describeFsError(err))}\n`);
    return undefined;
  }
  if (!stat.isDirectory()) {
    io.err(`gongwen: ${t('{0}：report 需要一个文件夹。', dir)}\n`);
    return undefined;
  }
  const config = configFile(args, dir);
  const docs = new Map<string, GongwenDocument>();
  const service = cliService(
    { configFile: config, lang: args.lang, upper: args.upper, workspace: { all: () => docs.values(), get: (uri) => docs.get(uri) } },
    io,
  );
  const { files, errors } = collectFiles([dir]);
  const unread: Array<{ file: string; error: string }> = errors.map((error) => ({ file: dir, error }));
  const parsed: Array<{ file: string; doc: GongwenDocument }> = [];
  for (const file of files) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const read = readDocument(file);
    if ('error' in read) {
      unread.push({ file: rel, error: read.error });
      continue;
    }
    const doc = service.parse(fileUri(file), read.text);
    docs.set(doc.uri, doc);
    parsed.push({ file: rel, doc });
  }
  // Every plan is parsed before any is checked: a county's targets are judged against its city's plan.
  const plans = parsed.map((p) => ({ ...p, diagnostics: service.diagnostics(p.doc) }));
  const deadline = config ? readProjectConfig(config).config.deadline : undefined;
  return buildReport({
    root: dir,
    plans,
    unread,
    divisions: loadDivisions(),
    knowledge: service.knowledge.plans,
    workspace: { all: () => docs.values(), get: (uri) => docs.get(uri) },
    ...(deadline ? { deadline } : {}),
  });
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
