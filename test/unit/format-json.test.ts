/**
 * cli/format-json.ts `lintJsonEntry` and cli/json-bytes.ts: `lint --format json` is written per file, by hand for
 * the shape of a diagnostic (issue #18), and must stay the bytes `JSON.stringify(all, null, 2)` gave.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { formatLintJson, joinLintJson, lintJsonEntry, toJsonDiagnostic, type LintResult } from '../../server/src/cli/format-json';
import { lintJsonPieces } from '../../server/src/cli/json-bytes';
import type { SourceMap } from '../../server/src/io/source';

const ROOT = path.resolve(__dirname, '..', '..');

/** What `lint --format json` printed before it was written per file: the contract. */
function stringified(results: readonly LintResult[]): string {
  return JSON.stringify(results.map((r) => ({ file: r.file, diagnostics: r.diagnostics.map((d) => toJsonDiagnostic(d, r.source)) })), null, 2) + '\n';
}

function documents(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
}

function diagnostic(overrides: Partial<Diagnostic> & Record<string, unknown>): Diagnostic {
  return { code: 'x', severity: 2, message: '信息', range: { start: { line: 0, character: 1 }, end: { line: 2, character: 3 } }, ...overrides } as Diagnostic;
}

describe('lint --format json written per file', () => {
  const service = createLanguageService();
  const linted: LintResult[] = [...documents('seeds'), ...documents('test/real/docs')].map((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    return { file, diagnostics: service.diagnostics(service.parse(`file:///${file}`, text)) };
  });

  it('gives the bytes of JSON.stringify with an indent of 2 on the seeds and the real documents', () => {
    assert.ok(linted.reduce((n, r) => n + r.diagnostics.length, 0) > 500, 'the documents have findings to write');
    const expected = stringified(linted);
    assert.equal(formatLintJson(linted), expected);
    assert.equal(joinLintJson(linted.map(lintJsonEntry)), expected);
    assert.ok(Buffer.concat(lintJsonPieces(linted.map((r) => Buffer.from(lintJsonEntry(r))))).equals(Buffer.from(expected)));
  });

  it('and on no file, a file without findings, odd names, source positions and diagnostics of an unusual shape', () => {
    const docx: SourceMap = { format: 'docx', lines: [{ paragraph: 4, offset: 2 }, { paragraph: 5, offset: 0 }, { paragraph: 6, offset: 7 }] };
    const pdf: SourceMap = { format: 'pdf', lines: [{ page: 0, pageLine: 3, offset: 0 }] };
    const odd: LintResult[] = [
      { file: 'clean.txt', diagnostics: [] },
      { file: 'quote "\\ 和\u2028\ud800.txt', diagnostics: [diagnostic({ message: '带 "引号" 与\n换行\t与 \u0001' })] },
      { file: 'a.docx', source: docx, diagnostics: [diagnostic({}), diagnostic({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } } })] },
      { file: 'a.pdf', source: pdf, diagnostics: [diagnostic({ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } } })] },
      { file: 'numbers.txt', diagnostics: [diagnostic({ range: { start: { line: NaN, character: -0 }, end: { line: Infinity, character: 1e21 } } })] },
      { file: 'missing.txt', diagnostics: [diagnostic({ range: { start: { line: undefined as unknown as number, character: 0 }, end: { line: 1, character: 1 } } })] },
      { file: 'markup.txt', diagnostics: [diagnostic({ message: { kind: 'plaintext', value: '标记' } as unknown as string, code: undefined, severity: undefined })] },
    ];
    for (const results of [[], odd, [odd[0]!], odd.slice(1)]) {
      const expected = stringified(results);
      assert.equal(joinLintJson(results.map(lintJsonEntry)), expected);
      assert.ok(Buffer.concat(lintJsonPieces(results.map((r) => Buffer.from(lintJsonEntry(r))))).equals(Buffer.from(expected)));
    }
    assert.equal(joinLintJson([]), '[]\n');
  });
});
