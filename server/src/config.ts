/**
 * Reading `gongwen.json`. A malformed file gives one clear message (file, line, what is wrong)
 * and the caller carries on with the defaults: broken configuration never stops the linter.
 */
import * as fs from 'node:fs';
import { RULE_SETTINGS, type ProjectConfig, type RuleSetting } from './settings';
import { t } from './l10n';

/** Keys of gongwen.json whose value is one string (a name or a path). */
const STRING_KEYS = ['jurisdiction', 'departments', 'templates', 'plans'] as const;

export interface ConfigResult {
  config: ProjectConfig;
  /** Set when the file could not be used; the config is then empty. */
  error?: string;
}


/** Line (1-based) of a character offset, to point at the place a JSON error stands. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseProjectConfig(text: string, fileName: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const where = m ? t('第 {0} 行', lineOf(text, Number(m[1]))) : '';
    return { config: {}, error: t('{0}{1}：不是有效的 JSON（{2}），已改用默认配置。', fileName, where, (err as Error).message) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: {}, error: t('{0}：顶层应为对象，已改用默认配置。', fileName) };
  }
  const obj = raw as Record<string, unknown>;
  const config: ProjectConfig = {};
  const problems: string[] = [];
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
  if (obj.language !== undefined) {
    if (obj.language === 'zh-cn' || obj.language === 'en') config.language = obj.language;
    else problems.push(t('“{0}”应为 zh-cn 或 en', 'language'));
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules === 'object' && obj.rules !== null && !Array.isArray(obj.rules)) {
      const rules: Record<string, RuleSetting> = {};
      for (const [id, v] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (RULE_SETTINGS.includes(v as RuleSetting)) rules[id] = v as RuleSetting;
        else problems.push(t('规则“{0}”的级别应为 {1} 之一', id, RULE_SETTINGS.join('、')));
      }
      config.rules = rules;
    } else problems.push(t('“{0}”应为对象', 'rules'));
  }
  if (problems.length) {
    return { config, error: t('{0}：{1}；其余设置照常使用。', fileName, problems.join('；')) };
  }
  return { config };
}

/** Read and parse a gongwen.json; a missing file is not an error (empty config). */
export function readProjectConfig(path: string): ConfigResult {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    return { config: {}, error: t('{0}：无法读取（{1}），已改用默认配置。', path, (err as Error).message) };
  }
  return parseProjectConfig(text, path);
}
