/**
 * Reading `gongwen.json`. A malformed file gives one clear message (file, line, what is wrong)
 * and the caller carries on with the defaults: broken configuration never stops the linter.
 */
import * as fs from 'node:fs';
import { RULE_SETTINGS, type IgnoreEntry, type ProjectConfig, type RuleOverride, type RuleSetting } from './settings';
import { RULES } from './rules/index';
import { parseJson } from './json';
import { t } from './l10n';
import { MAX_WORDS, MAX_WORD_LENGTH, readWords } from './config-words';

/** Keys of gongwen.json whose value is one string (a name or a path). */
const STRING_KEYS = ['jurisdiction', 'departments', 'templates', 'plans'] as const;

export interface ConfigResult {
  config: ProjectConfig;
  /** Set when the file could not be used; the config is then empty. */
  error?: string;
  /** Things the file says that do not stop it being used, one message each (an unknown rule id). */
  warnings?: string[];
}


/** A value from the file as a message shows it: at most 60 characters. */
export const brief = (s: string): string => (s.length > 60 ? s.slice(0, 60) + '…' : s);

/** Edit distance (insertions, deletions, substitutions), for suggesting the rule id a typo meant. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The known rule id nearest to `id` when it is near enough to be a typo of it (at most a third of it differs). */
export function closestRuleId(id: string): string | undefined {
  if (id.length > 100) return undefined;
  let best: { id: string; d: number } | undefined;
  for (const rule of RULES) {
    const d = distance(id.toLowerCase(), rule.id);
    if (!best || d < best.d) best = { id: rule.id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.id.length / 3)) ? best.id : undefined;
}

/** One warning per rule id in `rules` that no rule has, naming the closest known id. */
export function unknownRuleWarnings(rules: Record<string, unknown>, fileName: string): string[] {
  const known = new Set(RULES.map((r) => r.id));
  const out: string[] = [];
  for (const id of Object.keys(rules)) {
    if (known.has(id)) continue;
    const shown = brief(id);
    const near = closestRuleId(id);
    out.push(near ? t('{0}：未知的规则“{1}”，是否指“{2}”？', fileName, shown, near) : t('{0}：未知的规则“{1}”，已忽略。', fileName, shown));
  }
  return out;
}

