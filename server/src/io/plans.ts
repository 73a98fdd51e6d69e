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
import { globMatches, isGlob } from '../knowledge/plans/paths';
import { parseJson } from '../json';
import { parseDocument } from '../model/parse';
import type { GongwenDocument } from '../model/types';
import type { WorkspaceDocs } from '../workspace';
import { DOCUMENT_EXTENSIONS, readSource } from './read';
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
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    warnings.push(t('{0}：无法读取上级方案登记表（{1}），只使用内置登记表。', file, (err as NodeJS.ErrnoException).code ?? String(err)));
    return { ...bundled, upper };
  }
  const parsed = parseJson(text);
  if (!('value' in parsed)) {
    // Where and what, never the file's characters.
    warnings.push(t('{0} 第 {1} 行：不是有效的 JSON（{2}），只使用内置登记表。', file, parsed.line, parsed.what));
    return { ...bundled, upper };
  }
  const { entries, problems } = validateRegistry(parsed.value);
  if (problems.length) warnings.push(t('{0}：以下条目格式不对，已跳过：{1}', file, problems.join('；')));
  return { entries: mergeEntries(bundled.entries, entries), upper };
}

/** Extra upper files from the command line (`--upper FILE`, repeatable): they apply to every file linted. Duplicates are merged. */
export function withUpperFiles(plans: PlanKnowledge, files: readonly string[]): PlanKnowledge {
  if (!files.length) return plans;
  const all = [...new Set([...plans.upper.all, ...files.map((f) => absolute(f, undefined))])];
  return { ...plans, upper: { ...plans.upper, all } };
}

export { DOCUMENT_EXTENSIONS };
/** A workspace with more files than this is not scanned further (the rest are still found when opened). */
export const MAX_FILES = 300;
/** Larger files are not notices: a plan runs to some 100 KB of text. */
export const MAX_BYTES = 2 * 1024 * 1024;
/** A .docx or .pdf carries pictures and fonts besides its text: a larger bound. */
export const MAX_OFFICE_BYTES = 50 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

/** Bounds of a directory walk: folder depth, documents found, directory entries looked at. */
export interface WalkLimits {
  depth: number;
  files: number;
  entries: number;
}
/** The server's walks (workspace folder, `upper` globs): small, they run again every few seconds. */
export const WORKSPACE_LIMITS: WalkLimits = { depth: 6, files: MAX_FILES, entries: 20_000 };

/** What a walk has used of its limits; `truncated` is set when one of them stopped it. */
export interface WalkState {
  entries: number;
  truncated: boolean;
}

/**
 * Gongwen documents under `dir` (dot folders, node_modules and build output skipped; links not
 * followed). Bounded by `limits`: true when a bound was hit and documents may have been left out.
 */
export function listDocuments(dir: string, out: string[], limits: WalkLimits = WORKSPACE_LIMITS, state: WalkState = { entries: 0, truncated: false }, depth = 0): boolean {
  if (out.length >= limits.files || state.entries >= limits.entries) return (state.truncated = true);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return state.truncated;
  }
  for (const e of entries) {
    if (out.length >= limits.files || ++state.entries > limits.entries) return (state.truncated = true);
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
      if (depth >= limits.depth) state.truncated = true;
      else listDocuments(p, out, limits, state, depth + 1);
      // `~$name.docx` is Word's lock file of an open document, not a document.
    } else if (e.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()) && !e.name.startsWith('~$')) out.push(p);
  }
  return state.truncated;
}

/** The folder a glob pattern starts in (the part before its first wildcard). */
function patternBase(pattern: string): string {
  const wild = pattern.search(/[*?]/);
  if (wild < 0) return path.dirname(pattern);
  return path.dirname(pattern.slice(0, wild) + 'x');
}

/**
 * The files the upper patterns name: plain paths as they are, globs expanded under their base folder
 * (each folder walked once, all walks together within WORKSPACE_LIMITS). Duplicates merged.
 * `onTruncated` hears of the first pattern whose walk hit a bound (once per call, however many did).
 */
export function resolveUpperFiles(upper: UpperLinks, onTruncated?: (pattern: string) => void): string[] {
  const patterns = new Set([...upper.all, ...upper.byDocument.flatMap((m) => m.upper)]);
  const out = new Set<string>();
  const byBase = new Map<string, string[]>();
  for (const pattern of patterns) {
    if (!isGlob(pattern)) out.add(pattern);
    else {
      const base = patternBase(pattern);
      byBase.set(base, [...(byBase.get(base) ?? []), pattern]);
    }
  }
  const state: WalkState = { entries: 0, truncated: false };
  let found = 0;
  let told = false;
  for (const [base, globs] of byBase) {
    const files: string[] = [];
    state.truncated = false;
    listDocuments(base, files, { ...WORKSPACE_LIMITS, files: Math.max(0, WORKSPACE_LIMITS.files - found) }, state);
    found += files.length;
    if (state.truncated && !told) {
      told = true;
      onTruncated?.(globs[0]);
    }
    for (const f of files) {
      const p = f.replace(/\\/g, '/');
      if (globs.some((g) => globMatches(g, p))) out.add(f);
    }
  }
  return [...out];
}

/**
 * The CLI's workspace: the upper files of `plans.upper` (gongwen.json `upper` and `--upper`), read
 * and parsed on first use. A file that cannot be read is left out (lint reports the linted files only).
 */
export function upperWorkspace(plans: PlanKnowledge, onTruncated?: (pattern: string) => void): WorkspaceDocs {
  let docs: Map<string, GongwenDocument> | undefined;
  const load = () => {
    if (docs) return docs;
    docs = new Map();
    for (const file of resolveUpperFiles(plans.upper, onTruncated)) {
      const read = readSource(file);
      if ('error' in read) continue;
      const uri = pathToFileURL(path.resolve(file)).href;
      docs.set(uri, parseDocument(uri, read.text));
    }
    return docs;
  };
  return { all: () => load().values(), get: (uri) => load().get(uri) };
}
