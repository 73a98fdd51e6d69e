/**
 * The server's view of the workspace for features that look beyond one document: every open
 * gongwen document (parsed once per version), the gongwen documents of the workspace folder that
 * are not open (`*.txt`, `*.gw`, `*.gongwen`), and the upper files named by gongwen.json `upper`
 * wherever they are. Closed files are listed at most once per LISTING_TTL_MS, read and parsed
 * only when a feature asks, re-parsed when their size or time changes, and bounded in count and size
 * (io/plans.ts MAX_FILES, MAX_BYTES). A check reads closed files for at most SYNC_LOAD_MS: the files left are
 * parsed in the background, a slice at a time, and `onIndexed` is told once they all are (the server then checks
 * the open documents again). When the editor reports a closed file changed, created or
 * deleted on disk (`workspace/didChangeWatchedFiles`), `refresh` drops the listing and the file's
 * parse, so the next look reads it again; `watchers` are the file patterns the server asks for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Disposable, FileSystemWatcher, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceDocs } from '../workspace';
import type { GongwenDocument } from '../model/types';
import { parseDocument } from '../model/parse';
import { OFFICE_EXTENSIONS, readSource } from '../io/read';
import type { UpperLinks } from '../knowledge/plans';
import { uriPath } from '../knowledge/plans/paths';
import { DOCUMENT_EXTENSIONS, listDocuments, MAX_BYTES, MAX_OFFICE_BYTES, resolveUpperFiles, WORKSPACE_LIMITS } from '../io/plans';
import { t } from '../l10n';
import type { Analyses } from './validation';

const LISTING_TTL_MS = 2000;
/**
 * How long checks may spend reading and parsing closed files before their diagnostics go out (ms, from one
 * background pass to the next). A folder of 100 drafts held back the first document's diagnostics 1.3 s
 * (bench/first-diagnostics.ts, issue #18). Closed files only ever add findings (an upper plan to compare
 * with, a short title defined elsewhere), so a check that goes without some of them shows fewer findings,
 * never a wrong one, until the background pass is done. `GONGWEN_WORKSPACE_SYNC_MS` sets it (tests).
 */
const SYNC_LOAD_MS = Number(process.env.GONGWEN_WORKSPACE_SYNC_MS ?? 50);
/** A background slice parses files for about this long before it lets the server answer again. */
const SLICE_MS = 10;

/** Where closed documents come from: the workspace folder and the configured upper files. */
export interface WorkspaceFolder {
  root?: string;
  upper: UpperLinks;
}

interface Parsed {
  mtimeMs: number;
  size: number;
  doc: GongwenDocument | undefined;
}

/** The server's workspace: the documents plus what the server needs to keep it fresh. */
export interface FolderWorkspace extends WorkspaceDocs {
  /**
   * Files changed, created or deleted on disk: forget their parse and the folder listing. True when
   * one of them is (or was) a closed workspace document, so findings that compare with it may move.
   */
  refresh(uris: readonly string[]): boolean;
}

