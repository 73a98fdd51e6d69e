/**
 * Which documents stand above which: the title a workspace document goes by, the registry entries
 * a document cites, and the upper documents of a document — configured ones first (gongwen.json
 * `upper`, `--upper`), then workspace documents it cites by title.
 */
import type { GongwenDocument } from '../../model/types';
import type { WorkspaceDocs } from '../../workspace';
import type { PlanKnowledge } from '../plans';
import { LEVEL_RANK, type PlanEntry } from './registry';
import { normaliseDocNumber, normaliseTitle, periodOfTitle } from './titles';
import { globMatches, uriPath } from './paths';
import { documentMemo, perDocument } from '../../model/memo';

/** This module's keys in the document's memo (model/memo.ts). */
const TITLE = Symbol('plan title');
const UPPERS = Symbol('upper documents');

/**
 * The plan's title, normalised: the 方案标题; else the title the notice issues (关于印发《X》的通知);
 * else the title the notice issues with `现将《…》印发` (seed 000 lost its plan title but its notice names it).
 */
export function documentTitle(doc: GongwenDocument): string | undefined {
  return perDocument(doc, TITLE, () => titleOf(doc));
}

function titleOf(doc: GongwenDocument): string | undefined {
  let title: string | undefined = doc.notice.方案标题?.text;
  if (!title && doc.notice.标题) {
    const m = /关于印发《?(.{4,100}?)》?的通知/.exec(doc.notice.标题.text.replace(/\s+/g, ''));
    title = m?.[1];
  }
  if (!title) {
    // Before the first heading only: `现将《…》印发给你们`, wrapped by the PDF at any place.
    const firstHeading = doc.allHeadings[0]?.range.start.line;
    const head = doc.lines.slice(0, firstHeading ?? 60).map((l) => l.text).join('').replace(/\s+/g, '');
    title = /现将《(.{4,100}?)》印发/.exec(head)?.[1];
  }
  return title ? normaliseTitle(title) : undefined;
}

/** The plan's period from its title: `（2021—2025年）` or `“十四五”`. */
export function documentPeriod(doc: GongwenDocument): [number, number] | undefined {
  const title = documentTitle(doc);
  return title ? periodOfTitle(title) : undefined;
}

/** True when the normalised cited title names the entry: the same title, or a notice that issues it. */
export function titleNames(cited: string, entry: PlanEntry): boolean {
  const t = normaliseTitle(entry.title);
  return cited === t || (t.length >= 8 && cited.includes(t));
}

function isSelf(doc: GongwenDocument, entry: PlanEntry): boolean {
  const own = doc.notice.发文字号?.text;
  if (entry.docNumber && own && normaliseDocNumber(own) === normaliseDocNumber(entry.docNumber)) return true;
  return documentTitle(doc) === normaliseTitle(entry.title);
}

/** Registry entries the document cites (by title or 文号), nearest level first. */
export function registryParents(doc: GongwenDocument, plans: PlanKnowledge): PlanEntry[] {
  const found = new Set<PlanEntry>();
  for (const c of doc.citations) {
    const title = normaliseTitle(c.title);
    const number = c.docNumber && normaliseDocNumber(c.docNumber.text);
    for (const e of plans.entries) {
      if (titleNames(title, e) || (number && e.docNumber && normaliseDocNumber(e.docNumber) === number)) found.add(e);
    }
  }
  return [...found].filter((e) => !isSelf(doc, e)).sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
}

function configuredPatterns(doc: GongwenDocument, plans: PlanKnowledge): string[] {
  const path = uriPath(doc.uri);
  return [...plans.upper.all, ...plans.upper.byDocument.filter((m) => globMatches(m.document, path)).flatMap((m) => m.upper)];
}

/**
 * The workspace document a citation names by title, if any. Never the citing document itself, nor
 * another copy of the same plan: a notice cites the plan it issues (现将《…》印发给你们), and a draft
 * beside the plan's earlier version (a new 乳山 plan where 乳山's old one lies) must not take that
 * version for its upper plan.
 */
export function citedDocument(title: string, from: GongwenDocument, workspace: WorkspaceDocs): GongwenDocument | undefined {
  const cited = normaliseTitle(title);
  const own = documentTitle(from);
  if (own && cited === own) return undefined;
  for (const other of workspace.all()) {
    if (other.uri === from.uri) continue;
    const t = documentTitle(other);
    if (t === own) continue;
    if (t && (t === cited || (t.length >= 8 && cited.includes(t)))) return other;
  }
  return undefined;
}

/**
 * Upper documents of `doc` in the workspace: configured ones first, then those it cites. The links
 * are cached per parsed version of `doc` (a new version or new knowledge looks again), because every
 * rule and lens asks and a look goes through the whole workspace.
 */
export function upperDocuments(doc: GongwenDocument, plans: PlanKnowledge, workspace: WorkspaceDocs): GongwenDocument[] {
  const memo = documentMemo(doc);
  const cached = memo.get(UPPERS) as { plans: PlanKnowledge; workspace: WorkspaceDocs; uris: string[] } | undefined;
  if (cached && cached.plans === plans && cached.workspace === workspace) {
    // The links are cached, not the documents: an upper document edited since is fetched as it is now.
    const docs = cached.uris.map((uri) => workspace.get(uri));
    if (docs.every((d): d is GongwenDocument => d !== undefined)) return docs;
  }
  const result = findUpperDocuments(doc, plans, workspace);
  memo.set(UPPERS, { plans, workspace, uris: result.map((d) => d.uri) });
  return result;
}

function findUpperDocuments(doc: GongwenDocument, plans: PlanKnowledge, workspace: WorkspaceDocs): GongwenDocument[] {
  const patterns = configuredPatterns(doc, plans);
  const out: GongwenDocument[] = [];
  const seen = new Set<string>([doc.uri]);
  if (patterns.length) {
    for (const other of workspace.all()) {
      if (seen.has(other.uri)) continue;
      const path = uriPath(other.uri);
      if (patterns.some((p) => globMatches(p, path))) {
        out.push(other);
        seen.add(other.uri);
      }
    }
  }
  for (const c of doc.citations) {
    const other = citedDocument(c.title, doc, workspace);
    if (other && !seen.has(other.uri)) {
      out.push(other);
      seen.add(other.uri);
    }
  }
  return out;
}

/** Workspace documents that have `upper` among their upper documents (find references). */
export function lowerDocuments(upper: GongwenDocument, plans: PlanKnowledge, workspace: WorkspaceDocs): GongwenDocument[] {
  const out: GongwenDocument[] = [];
  for (const doc of workspace.all()) {
    if (doc.uri === upper.uri) continue;
    if (upperDocuments(doc, plans, workspace).some((u) => u.uri === upper.uri)) out.push(doc);
  }
  return out;
}

/** A short name for a document in lenses and messages: its issuer's place (威海) or its title. */
export function shortName(doc: GongwenDocument): string {
  const title = documentTitle(doc) ?? '';
  const place = /^(.{2,6}?)(市|县|区|省)/.exec(doc.notice.发文机关署名?.text.replace(/\s+/g, '') ?? '') ?? /^(.{2,6}?)(市|县|区|省)/.exec(title);
  if (place) return place[1];
  const agency = doc.notice.发文字号?.agency;
  return agency || title.slice(0, 8) || doc.uri.slice(doc.uri.lastIndexOf('/') + 1);
}
