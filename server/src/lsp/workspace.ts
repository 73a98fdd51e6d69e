/**
 * The server's view of the workspace for features that look beyond one document: every open
 * gongwen document (parsed once per version), the gongwen documents of the workspace folder that
 * are not open (`*.txt`, `*.gw`, `*.gongwen`), and the upper files named by gongwen.json `upper`
 * wherever they are. Closed files are listed at most once per LISTING_TTL_MS, read and parsed
 * only when a feature asks, re-parsed when their size or time changes, and bounded in count and size
 * (io/plans.ts MAX_FILES, MAX_BYTES).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceDocs } from '../workspace';
import type { GongwenDocument } from '../model/types';
import { parseDocument } from '../model/parse';
import { readDocument } from '../cli/files';
import type { UpperLinks } from '../knowledge/plans';
import { listDocuments, MAX_BYTES, resolveUpperFiles } from '../io/plans';
import type { Analyses } from './validation';

const LISTING_TTL_MS = 2000;

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

export function openDocumentsWorkspace(
  documents: TextDocuments<TextDocument>,
  analyses: () => Analyses,
  folder: () => WorkspaceFolder = () => ({ upper: { all: [], byDocument: [] } }),
): WorkspaceDocs {
  const parsed = new Map<string, Parsed>();
  let listing: { key: string; at: number; files: Map<string, string> } | undefined;

  /** uri → path of every closed candidate file. */
  function files(): Map<string, string> {
    const f = folder();
    const key = JSON.stringify(f);
    const now = Date.now();
    if (listing && listing.key === key && now - listing.at < LISTING_TTL_MS) return listing.files;
    const found: string[] = [];
    if (f.root) listDocuments(f.root, found);
    found.push(...resolveUpperFiles(f.upper));
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
    if (stat.size > MAX_BYTES) return undefined;
    const cached = parsed.get(uri);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.doc;
    const read = readDocument(file);
    const doc = 'error' in read ? undefined : parseDocument(uri, read.text);
    parsed.set(uri, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
    return doc;
  }

  return {
    *all() {
      const open = new Set<string>();
      for (const d of documents.all()) {
        open.add(d.uri);
        yield analyses().get(d);
      }
      for (const [uri, file] of files()) {
        if (open.has(uri)) continue;
        const doc = load(uri, file);
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
