/**
 * The JSON shapes of `gongwen lint --format json` and `gongwen outline --format json`.
 * They are a contract for scripts: exactly these keys, LSP positions (0-based line, UTF-16 character).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { NOTICE_ELEMENT_ORDER, type DocumentPart, type GenreInfo, type GongwenDocument, type Heading, type Range, type Span } from '../model/types';
import { SEVERITY_NAMES } from '../service';
import type { SeverityName } from '../settings';
import { sourcePosition, type SourceMap, type SourcePosition } from '../io/source';
import type { FindingContext } from './report-context';

export interface LintResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Where the text came from (.docx/.pdf): positions are also given in the file's own terms. */
  source?: SourceMap;
  /** How many of the findings `--fix` would remove (text report only; not in the JSON). */
  fixable?: number;
  /** Review report only (--format html|markdown): each finding's paragraph, in the order of `diagnostics`. */
  contexts?: FindingContext[];
  /** Review report only: the outline as `gongwen outline` prints it. */
  outline?: string;
}

export interface JsonDiagnostic {
  rule: string;
  severity: SeverityName;
  message: string;
  range: Range;
  /** .docx: `{ paragraph, offset }`; .pdf: `{ page, line, offset }` (0-based) of the finding's start. Absent for text files. */
  source?: SourcePosition;
}

export interface JsonHeading {
  level: number;
  marker: string;
  number: number;
  title: string;
  range: Range;
  children: JsonHeading[];
}

export interface JsonSpan {
  text: string;
  range: Range;
}

/** One part of the document (model/types.ts `DocumentPart`); optional keys are left out when unknown. */
export interface JsonPart {
  kind: DocumentPart['kind'];
  title?: JsonSpan;
  label?: JsonSpan;
  scheme?: NonNullable<DocumentPart['scheme']>;
  range: Range;
  headings: JsonHeading[];
}

export interface JsonOutline {
  file: string;
  /** The covering document's 文种 (`action` only for a notice that 印发/转发/批转/发布 a document); null without a title. */
  genre: { genre: GenreInfo['genre']; label: string; action?: NonNullable<GenreInfo['action']> } | null;
  /** The covering document's elements; kept beside `parts` for scripts that read them. */
  notice: Record<string, JsonSpan>;
  /** The cover, then the documents it issues or forwards, then its attachments. */
  parts: JsonPart[];
  /** The top-level headings of every part in document order (the parts' `headings` concatenated). */
  headings: JsonHeading[];
}

/** A copy with only `start`/`end` `line`/`character`, whatever else the source object carries. */
export function plainRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** An unset severity counts as an error: the service always sets one, and silence would hide a finding. */
export function severityName(d: Diagnostic): SeverityName {
  return SEVERITY_NAMES[d.severity ?? 1] ?? 'error';
}

/** Whether any finding is an error: the CLI's exit code 1. */
export function holdsError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => severityName(d) === 'error');
}

/** LSP 3.18 allows markup in a message; ours are plain strings, but take the text either way. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function toJsonDiagnostic(d: Diagnostic, source?: SourceMap): JsonDiagnostic {
  const json: JsonDiagnostic = { rule: String(d.code ?? ''), severity: severityName(d), message: messageText(d), range: plainRange(d.range) };
  const at = sourcePosition(source, d.range.start.line, d.range.start.character);
  if (at) json.source = at;
  return json;
}

export function formatLintJson(results: readonly LintResult[]): string {
  return joinLintJson(results.map(lintJsonEntry));
}

/**
 * One file's element of `lint --format json`, exactly as `JSON.stringify(all, null, 2)` writes it inside the
 * top-level array (its lines after the first indented one level). Made where the file is linted (a worker thread
 * too), so that only this text comes back and the printing thread does not serialise 1,000 files' findings after
 * the last one. Written out for the shape of a diagnostic rather than by `JSON.stringify` with an indent, which
 * took ~0.3 s for the 28,400 findings of the 1,000 seed copies, ~5× the same without an indent (issue #18). A
 * diagnostic not of the usual shape (a number that is not a number, a message that is not a string) is written
 * by `JSON.stringify` itself, and so is a `source`.
 */
