/**
 * Finding the documents to lint: the files named and the documents of the folders named (`io/walk.ts`,
 * shared with the server's report of a folder). Reading them (text in any of its encodings, .docx, .pdf)
 * is `io/read.ts`, shared with the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export { describeFsError, DOCUMENT_EXTENSIONS, readSource as readDocument } from '../io/read';
export { decodeDocument, encodeDocument, plausiblyChinese, writeDocument, type DocumentEncoding, type EncodingName } from '../io/text';

export { collectFiles, CLI_WALK_LIMITS, type CliWalkLimits, type CollectedFiles } from '../io/walk';

/** Whether two paths name one file (the same path, or a link to it): an output must never be its input. */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // the output does not exist yet
  }
}
