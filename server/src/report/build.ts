/**
 * The province overview (issue #19): every plan of a folder against its parents. Data in (parsed
 * documents, the divisions, the plan knowledge), a `Report` out, in three steps so that the costly
 * middle one can run on several threads: `relatePlans` (places, parents), `analysePlan` per plan
 * (findings, coverage of the parent's tasks), `finishReport`. The CLI and the server read the folder
 * (cli/report.ts). Pure.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';
import type { PlanKnowledge } from '../knowledge/plans';
import type { WorkspaceDocs } from '../workspace';
import { citedDocument, documentTitle, registryParents, upperDocuments } from '../knowledge/plans/documents';
import { normaliseDocNumber, normaliseTitle, titleCore } from '../knowledge/plans/titles';
import { ancestors, type DivisionIndex } from './divisions';
import { findJurisdiction, type Jurisdiction } from './jurisdiction';
import { issuedDate, statedDeadlines } from './deadlines';
import { targetTable } from './targets';
import { coverageColumn, coverageMatrices } from './coverage';
import { divisionTree } from './tree';
import type { CoverageColumn, LateInfo, ParentRef, PlanFinding, PlanReport, Report, SeverityName } from './types';

export interface ReportPlanInput {
  /** Relative to the folder, `/`-separated. */
  file: string;
  doc: GongwenDocument;
  /** Its findings, once analysed (`analysePlan`); the targets table reads target-conflict among them. */
  diagnostics: readonly Diagnostic[];
}

/**
 * What analysing one plan gives: its findings, and how it covers the tasks of its primary parent
 * (none without one). The costly part of a report, done per plan, in a worker thread for many plans
 * (cli/report-jobs.ts): both are plain data that travel from there as they are.
 */
export interface PlanAnalysis {
  diagnostics: Diagnostic[];
  coverage?: CoverageColumn;
}

export interface ReportInput {
  root: string;
  plans: ReadonlyArray<{ file: string; doc: GongwenDocument }>;
  unread?: ReadonlyArray<{ file: string; error: string }>;
  divisions: DivisionIndex;
  knowledge: PlanKnowledge;
  /** Every plan of the folder (and the upper files of gongwen.json), for the `upper` and citation links. */
  workspace: WorkspaceDocs;
  /** gongwen.json `deadline`: when a parent states none, plans issued after it are late. */
  deadline?: string;
}

/** What the other parts of the report need to know about one plan. */
export interface PlanFacts {
  input: ReportPlanInput;
  jurisdiction?: Jurisdiction;
  /** The parent its targets, deadline and coverage are judged against: gongwen.json `upper`, else the nearest place above with a plan, else a plan it cites. */
  primary?: PlanFacts;
  report: PlanReport;
}

const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** How alike two plans' titles are (character bigrams of the title without years): a city with several plans has one for this topic. */
function titleLikeness(a: GongwenDocument, b: GongwenDocument): number {
  const x = bigrams(titleCore(documentTitle(a) ?? ''));
  const y = bigrams(titleCore(documentTitle(b) ?? ''));
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / Math.max(1, x.size + y.size - both);
}

function contextOf(doc: GongwenDocument, line: number, character: number): string {
  const text = doc.lines[line]?.text ?? '';
  const from = Math.max(0, character - 30);
  const to = Math.min(text.length, character + 50);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

function findingsOf(input: ReportPlanInput): { counts: Record<SeverityName, number>; findings: PlanFinding[] } {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const findings = input.diagnostics.map((d): PlanFinding => {
    const severity = SEVERITIES[(d.severity ?? 1) - 1] ?? 'error';
    counts[severity]++;
    return {
      rule: String(d.code ?? ''),
      severity,
      message: typeof d.message === 'string' ? d.message : d.message.value,
      line: d.range.start.line + 1,
      character: d.range.start.character + 1,
      context: contextOf(input.doc, d.range.start.line, d.range.start.character),
    };
  });
  findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.line - b.line || a.character - b.character);
  return { counts, findings };
}

function lateOf(facts: PlanFacts, deadline: string | undefined): LateInfo | undefined {
  const issued = facts.report.issued;
  if (!issued) return undefined;
  const parent = facts.primary;
  const stated = parent ? statedDeadlines(parent.input.doc).sort((a, b) => (a.date < b.date ? -1 : 1))[0] : undefined;
  if (stated) {
    if (issued <= stated.date) return undefined;
    return { deadline: stated.date, issued, source: { kind: 'parent', file: parent!.input.file, line: stated.range.start.line + 1, text: stated.text } };
  }
  if (deadline && parent && issued > deadline) return { deadline, issued, source: { kind: 'config' } };
  return undefined;
}

/**
 * Each plan's place and parents (and the primary one it is judged against), in the order of
 * `input.plans`; no findings yet: what `analysePlan` needs to know, before the costly part.
 */
