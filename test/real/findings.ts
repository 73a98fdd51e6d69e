/**
 * What the engine says about the real fixtures and the seeds, in the shape of the judged
 * expected-findings file (test/real/expected.json): per document its genre, 文号, 成文日期 and 署名
 * as the model reads them, and every finding of the built `gongwen lint` with its line and message.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service';

export const ROOT = join(__dirname, '..', '..');
export const EXPECTED = join(__dirname, 'expected.json');
export const FOLDERS = ['seeds', 'test/real/docs'];

export interface JudgedFinding {
  rule: string;
  /** 1-based line, as `gongwen lint` prints it. */
  line: number;
  message: string;
  /** `true`, or why the finding is wrong (a known bug that counts against precision). */
  verdict: true | string;
}

export interface DocumentFacts {
  genre: string | null;
  文号: string | null;
  成文日期: string | null;
  署名: string | null;
  parts: string[];
}

export interface ExpectedDocument {
  facts: DocumentFacts;
  findings: JudgedFinding[];
}

export type Expected = Record<string, ExpectedDocument>;

export const keyOf = (f: { rule: string; line: number; message: string }) => `${f.line} ${f.rule} ${f.message}`;

/** Runs the built CLI over the seeds and the real fixtures (the files a user would lint). */
export function currentFindings(): Record<string, Array<Omit<JudgedFinding, 'verdict'>>> {
  let out: string;
  try {
    out = execFileSync('node', ['dist/cli.js', 'lint', '--format', 'json', ...FOLDERS], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    // Exit code 1 means error-severity findings: the JSON is still complete.
    out = (e as { stdout: string }).stdout;
  }
  const result: Record<string, Array<Omit<JudgedFinding, 'verdict'>>> = {};
  for (const file of JSON.parse(out) as Array<{ file: string; diagnostics: Array<{ rule: string; message: string; range: { start: { line: number } } }> }>) {
    result[file.file.replace(/\\/g, '/')] = file.diagnostics.map((d) => ({ rule: d.rule, line: d.range.start.line + 1, message: d.message }));
  }
  return result;
}

/** The model's reading of a document's elements. */
export function currentFacts(file: string): DocumentFacts {
  const service = createLanguageService();
  const doc = service.parse('file:///' + file, readFileSync(join(ROOT, file), 'utf8'));
  const squeeze = (s?: string) => (s === undefined ? null : s.replace(/[\s\u3000]+/g, ''));
  return {
    genre: doc.genre ? doc.genre.label + (doc.genre.action ? `（${doc.genre.action}）` : '') : null,
    文号: squeeze(doc.notice.发文字号?.text),
    成文日期: squeeze(doc.notice.成文日期?.text),
    署名: squeeze(doc.notice.发文机关署名?.text),
    parts: doc.parts.slice(1).map((p) => `${p.kind}${p.scheme ? '/' + p.scheme : ''}${p.title ? ' ' + squeeze(p.title.text)!.slice(0, 30) : ''}`),
  };
}
