/**
 * Reading JSON written by users (gongwen.json, department lists, plan registries, templates) so that a
 * mistake is reported by line and kind only: `JSON.parse` quotes the file's characters in its
 * messages ("Unexpected token 'x', \"…\" is not valid JSON"), and a configuration file may name a
 * file whose content must not end up in a warning. The syntax and the offsets come from jsonc-parser
 * (the parser of VS Code's own JSON support, already used to edit gongwen.json); the words are ours.
 * Pure.
 */
import { findNodeAtLocation, parseTree, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { t } from './l10n';

/** Deeper nesting is refused before parsing: jsonc-parser recurses once per level. */
const MAX_DEPTH = 200;

/** A parsed file: its value, and where the value at a path (`/rules/0/name`) starts, for line numbers. */
export interface JsonRead {
  value: unknown;
  /** Offset of the value at `path`, or of its nearest ancestor that exists (a missing key: its object). */
  offsetOf(path: string): number;
}

/** What a syntax error is, in words of our own. */
function describe(error: ParseError): string {
  switch (error.error) {
    case ParseErrorCode.PropertyNameExpected:
      return t('此处应为带引号的键名');
    case ParseErrorCode.ColonExpected:
      return t('此处应为冒号');
    case ParseErrorCode.CommaExpected:
    case ParseErrorCode.CloseBraceExpected:
      return t('此处应为逗号或“}”');
    case ParseErrorCode.CloseBracketExpected:
      return t('此处应为逗号或“]”');
    case ParseErrorCode.EndOfFileExpected:
      return t('值之后还有多余内容');
    case ParseErrorCode.UnexpectedEndOfString:
      return t('字符串未结束');
    case ParseErrorCode.InvalidEscapeCharacter:
    case ParseErrorCode.InvalidUnicode:
      return t('无效的转义');
    default:
      return t('此处应为一个值');
  }
}

/** The offset where nesting first goes deeper than MAX_DEPTH, outside strings; -1 when it never does. */
function tooDeep(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** Strict JSON (no comments, no trailing commas, as JSON.parse), or where and what the first error is. */
export function readJson(text: string): JsonRead | { offset: number; what: string } {
  const deep = tooDeep(text);
  if (deep >= 0) return { offset: deep, what: t('嵌套层级过深') };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    return first ? { offset: first.offset, what: describe(first) } : { offset: 0, what: t('此处应为一个值') };
  }
  return { value: JSON.parse(text), offsetOf: (path) => offsetIn(root, path) };
}

function offsetIn(root: Node, path: string): number {
  const segments = path.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (node) return node.offset;
  }
  return root.offset;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * Where and what the first syntax error of `text` is (never the file's characters); for a text
 * JSON.parse refused. Line 0 when jsonc-parser accepts what JSON.parse did not.
 */
export function jsonProblem(text: string): { line: number; what: string } {
  const read = readJson(text);
  return 'what' in read ? { line: lineOf(text, read.offset), what: read.what } : { line: 0, what: t('语法错误') };
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
