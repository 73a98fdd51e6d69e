/**
 * `gongwen lint --fix PATH...` applies every certain fix (the rules' `preferred` fixes, the same
 * edits document formatting applies) in place, and `--fix-dry-run` prints them as a unified diff
 * without writing. A file is written only when its text changed, in its own encoding (BOM kept);
 * line breaks are part of the text and no fix touches them. Then the remaining findings are
 * reported as `gongwen lint` reports them.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { t } from '../l10n';
import type { LanguageService } from '../service';
import type { GongwenDocument } from '../model/types';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { collectFiles, readDocument, writeDocument } from './files';
import { formatLintJson, holdsError, type LintResult } from './format-json';
import { formatLintText } from './format-text';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE } from './lint';
import { cliService, fileUri } from './service';

/** A fix can make another one possible (the text it leaves is parsed again): a few passes. */
const MAX_PASSES = 5;

/**
 * Applies non-overlapping edits to the text the document was parsed from, in one rebuild: the
 * pieces between edits and the edits' texts are collected in order and joined once (one slice and
 * concatenation per edit made `--fix` quadratic: 16 MB took 77 s). Insertions at one place keep
 * their order in `edits` (as LSP applies them); an edit overlapping an earlier one is skipped.
 */
export function applyEdits(doc: GongwenDocument, edits: readonly TextEdit[]): string {
  const text = doc.text;
  const offset = (line: number, character: number) => Math.min(text.length, (doc.lines[line]?.start ?? text.length) + character);
  const sorted = edits
    .map((e, i) => ({ a: offset(e.range.start.line, e.range.start.character), b: offset(e.range.end.line, e.range.end.character), text: e.newText, i }))
    .sort((x, y) => x.a - y.a || x.b - y.b || x.i - y.i);
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.a < at || e.b < e.a) continue;
    pieces.push(text.slice(at, e.a), e.text);
    at = e.b;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/**
 * One pass of `--fix`: the document as parsed, its certain edits, and the text with them applied. `parsed` is
 * `text` already parsed by the caller (its findings are then reused, not computed again).
 */
export function fixPass(service: LanguageService, uri: string, text: string, parsed?: GongwenDocument): { doc: GongwenDocument; edits: TextEdit[]; text: string } {
  const doc = parsed ?? service.parse(uri, text);
  const edits = service.certainEdits(doc);
  return { doc, edits, text: edits.length ? applyEdits(doc, edits) : text };
}

/**
 * Every certain fix, repeated until nothing changes (at most MAX_PASSES); pure. `doc` is the parse
 * of the final text when the last pass made it (the report after --fix reuses it: one analysis fewer).
 * `parsed`: the caller's parse of `text`, for the first pass (`lint` counting what --fix would remove has
 * just analysed it; parsing it again was a third of a one-seed lint, issue #18).
 */
export function fixText(service: LanguageService, uri: string, text: string, parsed?: GongwenDocument): { text: string; fixes: number; doc?: GongwenDocument } {
  let fixes = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { doc, edits, text: next } = fixPass(service, uri, text, pass === 0 ? parsed : undefined);
    if (edits.length === 0 || next === text) return { text, fixes, doc };
    fixes += edits.length;
    text = next;
  }
  return { text, fixes };
}

const splitLines = (text: string) => text.split(/\r\n|\n|\r/);

