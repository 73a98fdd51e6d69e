/**
 * Reading a folder of plans for the province overview (issue #19): every document of the folder tree
 * read and parsed with the folder as the workspace, the plans related (report/build.ts), each analysed,
 * the report put together. Shared by `gongwen report` (cli/report.ts, which analyses on `--jobs`
 * threads) and the language server's `gongwen.server.report` (lsp/report-folder.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import type { GongwenDocument } from '../model/types';
import { readProjectConfig } from '../config';
import type { LanguageService } from '../service';
import type { UiLanguage } from '../settings';
import type { WorkspaceDocs } from '../workspace';
import { analysePlan, finishReport, relatePlans, type PlanAnalysis, type ReportInput } from '../report/build';
import type { Report } from '../report/types';
import { loadDivisions } from './divisions';
import { describeFsError, readSource as readDocument } from './read';
import { collectFiles } from './walk';
import { cliService, fileUri, type ServiceRequest, type WarningSink } from './service';

/** gongwen.json of the report: `--config`, else the folder's own, else the current directory's. */
function configFile(options: FolderReportOptions, dir: string): string | undefined {
  if (options.config !== undefined) return options.config;
  const own = path.join(dir, 'gongwen.json');
  return fs.existsSync(own) ? own : undefined;
}

/** How far a report has got: `done` of `total` steps (each plan read, then each plan analysed). */
export interface ReportProgress {
  done: number;
  total: number;
}

/** What the report of a folder is told: gongwen.json (`--config`, or as already read), `--lang`, `--upper`. */
export interface FolderReportOptions {
  config?: string;
  lang?: UiLanguage;
  upper?: readonly string[];
  project?: ServiceRequest['project'];
}

/** Analyses every plan at once (`lint`'s worker threads, cli/report-jobs.ts) instead of one by one. */
export type AnalyseAll = (files: readonly string[], primaries: readonly number[], request: ServiceRequest, service: LanguageService, docs: readonly GongwenDocument[]) => PlanAnalysis[];

/**
 * The report of a folder, step by step: a progress after each plan read and each plan analysed, the
 * report (or undefined after a message) at the end. The CLI runs it through (`folderReport`); the
 * language server runs it a few steps at a time, so it stays responsive and can stop (lsp/report-folder.ts).
 * Errors (no such folder, not a folder) go to `io.err` as the CLI prints them.
 */
export function* folderReportSteps(dir: string, options: FolderReportOptions, io: WarningSink, analyseAll?: AnalyseAll): Generator<ReportProgress, Report | undefined> {
  const project = options.project;
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
  const config = configFile(options, dir);
  const docs = new Map<string, GongwenDocument>();
  const workspace: WorkspaceDocs = { all: () => docs.values(), get: (uri) => docs.get(uri) };
  const request: ServiceRequest = { configFile: config, lang: options.lang, upper: options.upper ?? [], ...(project ? { project } : {}) };
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
