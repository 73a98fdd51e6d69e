/** Finding the documents to lint and reading them as an editor would (UTF-8, BOM dropped). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';

/** Extensions of documents inside a folder; a file named on the command line is read whatever its name. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.gw', '.gongwen'];

export interface CollectedFiles {
  /** Paths as given or walked (relative when the user gave a relative path), in a stable order. */
  files: string[];
  /** One message per path that gave nothing to lint. */
  errors: string[];
}

export function collectFiles(paths: readonly string[]): CollectedFiles {
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
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      errors.push(t('{0}：找不到该文件或文件夹。', given));
      continue;
    }
    if (!stat.isDirectory()) {
      add(given);
      continue;
    }
    const found: string[] = [];
    walk(given, found, new Set());
    if (found.length === 0) errors.push(t('{0}：文件夹中没有公文文件（{1}）。', given, DOCUMENT_EXTENSIONS.map((e) => '*' + e).join('、')));
    found.forEach(add);
  }
  return { files, errors };
}

/** Depth-first, entries sorted by name; skips node_modules and dot-folders, and never loops on a symlink cycle. */
function walk(dir: string, out: string[], visited: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const names = entries.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const full = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      continue; // a dangling symlink is not a document
    }
    if (stat.isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) walk(full, out, visited);
    } else if (stat.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
      out.push(full);
    }
  }
}

/** How a file was stored, so `--fix` can write it back the same way (issue #8 adds GBK and UTF-16). */
export interface DocumentEncoding {
  name: 'utf-8';
  bom: boolean;
}

export type ReadResult = { text: string; encoding: DocumentEncoding } | { error: string };

/**
 * Reads a document as UTF-8 and drops a leading BOM, so positions match what an editor shows.
 * NUL bytes (a .doc, a PDF, UTF-16) or invalid UTF-8 (GBK) mean we cannot read it yet.
 */
export function readDocument(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { error: t('{0}：这是文件夹，不是文件。', file) };
    return { error: t('{0}：无法读取（{1}）。', file, (err as Error).message) };
  }
  if (bytes.includes(0)) {
    return { error: t('{0}：不是可读取的文本文件（含有 NUL 字节，可能是二进制文件或 UTF-16 编码）。目前只读取 UTF-8 编码的文件。', file) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: t('{0}：不是可读取的文本文件（不是有效的 UTF-8 编码，可能是 GBK）。目前只读取 UTF-8 编码的文件，请另存为 UTF-8 后再检查。', file) };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, encoding: { name: 'utf-8', bom } };
}

/** Writes a document back in the encoding it was read in (line endings are part of `text`). */
export function writeDocument(file: string, text: string, encoding: DocumentEncoding): void {
  fs.writeFileSync(file, (encoding.bom ? '\uFEFF' : '') + text, 'utf8');
}
