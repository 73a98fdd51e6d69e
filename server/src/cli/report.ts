/**
 * `gongwen report DIR` (issue #19): reads every plan of the folder tree, lints each with the folder as
 * its workspace, and prints the overview (`--json`: the `Report` of server/src/report/), writes it as
 * one HTML page (`--html OUT`) and the targets table as CSV (`--csv OUT`). The analysis is the pure
 * report/build.ts; this file reads and writes, and shares the plans out over `--jobs` threads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import type { GongwenDocument } from '../model/types';
import { readProjectConfig } from '../config';
import { analysePlan, finishReport, relatePlans, type PlanAnalysis, type ReportInput } from '../report/build';
import type { LanguageService } from '../service';
import type { WorkspaceDocs } from '../workspace';
import { analyseOnThreads } from './report-jobs';
import { defaultJobs } from './parallel';
import { reportHtml } from '../report/html';
import { targetsCsv } from '../report/csv';
import { reportText } from '../report/text';
import { loadDivisions } from '../io/divisions';
import type { Report } from '../report/types';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { collectFiles, describeFsError, readDocument } from './files';
import { cliService, fileUri, type ServiceRequest } from './service';
import { EXIT_OK, EXIT_TROUBLE } from './lint';

/** gongwen.json of the report: `--config`, else the folder's own, else the current directory's. */
function configFile(args: CliArgs, dir: string): string | undefined {
  if (args.config !== undefined) return args.config;
  const own = path.join(dir, 'gongwen.json');
  return fs.existsSync(own) ? own : undefined;
}

/** How far a report has got: `done` of `total` steps (each plan read, then each plan analysed). */
export interface ReportProgress {
  done: number;
  total: number;
}

/** Analyses every plan at once (`lint`'s worker threads, cli/report-jobs.ts) instead of one by one. */
export type AnalyseAll = (files: readonly string[], primaries: readonly number[], request: ServiceRequest, service: LanguageService, docs: readonly GongwenDocument[]) => PlanAnalysis[];

/**
 * The report of a folder, step by step: a progress after each plan read and each plan analysed, the
 * report (or undefined after a message) at the end. The CLI runs it through (`folderReport`); the
 * language server runs it a few steps at a time, so it stays responsive and can stop (lsp/report-folder.ts).
 */
export function* folderReportSteps(dir: string, args: CliArgs, io: CliIo, analyseAll?: AnalyseAll, project?: ServiceRequest['project']): Generator<ReportProgress, Report | undefined> {
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
  const workspace: WorkspaceDocs = { all: () => docs.values(), get: (uri) => docs.get(uri) };
  const request: ServiceRequest = { configFile: config, lang: args.lang, upper: args.upper, ...(project ? { project } : {}) };
  const service = cliService({ ...request, workspace }, io);
  const { files, errors } = collectFiles([dir]);
  const unread: Array<{ file: string; error: string }> = errors.map((error) => ({ file: dir, error }));
  const parsed: Array<{ file: string; path: string; doc: GongwenDocument }> = [];
  const total = files.length * 2;
  for (const file of files) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const read = readDocument(file);
    if ('error' in read) unread.push({ file: rel, error: read.error });
    else {
      const doc = service.parse(fileUri(file), read.text);
      docs.set(doc.uri, doc);
      parsed.push({ file: rel, path: file, doc });
    }
    yield { done: parsed.length + unread.length - errors.length, total };
  }
  // Every plan is parsed before any is checked: a county's targets are judged against its city's plan.
  const deadline = project ? project.config.deadline : config ? readProjectConfig(config).config.deadline : undefined;
  const input: ReportInput = { root: dir, plans: parsed, unread, divisions: loadDivisions(), knowledge: service.knowledge.plans, workspace, ...(deadline ? { deadline } : {}) };
  const facts = relatePlans(input);
  const primaries = facts.map((f) => (f.primary ? facts.indexOf(f.primary) : -1));
  let analyses: PlanAnalysis[];
  if (analyseAll) analyses = analyseAll(parsed.map((p) => p.path), primaries, request, service, parsed.map((p) => p.doc));
  else {
    analyses = [];
    for (const f of facts) {
      analyses.push(analysePlan((doc) => service.diagnostics(doc), f.input.doc, f.primary?.input.doc));
      yield { done: files.length + analyses.length, total };
    }
  }
  return finishReport(input, facts, analyses);
}

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
