/**
 * An office's own clause templates (gongwen.json `templates`), in the format of the bundled ones.
 * An office section for the same headings as a bundled one puts its clauses first; other office
 * sections come before the bundled ones, so the office's own wording is offered first; a malformed file or section is named in one warning and skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { parseJson } from '../json';
import { validateTemplates, type SectionTemplate, type TemplateSet } from '../drafting/templates';
import type { ProjectConfig } from '../settings';

export function mergeTemplates(bundled: readonly TemplateSet[], own: TemplateSet): TemplateSet[] {
  const base = bundled.find((set) => set.genre === own.genre);
  if (!base) return [...bundled, own];
  // An office section that speaks for the same headings as a bundled one extends it: its clauses first.
  const sections = base.sections.map((section) => {
    const mine = own.sections.filter((o) => o.id === section.id || o.headings.some((h) => section.headings.includes(h)));
    if (mine.length === 0) return section;
    const clauses = mine.flatMap((o) => o.clauses);
    const titles = new Set(clauses.map((c) => c.title));
    return { ...section, clauses: [...clauses, ...section.clauses.filter((c) => !titles.has(c.title))] };
  });
  const extending = (o: SectionTemplate) => base.sections.some((b) => o.id === b.id || o.headings.some((h) => b.headings.includes(h)));
  const merged = { genre: base.genre, sections: [...own.sections.filter((o) => !extending(o)), ...sections] };
  return bundled.map((set) => (set === base ? merged : set));
}

export function loadUserTemplates(bundled: TemplateSet[], config: ProjectConfig, baseDir: string | undefined, warnings: string[]): TemplateSet[] {
  if (!config.templates) return bundled;
  const file = path.resolve(baseDir ?? '.', config.templates);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    warnings.push(t('{0}：无法读取条款模板（{1}），只使用内置模板。', file, (err as NodeJS.ErrnoException).code ?? String(err)));
    return bundled;
  }
  const parsed = parseJson(text);
  if (!('value' in parsed)) {
    // Where and what, never the file's characters.
    warnings.push(t('{0} 第 {1} 行：不是有效的 JSON（{2}），只使用内置模板。', file, parsed.line, parsed.what));
    return bundled;
  }
  const { set, problems } = validateTemplates(parsed.value);
  if (problems.length) warnings.push(t('{0}：以下模板条目格式不对，已跳过：{1}', file, problems.join('；')));
  return set && set.sections.length ? mergeTemplates(bundled, set) : bundled;
}
