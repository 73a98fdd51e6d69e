/**
 * Reading a user's department list (same format as the bundled ones). Pure: text in, list or one
 * message out. The message names the file, the line and what is wrong, so the drafter can fix it;
 * the caller keeps the bundled knowledge meanwhile.
 */
import { t } from '../../l10n';
import type { DepartmentList } from './types';
import { UNIT_KINDS } from './types';

export interface ListParse {
  list?: DepartmentList;
  error?: string;
}

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A small JSON reader that remembers where each value starts (path → offset), for line numbers. */
function readJson(text: string): { value: unknown; at: Map<string, number> } {
  const at = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const fail = (what: string): never => {
    throw new JsonError(what, i);
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail(t('字符串未结束'));
      if (text[i] === '\\') {
        const esc = text.slice(i, i + 6);
        const m = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(esc);
        if (!m) fail(t('无效的转义'));
        out += JSON.parse(`"${m![0]}"`);
        i += m![0].length;
      } else out += text[i++];
    }
    if (i >= text.length) {
      i = start;
      fail(t('字符串未结束'));
    }
    i++;
    return out;
  };
  const value = (path: string): unknown => {
    ws();
    at.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(t('此处应为带引号的键名'));
        const key = str();
        ws();
        if (text[i] !== ':') fail(t('此处应为冒号'));
        i++;
        obj[key] = value(`${path}/${key}`);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(t('此处应为逗号或“}”'));
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(`${path}/${arr.length}`));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(t('此处应为逗号或“]”'));
      }
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!lit) fail(t('此处应为一个值'));
    i += lit![0].length;
    return JSON.parse(lit![0]);
  };
  const v = value('');
  ws();
  if (i < text.length) fail(t('值之后还有多余内容'));
  return { value: v, at };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
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
  let read;
  try {
    read = readJson(body);
  } catch (err) {
    if (!(err instanceof JsonError)) throw err;
    return { error: t('{0} 第 {1} 行：不是有效的 JSON（{2}）；继续使用内置责任单位名录。', file, lineOf(body, err.offset), err.message) };
  }
  const wrong = problem(read.value);
  if (wrong) {
    // The nearest recorded ancestor of the path gives the line (a missing key: its object).
    let path = wrong[0];
    while (!read.at.has(path) && path) path = path.slice(0, path.lastIndexOf('/'));
    return { error: t('{0} 第 {1} 行：{2}；继续使用内置责任单位名录。', file, lineOf(body, read.at.get(path) ?? 0), wrong[1]) };
  }
  const v = read.value as unknown as DepartmentList;
  return { list: { ...v, names: v.names ?? [v.jurisdiction], docNumberPrefixes: v.docNumberPrefixes ?? [] } };
}