export function openDocumentsWorkspace(
  documents: TextDocuments<TextDocument>,
  analyses: () => Analyses,
  folder: () => WorkspaceFolder = () => ({ upper: { all: [], byDocument: [] } }),
  /** Told once per folder or pattern whose walk hit a bound (io/plans.ts WORKSPACE_LIMITS). */
  warn: (message: string) => void = () => undefined,
  /**
   * Told when the closed files a check went without are all parsed: the open documents' findings may grow. The
   * server parses the open documents afresh (their links to upper plans are kept per parsed version) and checks them.
   */
  onIndexed: () => void = () => undefined,
): FolderWorkspace {
  const parsed = new Map<string, Parsed>();
  /** What loading closed files synchronously has cost since the last background pass (ms). */
  let syncSpent = 0;
  let background: ReturnType<typeof setTimeout> | undefined;
  let listing: { key: string; at: number; files: Map<string, string> } | undefined;
  const warned = new Set<string>();
  const truncated = (what: string) => {
    if (warned.has(what)) return;
    warned.add(what);
    const { depth, files, entries } = WORKSPACE_LIMITS;
    warn(t('{0}：文件太多或层级太深（上限：{1} 层、{2} 个公文、{3} 个目录项），其余文件未纳入工作区；打开的文件照常检查。', what, depth, files, entries));
  };

  /** uri → path of every closed candidate file. */
  function files(): Map<string, string> {
    const f = folder();
    const key = JSON.stringify(f);
    const now = Date.now();
    if (listing && listing.key === key && now - listing.at < LISTING_TTL_MS) return listing.files;
    const found: string[] = [];
    if (f.root && listDocuments(f.root, found)) truncated(f.root);
    found.push(...resolveUpperFiles(f.upper, truncated));
    const map = new Map<string, string>();
    for (const file of found) map.set(pathToFileURL(path.resolve(file)).href, file);
    listing = { key, at: now, files: map };
    return map;
  }

  function load(uri: string, file: string): GongwenDocument | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      parsed.delete(uri);
      return undefined;
    }
    const cached = parsed.get(uri);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.doc;
    // Too large a file is remembered as no document, so the background pass does not come back to it.
    const tooLarge = stat.size > (OFFICE_EXTENSIONS.includes(path.extname(file).toLowerCase()) ? MAX_OFFICE_BYTES : MAX_BYTES);
    const read = tooLarge ? undefined : readSource(file);
    const doc = !read || 'error' in read ? undefined : parseDocument(uri, read.text);
    parsed.set(uri, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
    return doc;
  }

  /** A closed file for a check: parsed now while the budget lasts, else left to the background pass. */
  function loadForCheck(uri: string, file: string): GongwenDocument | undefined {
    if (parsed.has(uri)) return load(uri, file);
    if (syncSpent >= SYNC_LOAD_MS) {
      indexInBackground();
      return undefined;
    }
    const t = Date.now();
    const doc = load(uri, file);
    syncSpent += Date.now() - t;
    return doc;
  }

  /** Parses the closed files no check has read yet, a slice per turn of the event loop; then tells `onIndexed`. */
  function indexInBackground(): void {
    if (background) return;
    const tried = new Set<string>();
    let found = 0;
    const slice = () => {
      const deadline = Date.now() + SLICE_MS;
      for (const [uri, file] of files()) {
        if (parsed.has(uri) || tried.has(uri) || documents.get(uri)) continue;
        tried.add(uri);
        if (load(uri, file)) found++;
        if (Date.now() >= deadline) {
          background = setTimeout(slice, 0);
          return;
        }
      }
      background = undefined;
      syncSpent = 0;
      // Only documents can change a finding (a file gone or unreadable adds none): no second check for nothing.
      if (found > 0) onIndexed();
    };
    background = setTimeout(slice, 0);
  }

  return {
    refresh(uris) {
      // Compared by path: editors spell file uris their own way (VS Code writes `file:///c%3A/…`).
      const changed = new Set<string>();
      for (const uri of uris) {
        if (documents.get(uri)) continue; // an open document is what the editor holds, not the file on disk
        const file = filePath(uri);
        if (file) changed.add(file);
      }
      if (changed.size === 0) return false;
      const before = listing?.files ?? new Map<string, string>();
      listing = undefined;
      const now = files();
      let relevant = false;
      for (const [uri, file] of [...before, ...now]) {
        if (!changed.has(samePath(file)) || documents.get(uri)) continue;
        relevant = true;
        parsed.delete(uri);
      }
      return relevant;
    },
    *all() {
      const open = new Set<string>();
      // A Word/PDF file open in its read-only view is that document already: not listed again from disk.
      const viewed = new Set<string>();
      for (const d of documents.all()) {
        open.add(d.uri);
        if (d.uri.startsWith('gongwen-office:')) viewed.add(samePath(uriPath(d.uri)));
        yield analyses().get(d);
      }
      for (const [uri, file] of files()) {
        if (open.has(uri) || (viewed.size > 0 && viewed.has(samePath(file)))) continue;
        const doc = loadForCheck(uri, file);
        if (doc) yield doc;
      }
    },
    get(uri) {
      const d = documents.get(uri);
      if (d) return analyses().get(d);
      const file = files().get(uri);
      return file ? load(uri, file) : undefined;
    },
  };
}

/** The file system path of a `file:` uri, in the form `samePath` compares; undefined for other schemes. */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return samePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** A path as compared with another: absolute, and without case where the file system ignores it. */
function samePath(file: string): string {
  const p = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p;
}

/** Glob of the documents the folder listing takes: every `.txt`, `.gw` and `.gongwen` file. */
export const DOCUMENT_GLOB = `**/*.{${DOCUMENT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/**
 * What the server watches: gongwen.json, the folder's documents (DOCUMENT_GLOB), and (when the client takes
 * relative patterns) the upper files of gongwen.json that lie outside the folder or have another
 * extension. A glob upper pattern is watched under its fixed leading folder.
 */
export function watchers(configFile: string, f: WorkspaceFolder, relativePatterns: boolean): FileSystemWatcher[] {
  const out: FileSystemWatcher[] = [{ globPattern: `**/${configFile}` }, { globPattern: DOCUMENT_GLOB }];
  if (!relativePatterns) return out;
  const seen = new Set<string>();
  for (const pattern of [...f.upper.all, ...f.upper.byDocument.flatMap((m) => m.upper)]) {
    const file = path.resolve(pattern);
    const inside = !!f.root && !path.relative(f.root, file).startsWith('..') && !path.isAbsolute(path.relative(f.root, file));
    const wild = file.search(/[*?]/);
    if (inside && (wild >= 0 || DOCUMENT_EXTENSIONS.includes(path.extname(file).toLowerCase()))) continue;
    const base = wild < 0 ? path.dirname(file) : path.dirname(file.slice(0, wild) + 'x');
    const rest = path.relative(base, file).split(path.sep).join('/');
    const key = `${base}\u0000${rest}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ globPattern: { baseUri: pathToFileURL(base).href, pattern: rest } });
  }
  return out;
}

/**
 * Registers the file watchers with `register`, again only when the list changes, and then drops the registration
 * it replaces (the server's `watchFiles`: the upper files of gongwen.json may change).
 */
export function watcherRegistration(register: (list: FileSystemWatcher[]) => Promise<Disposable | undefined>): (list: FileSystemWatcher[]) => Promise<void> {
  let watching: { key: string; registration: Promise<Disposable | undefined> } | undefined;
  return async (list) => {
    const key = JSON.stringify(list);
    if (watching?.key === key) return;
    const previous = watching?.registration;
    const registration = register(list);
    watching = { key, registration };
    (await previous)?.dispose();
    await registration;
  };
}
