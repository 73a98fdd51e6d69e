/**
 * Renumbering headings after sections were inserted, moved or deleted (GB/T 9704-2012 §7.3.3):
 * each level keeps its own numeral system and the marker form the drafter wrote (`（十）`, `1．`),
 * only the number changes. A level numbered continuously across sections (seed 002's
 * （一）…（十九） under several 一、 headings) stays continuous. A stated count
 * (`实施5项提升行动`) that no longer matches the headings below it is corrected too.
 * Pure: document in, edits out.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { GongwenDocument, Heading } from '../model/types';
import { numberToChinese } from '../model/numbering';
import { markerWithNumber } from '../model/marker-format';
import type { FeatureContext } from './types';
import type { CommandResult } from './commands';
import { previewedEdit } from './previewed-edit';
import { t } from '../l10n';

/** Siblings of one kind under one parent: the unit that is numbered 1, 2, 3 … */
export interface SiblingGroup {
  /** `level:kind`; groups with the same key may be numbered continuously. */
  key: string;
  parent?: Heading;
  headings: Heading[];
}

/** `2.3.1` → `2.3.`, `2.1` → `2.`, `1总则`'s `1` → `` (what a decimal marker's last number stands under). */
export function decimalPrefix(marker: string): string {
  const m = /^(.*[.．])[0-9０-９]+$/.exec(marker.trim());
  return m ? m[1].replace(/．/g, '.') : '';
}

/** Every numbered sibling group in document order (`——` items carry no number). */
export function siblingGroups(doc: GongwenDocument): SiblingGroup[] {
  const out: SiblingGroup[] = [];
  // Each part (the notice, each issued or forwarded document, each 附件) numbers on its own.
  let part = 0;
  const visit = (siblings: Heading[], parent: Heading | undefined) => {
    const byKind = new Map<string, Heading[]>();
    for (const h of siblings) {
      if (h.kind === 'dash') continue;
      // Decimal headings are siblings only under one number: 2.1 follows 2, not 1.5 (a copy that lost
      // its chapter line `2 组织体系` still numbers 2.1, 2.2 … correctly).
      const kind = h.kind === 'decimal' ? `decimal${decimalPrefix(h.marker)}` : h.kind;
      const list = byKind.get(kind) ?? [];
      list.push(h);
      byKind.set(kind, list);
    }
    for (const [kind, headings] of byKind) out.push({ key: `${part}/${headings[0].level}:${kind}`, parent, headings });
    for (const h of siblings) visit(h.children, h);
  };
  for (const p of doc.parts ?? [{ headings: doc.headings }]) {
    visit(p.headings, undefined);
    part++;
  }
  return out;
}

/**
 * Keys whose later groups mostly carry on from the group before (first number > 1) rather than
 * start again at 1: the document numbers that level continuously.
 */
export function continuousKeys(groups: SiblingGroup[]): Set<string> {
  const votes = new Map<string, number>();
  const seen = new Set<string>();
  for (const g of groups) {
    if (!seen.has(g.key)) {
      seen.add(g.key);
      continue;
    }
    votes.set(g.key, (votes.get(g.key) ?? 0) + (g.headings[0].number > 1 ? 1 : -1));
  }
  return new Set([...votes].filter(([, v]) => v > 0).map(([k]) => k));
}

/** The number each heading should carry. */
export function expectedNumbers(doc: GongwenDocument): Map<Heading, number> {
  const groups = siblingGroups(doc);
  const continuous = continuousKeys(groups);
  const next = new Map<string, number>();
  const out = new Map<Heading, number>();
  for (const g of groups) {
    let n = continuous.has(g.key) ? (next.get(g.key) ?? 1) : 1;
    for (const h of g.headings) out.set(h, n++);
    next.set(g.key, n);
  }
  return out;
}

function markerEdits(headings: Iterable<Heading>, expected: Map<Heading, number>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const h of headings) {
    const n = expected.get(h);
    if (n === undefined || n === h.number) continue;
    edits.push({ range: h.markerRange, newText: markerWithNumber(h, n) });
  }
  return edits;
}

