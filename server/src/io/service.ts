/**
 * Building the same language service the editor uses, from gongwen.json and the command line: for the
 * CLI (cli/service.ts) and for the report of a folder, which the language server builds too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readProjectConfig } from '../config';
import { loadKnowledge } from './knowledge';
import { upperWorkspace, withUpperFiles } from './plans';
import { createLanguageService, type LanguageService } from '../service';
import { mergeSettings, type ProjectConfig, type UiLanguage } from '../settings';
import { t } from '../l10n';
import type { WorkspaceDocs } from '../workspace';

export interface ServiceRequest {
  /** `--config FILE`; without it, `gongwen.json` in the current directory when there is one. */
  configFile?: string;
  /** `--lang`: wins over the language of gongwen.json. */
  lang?: UiLanguage;
  /** `--upper FILE` (repeatable): upper documents for every file, besides gongwen.json `upper` (issue #5). */
  upper?: readonly string[];
  /** Documents the service may look at besides the upper files (`report`: every plan of the folder, issue #19). */
  workspace?: WorkspaceDocs;
  /**
   * gongwen.json as already read, and its folder: wins over `configFile` (the language server's report,
   * which in Restricted Mode keeps its settings only, lsp/report-folder.ts). `config: {}`: none.
   */
  project?: { config: ProjectConfig; dir: string };
}

/** The installed rule pages next to `dist/`, so each diagnostic links to a page that exists. */
export function docsBase(): string {
  return pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href + '/';
}

/** Where warnings about gongwen.json go (the CLI's stderr; nowhere in a worker thread). */
export interface WarningSink {
  err(text: string): void;
}

/** A broken or missing configuration is a warning on stderr: linting goes on with the defaults. */
export function cliService(request: ServiceRequest, io: WarningSink): LanguageService {
  const file = request.project ? path.join(request.project.dir, 'gongwen.json') : (request.configFile ?? 'gongwen.json');
  let config: ProjectConfig = {};
  if (request.project) config = request.project.config;
  else if (request.configFile !== undefined && !fs.existsSync(file)) {
    io.err(`gongwen: ${t('{0}：找不到配置文件，已改用默认配置。', file)}\n`);
  } else {
    const result = readProjectConfig(file);
    if (result.error) io.err(`gongwen: ${t('警告：{0}', result.error)}\n`);
    for (const w of result.warnings ?? []) io.err(`gongwen: ${t('警告：{0}', w)}\n`);
    config = result.config;
  }
  const settings = mergeSettings(undefined, config);
  if (request.lang) settings.language = request.lang;
  const { knowledge, warnings } = loadKnowledge(config, path.dirname(path.resolve(file)));
  for (const w of warnings) io.err(`gongwen: ${t('警告：{0}', w)}\n`);
  const plans = withUpperFiles(knowledge.plans, request.upper ?? []);
  const truncated = (pattern: string) => io.err(`gongwen: ${t('警告：{0}', t('“{0}”：匹配的文件太多或层级太深，只读取了一部分上级方案。', pattern))}\n`);
  // gongwen.json `ignore` and `overrides` apply as in the editor; the CLI never writes them.
  const suppressions = { dir: path.dirname(path.resolve(file)).replace(/\\/g, '/'), ignore: config.ignore ?? [], overrides: config.overrides ?? [] };
  const uppers = upperWorkspace(plans, truncated);
  return createLanguageService({ settings, knowledge: { ...knowledge, plans }, docsBase: docsBase(), workspace: request.workspace ? joined(request.workspace, uppers) : uppers, suppressions });
}

/** Two sets of documents as one; the first wins for a uri both hold. */
function joined(first: WorkspaceDocs, second: WorkspaceDocs): WorkspaceDocs {
  return {
    *all() {
      const seen = new Set<string>();
      for (const d of first.all()) {
        seen.add(d.uri);
        yield d;
      }
      for (const d of second.all()) if (!seen.has(d.uri)) yield d;
    },
    get: (uri) => first.get(uri) ?? second.get(uri),
  };
}

/** The file URI the service is given, as the editor would name the same file. */
export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}
