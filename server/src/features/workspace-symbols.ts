/**
 * "Go to section" across every document of the workspace (issue #6): each heading, and each plan
 * title, as a workspace symbol. The container names the document (its plan title, else its
 * notice title) and the enclosing heading, so `保障措施` in five plans can be told apart.
 * Matching is a subsequence match on the name, as editors do for symbol search.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { GongwenDocument, Heading } from '../model/types';
import { HEADING_KIND } from './symbols';
import type { WorkspaceDocs } from '../workspace';


/** Enough for a large workspace; editors ask again as the query narrows. */
const LIMIT = 500;

/** Every character of the query, in order, somewhere in the name (spaces in the query ignored). */
export function matchesQuery(name: string, query: string): boolean {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const n = name.toLowerCase();
  let at = 0;
  for (const c of q) {
    at = n.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function documentName(doc: GongwenDocument): string {
  const title = doc.notice.方案标题?.text ?? doc.notice.标题?.text;
  if (title) return title;
  return decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1));
}

function headingName(h: Heading): string {
  return h.marker + (h.title || '…');
}

export function workspaceSymbols(workspace: WorkspaceDocs, query: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const doc of workspace.all()) {
    const docName = documentName(doc);
    const plan = doc.notice.方案标题;
    if (plan && matchesQuery(plan.text, query)) {
      out.push({ name: plan.text, kind: SymbolKind.File, location: { uri: doc.uri, range: plan.range } });
    }
    for (const h of doc.allHeadings) {
      const name = headingName(h);
      if (!matchesQuery(name, query)) continue;
      const container = h.parent ? `${docName} › ${headingName(h.parent)}` : docName;
      out.push({ name, kind: HEADING_KIND[h.kind], containerName: container, location: { uri: doc.uri, range: h.range } });
      if (out.length >= LIMIT) return out;
    }
  }
  return out;
}
