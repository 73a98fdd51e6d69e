/**
 * Completion of responsible units (issue #4): unit names inside a responsibility clause and after
 * `责任单位：`, from the jurisdiction's list in its canonical order, matched by characters and by
 * pinyin (initials `jtj` or full `jiaoti` offer 市教体局); and the clause itself at the end of a
 * task item that has none: `（…按职责分工负责）` with the units of the previous task as a snippet.
 */
import type * as PinyinPro from 'pinyin-pro';

// pinyin-pro builds its dictionary when loaded (~15 ms): only completion needs it, so it is required then (issue #18).
let pinyinModule: typeof PinyinPro | undefined;
const pinyin: typeof PinyinPro.pinyin = ((text: string, options: object) => (pinyinModule ??= require('pinyin-pro') as typeof PinyinPro).pinyin(text, options as never)) as never;
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { Heading } from '../model/types';
import type { DepartmentUnit } from '../knowledge/departments';
import { chooseList } from '../knowledge/departments/jurisdiction';
import { placesOf } from '../knowledge/departments/resolve';
import { splitName } from '../knowledge/departments/names';
import { t } from '../l10n';
import type { FeatureContext } from './types';

/** Longest word we treat as typed; keeps the scan of a long line bounded. */
const MAX_TYPED = 20;

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

const pinyinCache = new Map<string, { initials: string; full: string }>();
function spelling(text: string): { initials: string; full: string } {
  let s = pinyinCache.get(text);
  if (!s) {
    s = {
      initials: pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
      full: pinyin(text, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
    };
    pinyinCache.set(text, s);
  }
  return s;
}

/** How well `typed` matches a form: 0 by characters, 1 by pinyin, undefined when it does not. */
export function matchUnit(form: string, core: string, typed: string): number | undefined {
  if (!typed) return 0;
  if (form.includes(typed) || core.startsWith(typed)) return 0;
  const q = typed.toLowerCase();
  if (!/^[a-z]+$/.test(q)) return undefined;
  for (const text of [core, form]) {
    const s = spelling(text);
    if (s.initials.startsWith(q) || s.full.startsWith(q)) return 1;
  }
  return undefined;
}

export function unitCompletions(ctx: FeatureContext, position: Position): CompletionItem[] {
  const line = ctx.doc.lines[position.line];
  if (!line) return [];
  const before = line.text.slice(0, position.character);
  const choice = chooseList(ctx.doc, ctx.knowledge.departments, ctx.settings.jurisdiction);
  if (!choice) return [];
  if (inClause(ctx, before, position)) return unitItems(ctx, before, position, choice.list.units, choice.list.jurisdiction);
  return clauseItems(ctx, before, position);
}

function inClause(ctx: FeatureContext, before: string, position: Position): boolean {
  // 责任单位：…, and the lead/partner lists plans also write: 牵头单位：…；配合单位：… (issue #20).
  if (/(?:责任|牵头|配合|参与)单位\s*[：:][^）)]*$/.test(before.slice(-200))) return true;
  const open = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
  // An open bracket whose text so far reads like a list of units (no sentence punctuation).
  if (open >= 0 && /^[^）)，。；：,;:]*$/.test(before.slice(open + 1)) && before.length - open <= 200) return true;
  return ctx.doc.responsibilities.some((r) => contains(r.range, position));
}

function unitItems(ctx: FeatureContext, before: string, position: Position, units: DepartmentUnit[], jurisdiction: string): CompletionItem[] {
  const m = /[^、，,：:（(\s]*$/.exec(before.slice(-MAX_TYPED));
  const typed = m ? m[0] : '';
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const places = placesOf(ctx.knowledge.departments);
  const clauseStart = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('), before.lastIndexOf('：'));
  const already = before.slice(clauseStart + 1, before.length - typed.length);
  const items: CompletionItem[] = [];
  units.forEach((unit, index) => {
    const form = unit.forms[0];
    if (already.split(/[、，,]/).includes(form)) return;
    const rank = matchUnit(form, splitName(form, places).core, typed);
    if (rank === undefined) return;
    items.push({
      label: form,
      kind: CompletionItemKind.Value,
      detail: `${unit.kind} · ${unit.name}`,
      documentation: t('{0}责任单位名录第 {1} 位', jurisdiction, index + 1),
      sortText: `${rank}${String(index).padStart(4, '0')}`,
      // A pinyin match must survive the editor's own filtering of the typed letters.
      filterText: rank === 1 ? typed : form,
      textEdit: { range, newText: form },
    });
  });
  return items;
}

/** The deepest heading whose section holds the position. */
function headingAt(ctx: FeatureContext, position: Position): Heading | undefined {
  let found: Heading | undefined;
  for (const h of ctx.doc.allHeadings) if (contains(h.sectionRange, position)) found = h;
  return found;
}

function clauseItems(ctx: FeatureContext, before: string, position: Position): CompletionItem[] {
  const m = /。\s*[（(]?$/.exec(before);
  if (!m) return [];
  const heading = headingAt(ctx, position);
  if (!heading || ctx.doc.responsibilities.some((r) => r.owner === heading)) return [];
  // The units of the nearest earlier task are the likeliest start.
  const earlier = ctx.doc.responsibilities.filter((r) => r.range.end.line < position.line).pop();
  const units = earlier ? earlier.units.map((u) => u.name).join('、') : t('责任单位');
  const replaced = m[0].length - 1;
  return [
    {
      label: t('（…按职责分工负责）'),
      kind: CompletionItemKind.Snippet,
      detail: t('责任单位条款'),
      sortText: '0',
      filterText: '（',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: {
        range: { start: { line: position.line, character: position.character - replaced }, end: position },
        newText: `（\${1:${units.replace(/[$}\\]/g, '\\$&')}}按职责分工负责）$0`,
      },
    },
  ];
}
