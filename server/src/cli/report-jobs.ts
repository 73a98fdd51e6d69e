/**
 * `gongwen report --jobs N` (issue #19): the costly part of a report — each plan's findings and its
 * coverage of its parent's tasks (report/build.ts `analysePlan`) — shared out over worker threads with
 * `lint`'s pool (cli/parallel.ts `shareOut`). A worker reads and parses every plan of the folder, as the
 * main thread did (the findings of a county depend on its city's plan), then analyses the plans it takes;
 * the analyses are plain data and come back as they are, so the report is the one a single thread makes.
 */
import type { GongwenDocument } from '../model/types';
import type { LanguageService } from '../service';
import type { UiLanguage } from '../settings';
import { setLanguage } from '../l10n';
import { analysePlan, type PlanAnalysis } from '../report/build';
import { readDocument } from './files';
import { PARALLEL_MIN_FILES, serveTasks, shareOut, type PoolChannel } from './parallel';
import { cliService, fileUri, type ServiceRequest } from './service';

interface ReportJob {
  /** The plans read, in the main thread's order. */
  files: readonly string[];
  /** Index in `files` of each plan's primary parent, -1 for none. */
  primaries: readonly number[];
  request: ServiceRequest;
  lang?: UiLanguage;
}

export function analyseOnThreads(
  files: readonly string[],
  primaries: readonly number[],
  request: ServiceRequest,
  lang: UiLanguage | undefined,
  jobs: number,
  service: LanguageService,
  docs: readonly GongwenDocument[],
): PlanAnalysis[] {
  const here = (i: number) => analysePlan((doc) => service.diagnostics(doc), docs[i], primaries[i] >= 0 ? docs[primaries[i]] : undefined);
  if (files.length < PARALLEL_MIN_FILES) return files.map((_, i) => here(i));
  const job: ReportJob = { files, primaries, request, ...(lang ? { lang } : {}) };
  return shareOut(files.length, jobs, 'gongwenReport', job, here);
}

/** The worker thread's side: the folder parsed again here, then the plans it takes analysed. */
export function runReportWorker(job: ReportJob & PoolChannel): void {
  if (job.lang) setLanguage(job.lang);
  let service: LanguageService;
  const docs = new Map<string, GongwenDocument>();
  const list: GongwenDocument[] = [];
  try {
    service = cliService({ ...job.request, workspace: { all: () => docs.values(), get: (uri) => docs.get(uri) } }, { err: () => undefined });
    for (const file of job.files) {
      const read = readDocument(file);
      // A file that changed to unreadable since the main thread read it: the main thread analyses every plan then.
      if ('error' in read) throw new Error(read.error);
      const doc = service.parse(fileUri(file), read.text);
      docs.set(doc.uri, doc);
      list.push(doc);
    }
  } catch {
    job.port.close();
    return;
  }
  serveTasks(job, job.files.length, (i) => analysePlan((doc) => service.diagnostics(doc), list[i], job.primaries[i] >= 0 ? list[job.primaries[i]] : undefined));
}
