/**
 * Silencing one finding, or one rule, in one file (issue #20), kept in gongwen.json and never in the
 * document's text: `ignore` entries name a finding by rule, the text of its range and its occurrence
 * among findings of that rule with that text, so an entry survives edits elsewhere in the file;
 * `overrides` give rule levels for some files only. A suppressed finding is gone from the editor,
 * from fix-all and formatting and from `gongwen lint`; an entry whose finding is gone is reported
 * as stale (a hint on the document's first line). The quick fixes that add entries return an edit
 * of gongwen.json the user chooses; nothing writes it otherwise. Pure: the adapter passes the file's
 * text in.
 */
import {
  CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { modify, parse, type EditResult, type JSONPath } from 'jsonc-parser';
import { t } from '../l10n';
import type { GongwenDocument } from '../model/types';
import type { IgnoreEntry, RuleOverride, RuleSetting } from '../settings';
import { globMatches, uriPath } from '../knowledge/plans/paths';

/** An entry keeps at most this much of a finding's text: enough to tell findings apart, short in the file. */
export const MAX_IGNORE_TEXT = 200;

/** The code of the hint for an `ignore` entry whose finding is gone (page docs/rules/ignore-stale.md). */
export const STALE_CODE = 'ignore-stale';

/** gongwen.json as the adapter sees it now; `text` undefined when there is no such file yet. */
export interface ProjectFile {
  uri: string;
  text: string | undefined;
}

export interface Suppressions {
  /** The folder of gongwen.json (`/`-separated, no trailing `/`); entries' paths are relative to it. */
  dir: string;
  ignore: readonly IgnoreEntry[];
  overrides: readonly RuleOverride[];
  /**
   * gongwen.json now, for the quick fixes that add to it. Absent where suppressions are read but not
   * written: the CLI, and an untrusted workspace (VS Code Restricted Mode).
   */
  file?: () => ProjectFile;
}

export const NO_SUPPRESSIONS: Suppressions = { dir: '', ignore: [], overrides: [] };

/** The document's path relative to the folder of gongwen.json, or undefined when it lies outside (or is not a file). */
export function projectPath(uri: string, dir: string): string | undefined {
  if (!dir || !uri.startsWith('file:')) return undefined;
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  const p = uriPath(uri).replace(/\\/g, '/');
  return p.startsWith(base) ? p.slice(base.length) : undefined;
}

/** `./a/b.gw` and `a\b.gw` name `a/b.gw`. */
const normal = (p: string) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

/** Rule levels for the document: the settings' levels, then each override whose `files` match it, in order. */
export function rulesFor(base: Record<string, RuleSetting>, s: Suppressions, uri: string): Record<string, RuleSetting> {
  if (!s.overrides.length) return base;
  const rel = projectPath(uri, s.dir);
  if (rel === undefined) return base;
  let out = base;
  for (const o of s.overrides) {
    if (o.files.some((f) => globMatches(normal(f), rel))) out = { ...out, ...o.rules };
  }
  return out;
}

/** What an `ignore` entry compares: the rule and the first characters of the finding's range. */
export function findingText(doc: GongwenDocument, range: Range): string {
  const offset = (line: number, character: number) => {
    const l = doc.lines[line];
    return l ? Math.min(l.start + character, l.end) : doc.text.length;
  };
  const start = offset(range.start.line, range.start.character);
  const end = Math.max(start, offset(range.end.line, range.end.character));
  return doc.text.slice(start, Math.min(end, start + MAX_IGNORE_TEXT));
}

/** A finding as `ignore` names it. */
export interface FindingKey {
  rule: string;
  text: string;
  occurrence: number;
}

/** Each finding's key, in the order given (document order): occurrences count among equal rule + text. */
export function findingKeys<F extends { ruleId: string; diagnostic: Diagnostic }>(doc: GongwenDocument, findings: readonly F[]): FindingKey[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const text = findingText(doc, f.diagnostic.range);
    const key = `${f.ruleId}\u0000${text}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return { rule: f.ruleId, text, occurrence };
  });
}

const entryKey = (rule: string, text: string, occurrence: number) => `${rule}\u0000${text}\u0000${occurrence}`;

/**
 * The findings left once the document's `ignore` entries are applied, and the entries that silenced
 * nothing. `ran(rule)`: whether the rule ran on this document (an entry of a rule turned off is not stale).
 */
export function applyIgnores<F extends { ruleId: string; diagnostic: Diagnostic }>(
  doc: GongwenDocument, findings: F[], s: Suppressions, ran: (rule: string) => boolean,
): { kept: F[]; stale: IgnoreEntry[] } {
  const rel = projectPath(doc.uri, s.dir);
  const mine = rel === undefined ? [] : s.ignore.filter((e) => normal(e.file) === rel);
  if (!mine.length) return { kept: findings, stale: [] };
  const wanted = new Map(mine.map((e) => [entryKey(e.rule, e.text, e.occurrence ?? 1), e]));
  const used = new Set<IgnoreEntry>();
  const keys = findingKeys(doc, findings);
  const kept = findings.filter((_, i) => {
    const entry = wanted.get(entryKey(keys[i].rule, keys[i].text, keys[i].occurrence));
    if (entry) used.add(entry);
    return !entry;
  });
  return { kept, stale: mine.filter((e) => !used.has(e) && ran(e.rule)) };
}

/** The hint for a stale entry, on the document's first line (the text it named is gone). */
export function staleDiagnostic(doc: GongwenDocument, e: IgnoreEntry, href: string): Diagnostic {
  const first = doc.lines[0];
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: first ? first.end - first.start : 0 } },
    severity: DiagnosticSeverity.Hint,
    code: STALE_CODE,
    codeDescription: { href },
    source: 'gongwen',
    message: t('gongwen.json 中的忽略项已失效：本文件已没有第 {0} 处“{1}”的“{2}”问题，可以删去这一项。', e.occurrence ?? 1, e.text, e.rule),
    data: { ignore: e },
  };
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** jsonc-parser's offset edits as LSP edits of `text`. */
function asTextEdits(text: string, edits: EditResult): TextEdit[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  };
  return edits.map((e) => ({ range: { start: position(e.offset), end: position(e.offset + e.length) }, newText: e.content }));
}

/** An edit of gongwen.json setting `path` to `value` (undefined removes it); creates the file when there is none. */
function projectEdit(file: ProjectFile, path: JSONPath, value: unknown, insertion = false): WorkspaceEdit {
  if (file.text === undefined) {
    const text = `${JSON.stringify(setPath({}, path, value), null, 2)}\n`;
    return {
      documentChanges: [
        { kind: 'create', uri: file.uri, options: { ignoreIfExists: true } },
        { textDocument: { uri: file.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ],
    };
  }
  return { changes: { [file.uri]: asTextEdits(file.text, modify(file.text, path, value, { ...FORMAT, isArrayInsertion: insertion })) } };
}

/** `{}` with `value` at `path` (an index -1 appends), for a gongwen.json written from nothing. */
function setPath(root: Record<string, unknown>, path: JSONPath, value: unknown): Record<string, unknown> {
  let node: unknown = root;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    const next = last ? value : typeof path[i + 1] === 'number' ? [] : {};
    if (Array.isArray(node)) node.push(next);
    else (node as Record<string, unknown>)[key as string] = next;
    node = next;
  });
  return root;
}

/** gongwen.json's value as it is now (a broken file: empty, and the edit jsonc-parser makes still keeps the rest). */
function current(file: ProjectFile): Record<string, unknown> {
  if (file.text === undefined) return {};
  const value: unknown = parse(file.text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const sameEntry = (a: unknown, e: IgnoreEntry) => {
  const o = a as Partial<IgnoreEntry> | null;
  return !!o && o.file !== undefined && normal(String(o.file)) === normal(e.file) && o.rule === e.rule && o.text === e.text && (o.occurrence ?? 1) === (e.occurrence ?? 1);
};

/**
 * The quick fixes 在本文件中忽略此项 and 在本文件中关闭规则 for the findings under the cursor, and
 * 删去失效的忽略项 for a stale hint. None when the service may not write gongwen.json or the document
 * lies outside its folder.
 */
export function suppressionActions(
  doc: GongwenDocument,
  here: readonly { ruleId: string; diagnostic: Diagnostic; key: FindingKey }[],
  stale: readonly Diagnostic[],
  s: Suppressions,
): CodeAction[] {
  if (!s.file || (!here.length && !stale.length)) return [];
  const rel = projectPath(doc.uri, s.dir);
  if (rel === undefined) return [];
  const file = s.file();
  const json = current(file);
  const actions: CodeAction[] = [];
  for (const f of here) {
    const entry: IgnoreEntry = { file: rel, rule: f.key.rule, text: f.key.text, occurrence: f.key.occurrence };
    const list = Array.isArray(json.ignore) ? json.ignore : undefined;
    if (list?.some((x) => sameEntry(x, entry))) continue;
    actions.push({
      title: t('在本文件中忽略此项（记入 gongwen.json）'),
      kind: CodeActionKind.QuickFix,
      diagnostics: [f.diagnostic],
      edit: projectEdit(file, list ? ['ignore', -1] : ['ignore'], list ? entry : [entry], !!list),
    });
  }
  for (const ruleId of new Set(here.map((f) => f.ruleId))) {
    const overrides = Array.isArray(json.overrides) ? json.overrides : undefined;
    // An override for exactly this file takes the rule; otherwise a new one is added.
    const index = overrides?.findIndex((o) => {
      const files = (o as { files?: unknown } | null)?.files;
      return Array.isArray(files) && files.length === 1 && typeof files[0] === 'string' && normal(files[0]) === rel;
    }) ?? -1;
    const edit = index >= 0 && typeof (overrides![index] as { rules?: unknown }).rules === 'object'
      ? projectEdit(file, ['overrides', index, 'rules', ruleId], 'off')
      : overrides
        ? projectEdit(file, ['overrides', -1], { files: [rel], rules: { [ruleId]: 'off' } }, true)
        : projectEdit(file, ['overrides'], [{ files: [rel], rules: { [ruleId]: 'off' } }]);
    actions.push({
      title: t('在本文件中关闭规则 {0}（记入 gongwen.json）', ruleId),
      kind: CodeActionKind.QuickFix,
      diagnostics: here.filter((f) => f.ruleId === ruleId).map((f) => f.diagnostic),
      edit,
    });
  }
  for (const d of stale) {
    const e = (d.data as { ignore?: IgnoreEntry } | undefined)?.ignore;
    const index = e && Array.isArray(json.ignore) ? json.ignore.findIndex((x) => sameEntry(x, e)) : -1;
    if (index < 0) continue;
    actions.push({
      title: t('从 gongwen.json 删去这一失效的忽略项'),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: projectEdit(file, ['ignore', index], undefined),
    });
  }
  return actions;
}
