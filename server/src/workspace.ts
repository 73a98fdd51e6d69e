/**
 * The other documents a feature may look at (upper plans, workspace symbols, find-all-tasks).
 * The LSP server backs it with open documents and files of the workspace folder; the CLI with
 * the files it was given. Pure interface: no I/O here.
 */
import type { GongwenDocument } from './model/types';

export interface WorkspaceDocs {
  /** Every known document, parsed (lazily by the implementation). */
  all(): Iterable<GongwenDocument>;
  get(uri: string): GongwenDocument | undefined;
}

export const EMPTY_WORKSPACE: WorkspaceDocs = {
  all: () => [],
  get: () => undefined,
};

/** A workspace over a fixed set of parsed documents (tests, CLI). */
export function workspaceOf(docs: GongwenDocument[]): WorkspaceDocs {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  return { all: () => byUri.values(), get: (uri) => byUri.get(uri) };
}
