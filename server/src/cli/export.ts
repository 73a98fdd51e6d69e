/**
 * `gongwen export --docx [--out FILE] [--force] FILE`: the document in the 通用格式 of GB/T 9704-2012
 * as a .docx (issue #16). A missing 发文字号 or 署名 is a visible placeholder and a warning; a document
 * with error-severity findings, and an existing output file, are refused unless `--force`; the input
 * is never written, even with `--force`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { readOneFile } from './one-file';
import { cliService, fileUri } from './service';
import { describeFsError, sameFile } from './files';
import { severityName, messageText } from './format-json';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE } from './lint';

/** The output next to the input: `a.txt` → `a.docx`; a .docx input → `a-排版.docx`. */
export function defaultOutput(input: string): string {
  const { dir, name, ext } = path.parse(input);
  return path.join(dir, ext.toLowerCase() === '.docx' ? `${name}-排版.docx` : `${name}.docx`);
}

export function runExport(args: CliArgs, io: CliIo): number {
  const fail = (message: string) => {
    io.err(`gongwen: ${message}\n`);
    return EXIT_TROUBLE;
  };
  if (!args.docx) return fail(t('请指定导出格式，目前只支持 --docx。'));
  const one = readOneFile(args, io, 'export');
  if (typeof one === 'number') return one;
  const { file, text } = one;
  const out = args.out ?? defaultOutput(file);
  if (path.extname(out).toLowerCase() !== '.docx') return fail(t('{0}：导出的文件应以 .docx 结尾。', out));
  if (sameFile(file, out)) return fail(t('{0}：不会覆盖输入文件，请用 --out 另指定输出文件。', out));
  if (fs.existsSync(out) && !args.force) return fail(t('{0}：文件已存在，未覆盖。加 --force 覆盖它。', out));

  const service = cliService({ configFile: args.config, lang: args.lang, upper: args.upper }, io);
  const doc = service.parse(fileUri(file), text);
  const errors = service.diagnostics(doc).filter((d) => severityName(d) === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.err(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${messageText(d)} [${d.code}]\n`);
    if (!args.force) {
      io.err(`gongwen: ${t('{0}：有 {1} 处错误，未导出。请先修改，或加 --force 照样导出。', file, errors.length)}\n`);
      return EXIT_FINDINGS;
    }
    io.err(`gongwen: ${t('{0}：有 {1} 处错误，因 --force 照样导出。', file, errors.length)}\n`);
  }
  const { exportDocx } = require('../export/docx') as typeof import('../export/docx'); // loaded only here (issue #18)
  const result = exportDocx(doc, { fonts: service.settings.export.fonts, ...(args.layout ? { format: args.layout } : {}) });
  for (const w of result.warnings) io.err(`gongwen: ${t('警告：{0}', w)}\n`);
  try {
    fs.writeFileSync(out, result.bytes);
  } catch (err) {
    return fail(t('{0}：无法写入（{1}）。', out, describeFsError(err)));
  }
  io.out(t('已导出：{0}', out) + '\n');
  return EXIT_OK;
}
