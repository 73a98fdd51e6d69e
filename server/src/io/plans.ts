/**
 * The user's side of the plan knowledge, read for the server and the CLI: their own registry file
 * (gongwen.json `plans`, same format as the bundled one; an entry with a bundled id replaces it)
 * and the upper documents named by `upper`, as absolute path patterns.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PlanKnowledge, UpperLinks } from '../knowledge/plans';
import { mergeEntries, validateRegistry } from '../knowledge/plans/registry';
import { globMatches } from '../knowledge/plans/paths';
import { parseDocument } from '../model/parse';
import type { GongwenDocument } from '../model/types';
import type { WorkspaceDocs } from '../workspace';
import { readDocument } from '../cli/files';
import type { ProjectConfig } from '../settings';
import { t } from '../l10n';

function absolute(p: string, baseDir: string | undefined): string {
  return (path.isAbsolute(p) ? p : path.resolve(baseDir ?? process.cwd(), p)).replace(/\\/g, '/');
}

export function upperLinks(config: ProjectConfig, baseDir: string | undefined): UpperLinks {
  const u = config.upper;
  if (!u) return { all: [], byDocument: [] };
  if (Array.isArray(u)) return { all: u.map((p) => absolute(p, baseDir)), byDocument: [] };
  return {
    all: [],
    byDocument: Object.entries(u).map(([document, upper]) => ({ document: absolute(document, baseDir), upper: upper.map((p) => absolute(p, baseDir)) })),
  };
}

export function loadUserPlans(bundled: PlanKnowledge, config: ProjectConfig, baseDir: string | undefined, warnings: string[]): PlanKnowledge {
  const upper = upperLinks(config, baseDir);
  if (!config.plans) return { ...bundled, upper };
  const file = absolute(config.plans, baseDir);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    warnings.push(t('{0}：无法读取上级方案登记表（{1}），只使用内置登记表。', file, (err as Error).message));
    return { ...bundled, upper };
  }
  const { entries, problems } = validateRegistry(json);
  if (problems.length) warnings.push(t('{0}：以下条目格式不对，已跳过：{1}', file, problems.join('；')));
  return { entries: mergeEntries(bundled.entries, entries), upper };
}

/** Extra upper files from the command line (`--upper FILE`, repeatable): they apply to every file linted. */
export function withUpperFiles(plans: PlanKnowledge, files: readonly string[]): PlanKnowledge {
  if (!files.length) return plans;
  return { ...plans, upper: { ...plans.upper, all: [...plans.upper.all, ...files.map((f) => absolute(f, undefined))] } };
}

export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.gw', '.gongwen'];
/** A workspace with more files than this is not scanned further (the rest are still found when opened). */
export const MAX_FILES = 300;
/** Larger files are not notices: a plan runs to some 100 KB of text. */
export const MAX_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 6;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

/** Gongwen documents under `dir` (bounded in count and depth; dot folders, node_modules and build output skipped). */
export function listDocuments(dir: string, out: string[], depth = 0): void {
  if (out.length >= MAX_FILES || depth > MAX_DEPTH) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) listDocuments(p, out, depth + 1);
    } else if (e.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(p);
  }
}

/** The folder a glob pattern starts in (the part before its first wildcard). */
function patternBase(pattern: string): string {
  const wild = pattern.search(/[*?]/);
  if (wild < 0) return path.dirname(pattern);
  return path.dirname(pattern.slice(0, wild) + 'x');
}

/** The files the upper patterns name: plain paths as they are, globs expanded under their base folder. */
export function resolveUpperFiles(upper: UpperLinks): string[] {
  const patterns = [...upper.all, ...upper.byDocument.flatMap((m) => m.upper)];
  const out: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?]/.test(pattern)) {
      out.push(pattern);
      continue;
    }
    const found: string[] = [];
    listDocuments(patternBase(pattern), found);
    out.push(...found.filter((f) => globMatches(pattern, f.replace(/\\/g, '/'))));
  }
  return out;
}

/**
 * The CLI's workspace: the upper files of `plans.upper` (gongwen.json `upper` and `--upper`), read
 * and parsed on first use. A file that cannot be read is left out (lint reports the linted files only).
 */
export function upperWorkspace(plans: PlanKnowledge): WorkspaceDocs {
  let docs: Map<string, GongwenDocument> | undefined;
  const load = () => {
    if (docs) return docs;
    docs = new Map();
    for (const file of resolveUpperFiles(plans.upper)) {
      const read = readDocument(file);
      if ('error' in read) continue;
      const uri = pathToFileURL(path.resolve(file)).href;
      docs.set(uri, parseDocument(uri, read.text));
    }
    return docs;
  };
  return { all: () => load().values(), get: (uri) => load().get(uri) };
}
