/**
 * Reading JSON written by users (gongwen.json, department lists, plan registries, templates) so that a
 * mistake is reported by line and kind only: `JSON.parse` quotes the file's characters in its
 * messages ("Unexpected token 'x', \"…\" is not valid JSON"), and a configuration file may name a
 * file whose content must not end up in a warning. Pure.
 */
import { t } from './l10n';

/** Deeper nesting is refused (the reader recurses; a user file never needs a tenth of this). */
const MAX_DEPTH = 200;

export class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A small JSON reader that remembers where each value starts (path → offset), for line numbers. */
export function readJson(text: string): { value: unknown; at: Map<string, number> } {
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
  let depth = 0;
  const value = (path: string): unknown => {
    ws();
    if (depth > MAX_DEPTH) fail(t('嵌套层级过深'));
    at.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      depth++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        depth--;
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
          depth--;
          return obj;
        }
        fail(t('此处应为逗号或“}”'));
      }
    }
    if (c === '[') {
      i++;
      depth++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        depth--;
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
          depth--;
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

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * Where and what the first syntax error of `text` is, in words of our own (never the file's
 * characters); for a text JSON.parse refused. Line 0 when the small reader accepts what JSON.parse
 * did not (it is a little more lenient about white space).
 */
export function jsonProblem(text: string): { line: number; what: string } {
  try {
    readJson(text);
  } catch (err) {
    if (err instanceof JsonError) return { line: lineOf(text, err.offset), what: err.message };
    throw err;
  }
  return { line: 0, what: t('语法错误') };
}

/** JSON.parse, with a failure described by `jsonProblem` (BOM dropped first). */
export function parseJson(text: string): { value: unknown } | { line: number; what: string } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(body) };
  } catch {
    return jsonProblem(body);
  }
}
