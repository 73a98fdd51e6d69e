/**
 * `gongwen.server.report` (issue #19): the VS Code side of `gongwen report DIR`. The client sends a
 * folder's uri; the server reads it with the CLI's own code (io/report-folder.ts `folderReportSteps`), a few
 * plans at a time so that it keeps answering the editor, reports progress on the request's work-done
 * token and stops when the request is cancelled. It answers with the page for the webview (strict CSP,
 * its one script allowed by the client's nonce), the page to save (links to the plans as file URLs, so
 * it may be saved anywhere), the targets table as CSV and the report as JSON.
 *
 * Restricted Mode: reading the folder's plans is what the user asked for, so it is done; gongwen.json
 * (the folder's own, else the workspace's) is used for its settings and `deadline` only — never the
 * paths it names (upper, plans, departments, templates), as the rest of the server does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandContext } from './command-context';
import { readProjectConfig } from '../config';
import { untrustedConfig } from './settings';
import { t } from '../l10n';
import type { ProjectConfig } from '../settings';
import { folderReportSteps } from '../io/report-folder';
import { reportHtml } from '../report/html';
import { targetsCsv } from '../report/csv';
import { summarise } from '../report/summary';
import type { Report } from '../report/types';

export const REPORT_FOLDER_COMMAND = 'gongwen.server.report';

/** The gongwen.json the report uses: the folder's own, else the workspace's; `{}` for none. */
function projectOf(dir: string, context: CommandContext): { config: ProjectConfig; dir: string } {
  for (const d of [dir, context.projectDir]) {
    if (!d || !fs.existsSync(path.join(d, 'gongwen.json'))) continue;
    const { config } = readProjectConfig(path.join(d, 'gongwen.json'));
    // In Restricted Mode what the editor keeps of it (no file it names is read), and the report's `deadline`.
    return { config: context.trusted ? config : untrustedConfig(config, ['deadline']), dir: d };
  }
  return { config: {}, dir };
}

/** Time between two looks at the event loop (progress, cancellation, the editor's other requests). */
const SLICE_MS = 100;

export type ReportFolderAnswer =
  | { html: string; page: string; csv: string; json: string; plans: number; unread: string[]; summary: ReturnType<typeof summarise> }
  | { error: string }
  | { cancelled: true };

export async function reportFolder(args: unknown[], context: CommandContext): Promise<ReportFolderAnswer> {
  const [uri, options] = args;
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return { error: t('只能读取本地文件。') };
  const nonce = typeof (options as { nonce?: unknown })?.nonce === 'string' ? (options as { nonce: string }).nonce : '';
  if (!/^[A-Za-z0-9]{16,64}$/.test(nonce)) return { error: 'gongwen.server.report: nonce' };
  const dir = fileURLToPath(uri);
  const messages: string[] = [];
  const io = { out: () => undefined, err: (s: string) => void messages.push(s.replace(/^gongwen: /, '').trim()), colour: false };
  const steps = folderReportSteps(dir, { project: projectOf(dir, context) }, io);
  context.progress.begin(t('正在生成辖区总览…'), 0, undefined, true);
  let report: Report | undefined;
  try {
    let slice = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        report = step.value;
        break;
      }
      if (Date.now() - slice < SLICE_MS) continue;
      const { done, total } = step.value;
      context.progress.report(Math.floor((done / Math.max(1, total)) * 100), `${done}/${total}`);
      await new Promise((resolve) => setImmediate(resolve));
      if (context.token.isCancellationRequested) return { cancelled: true };
      slice = Date.now();
    }
    // A cancel that came during the last slice: the pages of a large folder are not worth building.
    await new Promise((resolve) => setImmediate(resolve));
    if (context.token.isCancellationRequested) return { cancelled: true };
  } finally {
    context.progress.done();
  }
  if (!report) return { error: messages.join('\n') || t('{0}：report 需要一个文件夹。', dir) };
  return {
    html: reportHtml(report, { linkBase: '', webview: { nonce } }),
    page: reportHtml(report, { linkBase: pathToFileURL(dir).href.replace(/\/?$/, '/') }),
    csv: targetsCsv(report),
    json: JSON.stringify(report, null, 2) + '\n',
    plans: report.plans.length,
    unread: report.unread.map((u) => u.error),
    summary: summarise(report),
  };
}