/** Stated counts (`实施5项提升行动`) under `parents` (all when undefined) that differ from the headings below. */
function countEdits(doc: GongwenDocument, parents?: Set<Heading | undefined>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const c of doc.counts) {
    const owner = c.owner;
    if (!owner || owner.children.length === 0 || owner.children.length === c.count) continue;
    if (parents && !parents.has(owner)) continue;
    const actual = owner.children.length;
    const offset = (p: Position) => (doc.lines[p.line]?.start ?? 0) + p.character;
    const written = doc.text.slice(offset(c.numberRange.start), offset(c.numberRange.end));
    // Keep the numeral system the sentence was written in (实施五项 / 实施5项).
    edits.push({ range: c.numberRange, newText: /^[0-9０-９]+$/.test(written) ? String(actual) : numberToChinese(actual) });
  }
  return edits;
}

/** Renumber the whole document: every level, and every stated count. */
export function renumberDocument(doc: GongwenDocument): TextEdit[] {
  const expected = expectedNumbers(doc);
  return sortEdits([...markerEdits(doc.allHeadings, expected), ...countEdits(doc)]);
}

/**
 * The unit a numbering fix renumbers, for every numbered heading: its sibling group, or, when its
 * level runs on across sections, every group of that level (whose numbers follow from each other),
 * with the stated counts of their parents. Headings of one unit share one edits array, so a
 * document with many slips costs O(headings), not O(headings²).
 */
export function renumberUnits(doc: GongwenDocument): Map<Heading, TextEdit[]> {
  const groups = siblingGroups(doc);
  const continuous = continuousKeys(groups);
  const expected = expectedNumbers(doc);
  const units = new Map<string, SiblingGroup[]>();
  groups.forEach((g, i) => {
    const id = continuous.has(g.key) ? g.key : `${g.key}#${i}`;
    const list = units.get(id) ?? [];
    list.push(g);
    units.set(id, list);
  });
  const out = new Map<Heading, TextEdit[]>();
  for (const unit of units.values()) {
    const edits = markerEdits(unit.flatMap((g) => g.headings), expected);
    edits.push(...countEdits(doc, new Set(unit.map((g) => g.parent))));
    sortEdits(edits);
    for (const g of unit) for (const h of g.headings) out.set(h, edits);
  }
  return out;
}

/** Renumber the unit of `heading` (see renumberUnits). */
export function renumberGroupOf(doc: GongwenDocument, heading: Heading): TextEdit[] {
  return renumberUnits(doc).get(heading) ?? [];
}

/** The heading whose line holds `position`, or the last heading before it. */
export function headingAt(doc: GongwenDocument, position: Position): Heading | undefined {
  let found: Heading | undefined;
  for (const h of doc.allHeadings) {
    if (h.kind === 'dash') continue;
    const s = h.range.start;
    if (s.line < position.line || (s.line === position.line && s.character <= position.character)) found = h;
    else break;
  }
  return found;
}

function sortEdits(edits: TextEdit[]): TextEdit[] {
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Server command id; the palette command `gongwen.renumber` (client/src/commands/renumber.ts) calls it. */
export const RENUMBER_COMMAND = 'gongwen.server.renumber';

/**
 * `gongwen.server.renumber` [uri, scope?]: scope `'document'` (the default) renumbers every level;
 * a position `{ line, character }` renumbers the sibling group of the heading there.
 * Returns the edit (applied by the server) and how many places change. The edit needs the user's
 * confirmation (features/previewed-edit.ts): it rewrites lines no finding names, and a numbering
 * scheme the model reads wrongly would be renumbered wrongly.
 */
export function renumberCommand(ctx: FeatureContext, args: unknown[]): CommandResult {
  const scope = args[0];
  const doc = ctx.doc;
  let edits: TextEdit[];
  if (isPosition(scope)) {
    const heading = headingAt(doc, scope);
    edits = heading ? renumberGroupOf(doc, heading) : [];
  } else {
    edits = renumberDocument(doc);
  }
  const label = t('重新编号标题');
  const description = t('改动 {0} 处标题编号或所述项数', edits.length);
  return { edit: edits.length ? previewedEdit(doc.uri, edits, label, description) : undefined, data: { changed: edits.length } };
}

function isPosition(x: unknown): x is Position {
  return typeof x === 'object' && x !== null && typeof (x as Position).line === 'number' && typeof (x as Position).character === 'number';
}
