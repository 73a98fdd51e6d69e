/**
 * Finding the documents of the paths a user names: the files named and the documents of the folders
 * named, walked with bounds. Used by the CLI (cli/files.ts) and by the report of a folder, which the
 * language server builds too (io/report-folder.ts). Reading them is `io/read.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { describeFsError } from './read';
import { DOCUMENT_EXTENSIONS, isDocumentName } from './extensions';

export interface CollectedFiles {
  /** Paths as given or walked (relative when the user gave a relative path), in a stable order. */
  files: string[];
  /** One message per path that gave nothing to lint, could not be read whole, or whose walk was cut short. */
  errors: string[];
}

/** Bounds of a folder walk on the command line: folder depth, documents found, directory entries looked at. */
export interface CliWalkLimits {
  depth: number;
  files: number;
  entries: number;
}
export const CLI_WALK_LIMITS: CliWalkLimits = { depth: 32, files: 50_000, entries: 1_000_000 };

export function collectFiles(paths: readonly string[], limits: CliWalkLimits = CLI_WALK_LIMITS): CollectedFiles {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  // The same path given many times is looked at once (200,000 copies of one path cost one stat).
  const given = [...new Set(paths)];
  const walkState: WalkState = { files: 0, entries: 0, cut: false, deep: false, unreadable: [] };
  for (const p of given) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push(code === 'ENOENT' || code === 'ENOTDIR' ? t('{0}：找不到该文件或文件夹。', p) : t('{0}：无法访问（{1}）。', p, describeFsError(err)));
      continue;
    }
    if (!stat.isDirectory()) {
      add(p);
      continue;
    }
    const found: string[] = [];
    walkState.unreadable = [];
    walkState.deep = false;
    const cutBefore = walkState.cut;
    walk(p, found, new Set(), limits, walkState, 0);
    for (const u of walkState.unreadable) errors.push(t('{0}：无法读取文件夹（{1}），其中的文件没有检查。', u.dir, u.why));
    if (walkState.deep || (walkState.cut && !cutBefore) || (cutBefore && found.length === 0)) {
      errors.push(t('{0}：文件夹太大（上限：{1} 层、{2} 个公文、{3} 个目录项），其余文件没有检查。', p, limits.depth, limits.files, limits.entries));
    }
    if (found.length === 0 && walkState.unreadable.length === 0 && !walkState.cut && !walkState.deep) {
      errors.push(t('{0}：文件夹中没有公文文件（{1}）。', p, DOCUMENT_EXTENSIONS.map((e) => '*' + e).join('、')));
    }
    found.forEach(add);
  }
  return { files, errors };
}

interface WalkState {
  files: number;
  entries: number;
  /** The count bound stopped the walk (of this and any later folder). */
  cut: boolean;
  /** Folders below the depth bound were left out. */
  deep: boolean;
  /** Folders that could not be listed (permission), with the reason. */
  unreadable: Array<{ dir: string; why: string }>;
}

/**
 * Depth-first, entries sorted by name; skips node_modules and dot-folders, never loops on a symlink
 * cycle, and stops at `limits` (noting it in `state.cut`). An unreadable folder is noted, not skipped silently.
 */
function walk(dir: string, out: string[], visited: Set<string>, limits: CliWalkLimits, state: WalkState, depth: number): void {
  if (state.cut) return;
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (err) {
    state.unreadable.push({ dir, why: describeFsError(err) });
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    state.unreadable.push({ dir, why: describeFsError(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (state.files >= limits.files || ++state.entries > limits.entries) {
      state.cut = true;
      return;
    }
    const name = entry.name;
    const full = path.join(dir, name);
    // The listing says what a plain file or folder is; only a link (or an entry of unknown type) is looked up,
    // followed as before. A stat per entry was ~40 ms of a 1,000-file lint before its first file (issue #18).
    let kind: { isDirectory(): boolean; isFile(): boolean } = entry;
    if (!entry.isFile() && !entry.isDirectory()) {
      try {
        kind = fs.statSync(full);
      } catch {
        continue; // a dangling symlink is not a document
      }
    }
    if (kind.isDirectory()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (depth >= limits.depth) state.deep = true;
      else walk(full, out, visited, limits, state, depth + 1);
      if (state.cut) return;
      // `~$name.docx` is Word's lock file of an open document, not a document.
    } else if (kind.isFile() && isDocumentName(name)) {
      out.push(full);
      state.files++;
    }
  }
}
