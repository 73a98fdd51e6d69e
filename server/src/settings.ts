/**
 * One typed settings module with one defaults object, shared by the VS Code client, the server
 * and the CLI. `package.json` `contributes.configuration` must match it (a unit test checks).
 */

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
/** Per-rule override: a severity, `off`, or `default` (the rule's own default severity). */
export type RuleSetting = SeverityName | 'off' | 'default';

/** Every valid per-rule setting, for readers of untyped JSON (gongwen.json, client settings). */
export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off', 'default'];

export type UiLanguage = 'zh-cn' | 'en';

export interface GongwenSettings {
  /** Language of diagnostics and server messages. Chinese first. */
  language: UiLanguage;
  /** Switch plain-text files that look like a notice or plan to the `gongwen` language (client only). */
  detectPlainText: boolean;
  /** Severity overrides by rule id. */
  rules: Record<string, RuleSetting>;
  /** Jurisdiction whose department list applies (乳山市 …); empty: inferred from the document. gongwen.json `jurisdiction` overrides. */
  jurisdiction: string;
  /** `unit-order`: the first-named (lead) unit of a list may stand before the canonical order. */
  unitLeadFirst: boolean;
  /** Code lenses; `upper`: above each clause, its match in the upper plan (issue #5). Manifest key `gongwen.codeLens.upper`. */
  codeLens: { upper: boolean };
  /** gongwen.json `words` (no editor setting): the office's word list for the proofreading rules. */
  words?: WordList;
}

/** gongwen.json `words` (issue #17; read by config-words.ts). */
export interface WordList {
  /** Words never reported by the proofreading rules (each finding covered by one of them is dropped). */
  allow?: string[];
  /** The office's own wrong → right pairs, reported by `confused-word` wherever the wrong form stands. */
  confused?: Array<{ wrong: string; right: string }>;
}

export const DEFAULT_SETTINGS: GongwenSettings = {
  language: 'zh-cn',
  detectPlainText: true,
  rules: {},
  jurisdiction: '',
  unitLeadFirst: true,
  codeLens: { upper: true },
};

/**
 * `gongwen.json` at the workspace root (schema: `schemas/gongwen.schema.json`).
 * Later issues read `jurisdiction`, `departments` and `upper`; this one reads `rules` and `language`.
 */
export interface ProjectConfig {
  /** Jurisdiction whose department list applies, e.g. 乳山市. */
  jurisdiction?: string;
  /** Path to the user's own department list (relative to gongwen.json). */
  departments?: string;
  /** Higher-level plans: paths or globs, or per-document mappings. */
  upper?: string[] | Record<string, string[]>;
  /** Path to the user's own plan-registry file, same format as seeds/plans/registry.json (relative to gongwen.json). */
  plans?: string;
  /** Path to an office's own clause templates, same format as seeds/templates/*.json (relative to gongwen.json). */
  templates?: string;
  /** `gongwen report` (issue #19): YYYY-MM-DD by which lower plans are due when their parent states no deadline. */
  deadline?: string;
  language?: UiLanguage;
  rules?: Record<string, RuleSetting>;
  /** Single findings silenced in one file (issue #20; features/suppressions.ts). */
  ignore?: IgnoreEntry[];
  /** Rule levels for some files only, later entries winning (issue #20). */
  overrides?: RuleOverride[];
  /** The office's word list for the proofreading rules (issue #17). */
  words?: WordList;
}

/**
 * One finding silenced in one file: the rule, the text of the finding's range (its first
 * `MAX_IGNORE_TEXT` characters) and which finding of that rule with that text it is, counted from 1
 * in document order — so the entry survives edits elsewhere in the file (issue #20).
 */
export interface IgnoreEntry {
  /** The document's path relative to the folder of gongwen.json, with `/`. */
  file: string;
  rule: string;
  text: string;
  /** 1 when absent. */
  occurrence?: number;
}

/** Rule levels for the documents matching `files` (paths or patterns relative to gongwen.json). */
export interface RuleOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** Settings from the editor, overridden by gongwen.json where the file says something. */
export function mergeSettings(editor: Partial<GongwenSettings> | undefined, project: ProjectConfig | undefined): GongwenSettings {
  const base: GongwenSettings = { ...DEFAULT_SETTINGS, ...(editor ?? {}) };
  return {
    ...base,
    language: project?.language ?? base.language,
    jurisdiction: project?.jurisdiction ?? base.jurisdiction,
    rules: { ...base.rules, ...(project?.rules ?? {}) },
    ...(project?.words ? { words: project.words } : {}),
  };
}
