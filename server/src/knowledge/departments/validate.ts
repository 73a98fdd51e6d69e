/**
 * Reading a user's department list (same format as the bundled ones). Pure: text in, list or one
 * message out. The message names the file, the line and what is wrong, so the drafter can fix it;
 * the caller keeps the bundled knowledge meanwhile.
 */
import { t } from '../../l10n';
import { lineOf, readJson } from '../../json';
import type { DepartmentList } from './types';
import { UNIT_KINDS } from './types';

export interface ListParse {
  list?: DepartmentList;
  error?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

/** The first thing wrong with the list, as [path, message], or undefined when it is well formed. */
function problem(v: unknown): [string, string] | undefined {
  if (!isObj(v)) return ['', t('顶层应为对象')];
  if (typeof v.jurisdiction !== 'string' || v.jurisdiction.length < 2) return ['/jurisdiction', t('“{0}”应为地名字符串', 'jurisdiction')];
  if (v.prefix !== '市' && v.prefix !== '县' && v.prefix !== '区') return ['/prefix', t('“{0}”应为 市、县 或 区', 'prefix')];
  for (const key of ['names', 'docNumberPrefixes'] as const) if (v[key] !== undefined && !isStrings(v[key])) return [`/${key}`, t('“{0}”应为字符串数组', key)];
  if (v.mode !== undefined && v.mode !== 'replace' && v.mode !== 'extend') return ['/mode', t('“{0}”应为 replace 或 extend', 'mode')];
  if (v.order !== undefined && v.order !== 'list' && v.order !== 'sequence') return ['/order', t('“{0}”应为 list 或 sequence', 'order')];
  if (!Array.isArray(v.units) || v.units.length === 0) return ['/units', t('“{0}”应为非空数组', 'units')];
  for (let k = 0; k < v.units.length; k++) {
    const u = v.units[k];
    const at = `/units/${k}`;
    if (!isObj(u)) return [at, t('第 {0} 个单位应为对象', k + 1)];
    if (typeof u.name !== 'string' || u.name.length < 2) return [`${at}/name`, t('第 {0} 个单位缺少名称“name”', k + 1)];
    if (!isStrings(u.forms) || (u.forms as string[]).length === 0) return [`${at}/forms`, t('单位“{0}”的“forms”应为非空字符串数组', u.name)];
    if (!UNIT_KINDS.includes(u.kind as never)) return [`${at}/kind`, t('单位“{0}”的“kind”应为 {1} 之一', u.name, UNIT_KINDS.join('、'))];
    if (u.level !== undefined && typeof u.level !== 'string') return [`${at}/level`, t('单位“{0}”的“level”应为字符串', u.name)];
    if (u.formerly !== undefined) {
      if (!Array.isArray(u.formerly) || !u.formerly.every((f) => isObj(f) && typeof f.name === 'string' && Number.isInteger(f.until) && (f.forms === undefined || isStrings(f.forms)))) {
        return [`${at}/formerly`, t('单位“{0}”的“formerly”应为含 name 与 until（年份）的对象数组', u.name)];
      }
    }
  }
  return undefined;
}

export function parseDepartmentList(text: string, file: string): ListParse {
  const body = text.replace(/^\uFEFF/, '');
  const read = readJson(body);
  if ('what' in read) return { error: t('{0} 第 {1} 行：不是有效的 JSON（{2}）；继续使用内置责任单位名录。', file, lineOf(body, read.offset), read.what) };
  const wrong = problem(read.value);
  // The value at the path gives the line (a missing key: its object).
  if (wrong) return { error: t('{0} 第 {1} 行：{2}；继续使用内置责任单位名录。', file, lineOf(body, read.offsetOf(wrong[0])), wrong[1]) };
  const v = read.value as unknown as DepartmentList;
  return { list: { ...v, names: v.names ?? [v.jurisdiction], docNumberPrefixes: v.docNumberPrefixes ?? [] } };
}