/**
 * A unified diff of two versions (`--fix-dry-run`). Fixes keep the number of lines, so lines are
 * compared pairwise; if the count differs the whole changed middle is one hunk.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks: Array<{ a0: number; a1: number; b0: number; b1: number }> = [];
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      const last = hunks[hunks.length - 1];
      if (last && i - last.a1 <= context * 2) {
        last.a1 = last.b1 = i + 1;
      } else hunks.push({ a0: i, a1: i + 1, b0: i, b1: i + 1 });
    }
  } else {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    let s = 0;
    while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
    hunks.push({ a0: p, a1: a.length - s, b0: p, b1: b.length - s });
  }
  if (hunks.length === 0) return '';
  // git-style a/ b/ prefixes for relative paths, so `git apply` / `patch -p1` take the diff as is.
  const relative = !/^([A-Za-z]:)?[\\/]/.test(file);
  const out = relative ? [`--- a/${file}`, `+++ b/${file}`] : [`--- ${file}`, `+++ ${file}`];
  for (const h of hunks) {
    const from = Math.max(0, h.a0 - context);
    const aEnd = Math.min(a.length, h.a1 + context);
    const bEnd = Math.min(b.length, h.b1 + context);
    const lines: string[] = [];
    for (let i = from; i < h.a0; i++) lines.push(' ' + a[i]);
    if (a.length === b.length) {
      // Runs of changed lines as `-` then `+`; unchanged lines inside a merged hunk are context.
      let i = h.a0;
      while (i < h.a1) {
        if (a[i] === b[i]) {
          lines.push(' ' + a[i++]);
          continue;
        }
        let j = i;
        while (j < h.a1 && a[j] !== b[j]) j++;
        for (let k = i; k < j; k++) lines.push('-' + a[k]);
        for (let k = i; k < j; k++) lines.push('+' + b[k]);
        i = j;
      }
    } else {
      for (let i = h.a0; i < h.a1; i++) lines.push('-' + a[i]);
      for (let i = h.b0; i < h.b1; i++) lines.push('+' + b[i]);
    }
    for (let i = h.a1; i < aEnd; i++) lines.push(' ' + a[i]);
    out.push(`@@ -${from + 1},${aEnd - from} +${from + 1},${bEnd - from} @@`, ...lines);
  }
  return out.join('\n') + '\n';
}

export function runFix(args: CliArgs, io: CliIo): number {
  if (args.paths.length === 0) {
    io.err(`gongwen: ${t('请指定要检查的文件或文件夹。')}\n`);
    return EXIT_TROUBLE;
  }
  const dryRun = args.fixDryRun === true;
  // The same service as `lint` (with --upper documents), so --fix sees the same findings.
  const service = cliService({ configFile: args.config, lang: args.lang, upper: args.upper }, io);
  const { files, errors } = collectFiles(args.paths);
  const results: LintResult[] = [];
  let wouldChange = false;
  // With --fix --format json stdout stays one JSON document; the fix report goes to stderr.
  const report = args.format === 'json' && !dryRun ? io.err : io.out;
  for (const file of files) {
    const read = readDocument(file);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    if (!read.encoding) {
      // Never write over a .docx or .pdf (issue #15): its text is extracted, not the file's own bytes.
      errors.push(t('{0}：--fix 只修改文本文件，不改写 Word/PDF 文件；请用 lint --annotate 把问题写成批注，或在 Word 中修改。', file));
      continue;
    }
    const uri = fileUri(file);
    const fixed = fixText(service, uri, read.text);
    if (fixed.text !== read.text) {
      wouldChange = true;
      if (dryRun) {
        report(unifiedDiff(file, read.text, fixed.text));
      } else {
        try {
          writeDocument(file, fixed.text, read.encoding);
        } catch (err) {
          errors.push(t('{0}：无法写入（{1}）。', file, (err as Error).message));
          continue;
        }
        report(t('{0}：已修复 {1} 处', file, fixed.fixes) + '\n');
      }
    }
    if (!dryRun) results.push({ file, diagnostics: service.diagnostics(fixed.doc ?? service.parse(uri, fixed.text)) });
  }
  for (const message of errors) io.err(`gongwen: ${message}\n`);
  // --fix-dry-run answers "would anything change?" (1 when yes), as a CI check can use it.
  if (dryRun) return errors.length > 0 ? EXIT_TROUBLE : wouldChange ? EXIT_FINDINGS : EXIT_OK;
  // An exit-2 run must not end with a clean-looking summary (issue #14): name what went unchecked.
  io.out(args.format === 'json' ? formatLintJson(results) : formatLintText(results, io.colour, errors.length));
  if (errors.length > 0) return EXIT_TROUBLE;
  return results.some((r) => holdsError(r.diagnostics)) ? EXIT_FINDINGS : EXIT_OK;
}