export function relatePlans(input: ReportInput): PlanFacts[] {
  const facts: PlanFacts[] = input.plans.map((p) => {
    const jurisdiction = findJurisdiction(p.doc, input.divisions);
    const n = p.doc.notice;
    return {
      input: { ...p, diagnostics: [] },
      jurisdiction,
      report: {
        file: p.file,
        ...(documentTitle(p.doc) ? { title: documentTitle(p.doc) } : {}),
        ...(n.发文字号 ? { docNumber: n.发文字号.text.replace(/\s+/g, '') } : {}),
        ...(n.发文机关署名 ? { issuer: n.发文机关署名.text.replace(/\s+/g, ' ').trim() } : {}),
        ...(issuedDate(p.doc) ? { issued: issuedDate(p.doc) } : {}),
        ...(jurisdiction
          ? { jurisdiction: { code: jurisdiction.division.code, name: jurisdiction.division.name, level: jurisdiction.division.level, via: jurisdiction.via, docNumberAgrees: jurisdiction.docNumberAgrees } }
          : {}),
        parents: [],
        counts: { error: 0, warning: 0, information: 0, hint: 0 },
        findings: [],
      },
    };
  });
  const byUri = new Map(facts.map((f) => [f.input.doc.uri, f]));
  const byCode = new Map<string, PlanFacts[]>();
  for (const f of facts) {
    const code = f.jurisdiction?.division.code;
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), f]);
  }

  const folderNumbers = new Set(facts.map((p) => p.report.docNumber && normaliseDocNumber(p.report.docNumber)).filter(Boolean));
  const folderTitles = new Set(facts.map((p) => p.report.title).filter(Boolean));
  for (const f of facts) {
    const doc = f.input.doc;
    const parents = new Map<PlanFacts, Set<'division' | 'upper' | 'cited'>>();
    const add = (p: PlanFacts, via: 'division' | 'upper' | 'cited') => {
      if (p === f) return;
      if (!parents.has(p)) parents.set(p, new Set());
      parents.get(p)!.add(via);
    };
    const cited = new Set(doc.citations.map((c) => citedDocument(c.title, doc, input.workspace)?.uri).filter(Boolean));
    let configured: PlanFacts | undefined;
    for (const upper of upperDocuments(doc, input.knowledge, input.workspace)) {
      const p = byUri.get(upper.uri);
      if (!p) continue;
      const via = cited.has(upper.uri) ? 'cited' : 'upper';
      if (via === 'upper') configured ??= p;
      add(p, via);
    }
    let nearest: PlanFacts | undefined;
    if (f.jurisdiction) {
      for (const a of ancestors(input.divisions, f.jurisdiction.division.code)) {
        const plans = byCode.get(a.code);
        if (!plans) continue;
        nearest = [...plans].sort((x, y) => titleLikeness(doc, y.input.doc) - titleLikeness(doc, x.input.doc))[0];
        add(nearest, 'division');
        break;
      }
    }
    f.primary = configured ?? nearest ?? [...parents.keys()][0];
    const refs: ParentRef[] = [...parents].map(([p, via]) => ({
      kind: 'plan',
      file: p.input.file,
      name: p.jurisdiction?.division.name ?? p.report.title ?? p.input.file,
      via: [...via].sort(),
    }));
    for (const e of registryParents(doc, input.knowledge)) {
      // A registered plan that is in the folder (same 文号, or same title) is named once, as the folder's plan.
      if ((e.docNumber && folderNumbers.has(normaliseDocNumber(e.docNumber))) || folderTitles.has(normaliseTitle(e.title))) continue;
      refs.push({ kind: 'registry', id: e.id, title: e.title, ...(e.docNumber ? { docNumber: e.docNumber } : {}) });
    }
    f.report.parents = refs;
  }
  return facts;
}

/** The costly part for one plan: its findings (`diagnose`, the service's), its coverage of its primary parent's tasks. */
export function analysePlan(diagnose: (doc: GongwenDocument) => Diagnostic[], doc: GongwenDocument, primary: GongwenDocument | undefined): PlanAnalysis {
  return { diagnostics: diagnose(doc), ...(primary ? { coverage: coverageColumn(doc, primary) } : {}) };
}

/** The report from the related plans and each one's analysis (`analyses[i]` of `facts[i]`). */
export function finishReport(input: ReportInput, facts: PlanFacts[], analyses: readonly PlanAnalysis[]): Report {
  const columns = new Map<PlanFacts, CoverageColumn>();
  facts.forEach((f, i) => {
    f.input.diagnostics = analyses[i].diagnostics;
    const { counts, findings } = findingsOf(f.input);
    f.report.counts = counts;
    f.report.findings = findings;
    const column = analyses[i].coverage;
    if (column) columns.set(f, column);
  });
  for (const f of facts) {
    const late = lateOf(f, input.deadline);
    if (late) f.report.late = late;
  }

  const tree = divisionTree(facts, input.divisions);
  const order = treeOrder(tree, facts);
  return {
    root: input.root,
    plans: order.map((f) => f.report),
    unread: [...(input.unread ?? [])],
    tree,
    targets: targetTable(order, input.knowledge),
    coverage: coverageMatrices(order, columns),
  };
}

/** The whole report in this thread, each plan analysed with `diagnose`. */
export function buildReport(input: ReportInput, diagnose: (doc: GongwenDocument) => Diagnostic[]): Report {
  const facts = relatePlans(input);
  return finishReport(input, facts, facts.map((f) => analysePlan(diagnose, f.input.doc, f.primary?.input.doc)));
}

/** Plans in the order of the tree (a place, then the places under it), those without a place last. */
function treeOrder(tree: ReturnType<typeof divisionTree>, facts: PlanFacts[]): PlanFacts[] {
  const byFile = new Map(facts.map((f) => [f.input.file, f]));
  const out: PlanFacts[] = [];
  const visit = (nodes: typeof tree) => {
    for (const n of nodes) {
      for (const file of n.plans) out.push(byFile.get(file)!);
      visit(n.children);
    }
  };
  visit(tree);
  for (const f of facts) if (!out.includes(f)) out.push(f);
  return out;
}
