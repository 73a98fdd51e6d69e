/**
 * `gongwen lint --annotate OUT.docx IN.docx`: IN is linted as `gongwen lint` does, and a copy of it
 * with each finding as a Word comment is written to OUT (io/docx/annotate.ts). IN is never written:
 * OUT naming the same file (by path, link or inode) is refused before anything is read. The certain
 * fixes are written as Word tracked changes (unless `--comments-only`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { t } from '../l10n';
import type { LanguageService } from '../service';
import type { GongwenDocument } from '../model/types';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { describeFsError, documentKind, readSourceBytes } from '../io/read';
import { formatLintJson, messageText, severityName } from './format-json';
import { formatLintText } from './format-text';
import { cliService, fileUri } from './service';
import { sameFile } from './files';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE } from './lint';

/** The comment: message, rule id, and the suggested fix when the rule offers one. */
export function commentText(service: LanguageService, doc: GongwenDocument, d: Diagnostic): string {
  const same = (x: Diagnostic) => x.code === d.code && x.message === d.message && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character;
  const actions = service.codeActions(doc, d.range).filter((a) => a.diagnostics?.some(same));
  const fix = actions.find((a) => a.isPreferred) ?? actions[0];
  const lines = [messageText(d), t('规则：{0}', String(d.code ?? ''))];
  if (fix) lines.push(t('建议：{0}', fix.title));
  return lines.join('\n');
}

export function runAnnotate(args: CliArgs, io: CliIo): number {
  const input = args.paths[0];
  const out = args.annotate!;
  const fail = (message: string) => {
    io.err(`gongwen: ${message}\n`);
    return EXIT_TROUBLE;
  };
  if (path.extname(out).toLowerCase() !== '.docx') return fail(t('{0}：--annotate 的输出文件应以 .docx 结尾。', out));
  if (sameFile(input, out)) return fail(t('{0}：--annotate 不会覆盖输入文件，请另指定输出文件。', out));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(input);
  } catch (err) {
    return fail(t('{0}：无法读取（{1}）。', input, describeFsError(err)));
  }
  if (documentKind(input, bytes) !== 'docx') return fail(t('{0}：--annotate 只用于 .docx 文件。', input));
  const read = readSourceBytes(input, bytes);
  if ('error' in read) return fail(read.error);
  const service = cliService({ configFile: args.config, lang: args.lang, upper: args.upper }, io);
  const doc = service.parse(fileUri(input), read.text);
  const diagnostics = service.diagnostics(doc);
  const { annotateDocx } = require('../io/docx/annotate') as typeof import('../io/docx/annotate'); // loaded only here (issue #18)
  // Certain fixes (the ones --fix applies to a text file) go in as tracked changes the drafter accepts or rejects in Word.
  const fixes = args.commentsOnly ? [] : service.certainEdits(doc).map((e) => ({ start: e.range.start, end: e.range.end, newText: e.newText }));
  const annotated = annotateDocx(bytes, diagnostics.map((d) => ({ start: d.range.start, end: d.range.end, text: commentText(service, doc, d) })), {}, fixes);
  if (typeof annotated === 'string') return fail(t('{0}：无法写入批注（文档结构无法识别）。', input));
  try {
    fs.writeFileSync(out, annotated.bytes);
  } catch (err) {
    return fail(t('{0}：无法写入（{1}）。', out, describeFsError(err)));
  }
  const results = [{ file: input, diagnostics, source: read.source }];
  // With --format json stdout stays one JSON document; the note goes to stderr.
  const note = fixes.length > 0 ? t('{0}：已写入 {1} 条批注，{2} 处修订（确定的修复，在 Word 中逐条接受或拒绝）', out, diagnostics.length, annotated.tracked) : t('{0}：已写入 {1} 条批注', out, diagnostics.length);
  (args.format === 'json' ? io.err : io.out)(note + '\n');
  io.out(args.format === 'json' ? formatLintJson(results) : formatLintText(results, io.colour));
  return diagnostics.some((d) => severityName(d) === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
