/**
 * Clause templates by section, one data file per genre (seeds/templates/*.json, checked against
 * schemas/templates.schema.json). An office's own file goes through the same validation, so a
 * malformed entry is named and skipped instead of breaking completion. Pure: JSON in, data out.
 */
import plan from '../../../seeds/templates/plan.json';
import opinion from '../../../seeds/templates/opinion.json';

export interface ClauseTemplate {
  /** The run-in heading, without marker and full stop: 加强组织领导. */
  title: string;
  /** Text after the heading; `{级}` = 市/县/区, `{牵头单位}` = leading body, other `{名}` = to fill in. */
  body: string;
}

export interface SectionTemplate {
  id: string;
  /** Depth of the section heading (1 = 一、); undefined matches any depth. */
  level?: number;
  /** The section matches a heading whose title contains one of these. */
  headings: string[];
  clauses: ClauseTemplate[];
}

export interface TemplateSet {
  /** 文种: 实施方案, 实施意见. */
  genre: string;
  sections: SectionTemplate[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function checkSection(v: unknown): SectionTemplate | string {
  if (!isObject(v)) return 'section is not an object';
  const { id, level, headings, clauses } = v;
  if (!isText(id)) return 'id';
  if (level !== undefined && !(Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 4)) return 'level';
  if (!Array.isArray(headings) || headings.length === 0 || !headings.every(isText)) return 'headings';
  if (!Array.isArray(clauses) || clauses.length === 0) return 'clauses';
  const checked: ClauseTemplate[] = [];
  for (const c of clauses) {
    if (!isObject(c) || !isText(c.title) || typeof c.body !== 'string') return 'clauses: title/body';
    checked.push({ title: c.title, body: c.body });
  }
  return { id, headings: headings as string[], clauses: checked, ...(level !== undefined ? { level: level as number } : {}) };
}

/** The valid sections of one templates file, and one problem per section that is not (`sections[2]: id`). */
export function validateTemplates(json: unknown): { set?: TemplateSet; problems: string[] } {
  if (!isObject(json) || !isText(json.genre) || !Array.isArray(json.sections)) return { problems: ['genre/sections'] };
  const sections: SectionTemplate[] = [];
  const problems: string[] = [];
  json.sections.forEach((s, i) => {
    const r = checkSection(s);
    if (typeof r === 'string') problems.push(`sections[${i}]: ${r}`);
    else sections.push(r);
  });
  return { set: { genre: json.genre, sections }, problems };
}

/** The bundled sets (checked by test/unit/drafting-templates.test.ts). */
export function bundledTemplates(): TemplateSet[] {
  return [plan, opinion].flatMap((json) => validateTemplates(json).set ?? []);
}

/** 实施意见 when the plan's (or the notice's) title says so; 实施方案 otherwise. */
export function genreOf(title: string | undefined): string {
  return title && /实施意见/.test(title) ? '实施意见' : '实施方案';
}
