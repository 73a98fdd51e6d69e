/**
 * Quick fixes from the rules' findings: one action per fix of a diagnostic under the cursor
 * (`isPreferred` where the fix is certain), and a "fix all of this kind" action when a rule has
 * several certain fixes in the document. A certain fix edits only inside its finding's range
 * (issue #14): fix-all, formatting and `lint --fix` apply it without the user looking at each.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import { t } from '../l10n';
import type { Fix } from '../rules/types';
import { previewedEdit } from './previewed-edit';

/** A finding after the service attached its rule and diagnostic. */
export interface RuledFinding {
  ruleId: string;
  diagnostic: Diagnostic;
  fixes: Fix[];
}

const overlaps = (a: Range, b: Range) =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
/** `inner` lies within `outer`; an empty range at either end of `outer` counts (an insertion there). */
const within = (inner: Range, outer: Range) => !before(inner.start, outer.start) && !before(outer.end, inner.end);

/**
 * The finding's certain fix: its preferred fix when every edit of it lies inside the finding's
 * range. A preferred fix that reaches further is a rule's mistake; it stays a quick fix the user
 * may choose, but nothing applies it unasked (test/unit/fix-property.test.ts names the rule).
 */
function certainFix(f: RuledFinding): Fix | undefined {
  const fix = f.fixes.find((x) => x.preferred);
  return fix && !fix.preview && fix.edits.every((e) => within(e.range, f.diagnostic.range)) ? fix : undefined;
}

/** Edits sorted by position with any edit that overlaps an earlier one dropped (applies cleanly). */
export function disjointEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && !(last.range.end.line < e.range.start.line || (last.range.end.line === e.range.start.line && last.range.end.character <= e.range.start.character))) continue;
    out.push(e);
  }
  return out;
}

export function quickFixes(uri: string, findings: RuledFinding[], range: Range, only?: string[]): CodeAction[] {
  const wantQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
  const wantFixAll = !only || only.some((k) => k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source || k.startsWith(CodeActionKind.QuickFix));
  const actions: CodeAction[] = [];
  const here = findings.filter((f) => f.fixes.length && overlaps(f.diagnostic.range, range));
  if (wantQuickFix) {
    for (const f of here) {
      const certain = certainFix(f);
      for (const fix of f.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [f.diagnostic],
          isPreferred: fix === certain,
          edit: fix.preview ? previewedEdit(uri, fix.edits, fix.title) : { changes: { [uri]: fix.edits } },
        });
      }
    }
  }
  if (wantFixAll) {
    for (const ruleId of new Set(here.map((f) => f.ruleId))) {
      const certain = findings.filter((f) => f.ruleId === ruleId && certainFix(f));
      if (certain.length < 2) continue;
      const edits = disjointEdits(onceEach(certain).flatMap((x) => x.edits));
      actions.push({
        title: t('修复本文中全部“{0}”问题（{1} 处）', ruleId, certain.length),
        kind: CodeActionKind.QuickFix,
        diagnostics: certain.map((f) => f.diagnostic),
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return actions;
}

/** Every certain fix in the document, as one set of non-overlapping edits (formatting, `lint --fix`). */
export function allCertainEdits(findings: RuledFinding[]): TextEdit[] {
  return disjointEdits(onceEach(findings).flatMap((x) => x.edits));
}

/** The certain fixes of the findings; one fix object shared by several findings counts once. */
function onceEach(findings: RuledFinding[]): Fix[] {
  const fixes = new Set<Fix>();
  for (const f of findings) {
    const certain = certainFix(f);
    if (certain) fixes.add(certain);
  }
  return [...fixes];
}
