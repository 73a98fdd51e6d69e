/**
 * Short titles (简称) of cited documents: which 《…》 stands for which full title. Three sources:
 * the registry's `shortTitles` (《科学素质纲要》 for the national 纲要), the `（以下简称《…》）` definitions
 * of the other workspace documents, and the titles the service knows — those the document cites in
 * full, the workspace documents' own titles and the registry's titles — of which a citation is a
 * visible abridgement (《威海方案》 for 《威海市全民科学素质行动规划纲要实施方案（2021—2025年）》).
 */
import type { Citation, GongwenDocument } from '../../model/types';
import type { WorkspaceDocs } from '../../workspace';
import type { PlanKnowledge } from '../plans';
import { documentTitle } from './documents';
import { normaliseTitle, periodOfTitle, titleCore } from './titles';

/** The kind of document a title ends with; a short title keeps it (《科学素质纲要》 is still a 纲要). */
const GENRE = /(纲要|规划|计划|方案|意见|办法|细则|规则|规定|条例|决定|通知|标准|指南)$/;
/** A title with a year in it names one edition: it is a full title, not a short one. */
const YEAR = /\d{4}/;
/** An abridgement drops a good part of the title; one that drops a word or two is another document (济宁市… ⊂ 济宁市兖州区…). */
const MAX_SHARE = 0.7;
/** Words any plan's title has: 《实施方案》 or 《行动计划》 say what kind of document, not which one. */
const GENERIC = /实施|行动|工作|规划|计划|专项|总体|建设/g;

/** True when `short` (normalised) is an abridgement of `full` (normalised): its characters in order, the same genre, much shorter. */
export function isShortForm(short: string, full: string): boolean {
  if (short.length < 4 || YEAR.test(short)) return false;
  const core = titleCore(full);
  if (short === core || short.length > core.length * MAX_SHARE) return false;
  const genre = GENRE.exec(short)?.[1];
  if (!genre || !core.endsWith(genre)) return false;
  if (short.slice(0, -genre.length).replace(GENERIC, '').length < 2) return false;
  let k = 0;
  for (let i = 0; i < core.length && k < short.length; i++) if (core[i] === short[k]) k++;
  return k === short.length;
}

export interface ShortTitles {
  /** Short title → the full titles it is known to stand for (normalised). */
  explicit: Map<string, string[]>;
  /** Full titles a citation may abridge (normalised), not counting the document's own title. */
  fulls: string[];
  /** The document's own titles (normalised; the notice's and the plan's it issues): a 《…》 that abridges one means the document itself. */
  own: string[];
}

const add = (map: Map<string, string[]>, short: string, full: string) => {
  const list = map.get(short) ?? [];
  if (!list.includes(full)) list.push(full);
  map.set(short, list);
};

/** The document's title and, for a notice issuing a plan (关于印发《X》的通知), the plan's title X. */
function ownTitles(doc: GongwenDocument): string[] {
  const out = new Set<string>();
  for (const t of [documentTitle(doc), doc.notice.标题?.text, doc.notice.方案标题?.text]) {
    if (!t) continue;
    const n = normaliseTitle(t);
    out.add(n);
    const issued = /^关于印发(.{4,100})的通知$/.exec(n);
    if (issued) out.add(issued[1]);
  }
  return [...out];
}

/** What the registry, the workspace and the document itself say about short titles. */
export function shortTitles(doc: GongwenDocument, plans: PlanKnowledge, workspace: WorkspaceDocs): ShortTitles {
  const explicit = new Map<string, string[]>();
  const fulls = new Set<string>();
  for (const e of plans.entries) {
    for (const s of e.shortTitles ?? []) add(explicit, s, normaliseTitle(e.title));
    fulls.add(normaliseTitle(e.title));
  }
  for (const other of workspace.all()) {
    if (other.uri === doc.uri) continue;
    const title = documentTitle(other);
    if (title) fulls.add(title);
    // Only 《…》 definitions that follow the full citation: （以下简称“科普”） names a topic, not a document.
    for (const a of other.abbreviations) if (a.full && a.text.startsWith('《')) add(explicit, a.short, normaliseTitle(a.full));
  }
  // What the document cites in full: with its 文号, or with its period (（2021—2025年）, “十四五”).
  for (const c of doc.citations) if (c.docNumber || periodOfTitle(c.title)) fulls.add(normaliseTitle(c.title));
  const own = ownTitles(doc);
  for (const o of own) fulls.delete(o);
  return { explicit, fulls: [...fulls], own };
}

/** The full titles a citation is known to abridge; empty when it is not a known short title. */
export function fullTitlesOf(c: Citation, known: ShortTitles): string[] {
  const explicit = known.explicit.get(c.title);
  if (explicit) return explicit;
  if (c.docNumber) return [];
  const title = normaliseTitle(c.title);
  if (known.fulls.includes(title) || known.own.some((o) => isShortForm(title, o))) return [];
  return known.fulls.filter((f) => isShortForm(title, f));
}