export function lintJsonEntry(r: LintResult): string {
  const head = `{\n    "file": ${JSON.stringify(r.file)},\n    "diagnostics": `;
  if (r.diagnostics.length === 0) return `${head}[]\n  }`;
  let out = `${head}[\n      `;
  for (let i = 0; i < r.diagnostics.length; i++) {
    if (i > 0) out += ',\n      ';
    out += diagnosticJson(toJsonDiagnostic(r.diagnostics[i], r.source));
  }
  return `${out}\n    ]\n  }`;
}

/** A finding as `JSON.stringify` with an indent of 2 writes it three levels deep (an element of `diagnostics`). */
function diagnosticJson(d: JsonDiagnostic): string {
  const { start, end } = d.range;
  if (typeof d.message !== 'string' || !isNumber(start.line) || !isNumber(start.character) || !isNumber(end.line) || !isNumber(end.character)) {
    return nested(d, '      ');
  }
  let out = `{\n        "rule": ${JSON.stringify(d.rule)},\n        "severity": ${JSON.stringify(d.severity)},\n        "message": ${JSON.stringify(d.message)},\n        "range": {\n` +
    `          "start": {\n            "line": ${numberJson(start.line)},\n            "character": ${numberJson(start.character)}\n          },\n` +
    `          "end": {\n            "line": ${numberJson(end.line)},\n            "character": ${numberJson(end.character)}\n          }\n        }`;
  if (d.source !== undefined) out += `,\n        "source": ${nested(d.source, '        ')}`;
  return `${out}\n      }`;
}

function isNumber(n: unknown): n is number {
  return typeof n === 'number';
}

/** `JSON.stringify` of a number: NaN and the infinities are `null`. */
function numberJson(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** `JSON.stringify(value, null, 2)` of an object written where a line starts with `indent` (a JSON string holds no raw line break). */
function nested(value: object, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** The whole `lint --format json` output from the files' entries (`lintJsonEntry`), in order. */
export function joinLintJson(entries: readonly string[]): string {
  return entries.length === 0 ? '[]\n' : `[\n  ${entries.join(',\n  ')}\n]\n`;
}

function toJsonHeading(h: Heading): JsonHeading {
  return { level: h.level, marker: h.marker, number: h.number, title: h.title, range: plainRange(h.range), children: h.children.map(toJsonHeading) };
}

function toJsonSpan(span: Span): JsonSpan {
  return { text: span.text, range: plainRange(span.range) };
}

function toJsonPart(part: DocumentPart): JsonPart {
  const out: JsonPart = { kind: part.kind, range: plainRange(part.range), headings: part.headings.map(toJsonHeading) };
  if (part.title) out.title = toJsonSpan(part.title);
  if (part.label) out.label = toJsonSpan(part.label);
  if (part.scheme) out.scheme = part.scheme;
  return out;
}

function toJsonGenre(genre: GenreInfo | undefined): JsonOutline['genre'] {
  if (!genre) return null;
  return genre.action ? { genre: genre.genre, label: genre.label, action: genre.action } : { genre: genre.genre, label: genre.label };
}

export function outlineData(file: string, doc: GongwenDocument): JsonOutline {
  const notice: JsonOutline['notice'] = {};
  for (const name of NOTICE_ELEMENT_ORDER) {
    const span = doc.notice[name];
    if (span) notice[name] = toJsonSpan(span);
  }
  return { file, genre: toJsonGenre(doc.genre), notice, parts: doc.parts.map(toJsonPart), headings: doc.headings.map(toJsonHeading) };
}

export function formatOutlineJson(outline: JsonOutline): string {
  return JSON.stringify(outline, null, 2) + '\n';
}