export function parseProjectConfig(text: string, fileName: string): ConfigResult {
  // The message says where and what, never the file's characters (issue #14).
  const parsed = parseJson(text);
  if (!('value' in parsed)) {
    const where = parsed.line > 0 ? t(' 第 {0} 行', parsed.line) : '';
    return { config: {}, error: t('{0}{1}：不是有效的 JSON（{2}），已改用默认配置。', fileName, where, parsed.what) };
  }
  const raw = parsed.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: {}, error: t('{0}：顶层应为对象，已改用默认配置。', fileName) };
  }
  const obj = raw as Record<string, unknown>;
  const config: ProjectConfig = {};
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const key of STRING_KEYS) {
    if (obj[key] === undefined) continue;
    if (typeof obj[key] === 'string') config[key] = obj[key];
    else problems.push(t('“{0}”应为字符串', key));
  }
  if (obj.upper !== undefined) {
    const u = obj.upper;
    const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
    if (isStrings(u)) config.upper = u as string[];
    else if (typeof u === 'object' && u !== null && Object.values(u).every(isStrings)) config.upper = u as Record<string, string[]>;
    else problems.push(t('“{0}”应为路径数组，或从文档到路径数组的映射', 'upper'));
  }
  if (obj.deadline !== undefined) {
    const d = obj.deadline;
    if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && realDate(d)) config.deadline = d;
    else problems.push(t('“{0}”应为 YYYY-MM-DD 格式的日期', 'deadline'));
  }
  if (obj.language !== undefined) {
    if (obj.language === 'zh-cn' || obj.language === 'en') config.language = obj.language;
    else problems.push(t('“{0}”应为 zh-cn 或 en', 'language'));
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules === 'object' && obj.rules !== null && !Array.isArray(obj.rules)) {
      const rules: Record<string, RuleSetting> = {};
      for (const [id, v] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (RULE_SETTINGS.includes(v as RuleSetting)) rules[id] = v as RuleSetting;
        else problems.push(t('规则“{0}”的级别应为 {1} 之一', brief(id), RULE_SETTINGS.join('、')));
      }
      config.rules = rules;
      warnings.push(...unknownRuleWarnings(rules, fileName));
    } else problems.push(t('“{0}”应为对象', 'rules'));
  }
  if (obj.ignore !== undefined) {
    const ignore = readIgnore(obj.ignore);
    if (ignore) config.ignore = ignore.slice(0, MAX_IGNORE);
    else problems.push(t('“{0}”应为数组，每项含 file、rule、text 三个字符串和可选的正整数 occurrence', 'ignore'));
    if (ignore && ignore.length > MAX_IGNORE) warnings.push(t('{0}：“{1}”超过 {2} 项，其余 {3} 项已忽略。', fileName, 'ignore', MAX_IGNORE, ignore.length - MAX_IGNORE));
  }
  if (obj.overrides !== undefined) {
    const overrides = readOverrides(obj.overrides);
    if (overrides) {
      config.overrides = overrides.slice(0, MAX_OVERRIDES);
      for (const o of config.overrides) warnings.push(...unknownRuleWarnings(o.rules, fileName));
    } else problems.push(t('“{0}”应为数组，每项含 files（路径或通配符的数组）和 rules（规则编号到级别）', 'overrides'));
    if (overrides && overrides.length > MAX_OVERRIDES) warnings.push(t('{0}：“{1}”超过 {2} 项，其余 {3} 项已忽略。', fileName, 'overrides', MAX_OVERRIDES, overrides.length - MAX_OVERRIDES));
  }
  if (obj.words !== undefined) {
    const words = readWords(obj.words);
    if (words) config.words = words;
    else problems.push(t('“{0}”应为对象：allow 为词语数组，confused 为含 wrong、right 两个不同词语的对象数组（每项至多 {1} 个字，每个数组至多 {2} 项）', 'words', MAX_WORD_LENGTH, MAX_WORDS));
  }
  const more = warnings.length ? { warnings: [...new Set(warnings)] } : {};
  if (problems.length) {
    return { config, error: t('{0}：{1}；其余设置照常使用。', fileName, problems.join('；')), ...more };
  }
  return { config, ...more };
}

/** Bounds on what gongwen.json may ask every check to look through (issue #14's spirit: a file cannot make the server slow). */
export const MAX_IGNORE = 5000;
export const MAX_OVERRIDES = 256;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `ignore`: every entry well formed, or undefined (the whole list is refused, as a malformed key is). */
function readIgnore(value: unknown): IgnoreEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: IgnoreEntry[] = [];
  for (const e of value) {
    if (!isRecord(e) || typeof e.file !== 'string' || typeof e.rule !== 'string' || typeof e.text !== 'string') return undefined;
    if (Object.keys(e).some((k) => !['file', 'rule', 'text', 'occurrence'].includes(k))) return undefined;
    const occurrence = e.occurrence;
    if (occurrence !== undefined && !(typeof occurrence === 'number' && Number.isInteger(occurrence) && occurrence >= 1)) return undefined;
    out.push({ file: e.file, rule: e.rule, text: e.text, ...(occurrence !== undefined ? { occurrence } : {}) });
  }
  return out;
}

/** `overrides`: `[{ "files": [...], "rules": { id: level } }]`, or undefined when malformed. */
function readOverrides(value: unknown): RuleOverride[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: RuleOverride[] = [];
  for (const o of value) {
    if (!isRecord(o) || Object.keys(o).some((k) => k !== 'files' && k !== 'rules')) return undefined;
    if (!Array.isArray(o.files) || !o.files.every((f) => typeof f === 'string') || !isRecord(o.rules)) return undefined;
    if (!Object.values(o.rules).every((v) => RULE_SETTINGS.includes(v as RuleSetting))) return undefined;
    out.push({ files: o.files as string[], rules: o.rules as Record<string, RuleSetting> });
  }
  return out;
}

/** True for a calendar date (2022-02-30 is not one, though Date.parse takes it). */
function realDate(d: string): boolean {
  const time = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === d;
}

/** Read and parse a gongwen.json; a missing file is not an error (empty config). */
export function readProjectConfig(path: string): ConfigResult {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    return { config: {}, error: t('{0}：无法读取（{1}），已改用默认配置。', path, (err as NodeJS.ErrnoException).code ?? t('未知错误')) };
  }
  return parseProjectConfig(text, path);
}
