/** `gongwen outline FILE`: the notice's elements and the plan's heading tree. */
import * as fs from 'node:fs';
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { readDocument } from './files';
import { formatOutlineJson, outlineData, type JsonHeading, type JsonOutline } from './format-json';
import { cliService, fileUri } from './service';
import { EXIT_OK, EXIT_TROUBLE } from './lint';

const MAX_TEXT = 40;

/** Whitespace runs folded and long texts cut at MAX_TEXT characters (code points, not UTF-16 units). */
export function shorten(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > MAX_TEXT ? chars.slice(0, MAX_TEXT).join('') + '…' : chars.join('');
}

const lineNote = (line: number) => t('（第 {0} 行）', line + 1);

export function formatOutlineText(outline: JsonOutline): string {
  const out: string[] = [];
  for (const [name, element] of Object.entries(outline.notice)) {
    out.push(`${name}  ${shorten(element.text)}  ${lineNote(element.range.start.line)}`);
  }
  const headingLines: string[] = [];
  const walk = (h: JsonHeading) => {
    headingLines.push(`${'  '.repeat(Math.max(0, h.level - 1))}${shorten(h.marker + h.title)}  ${lineNote(h.range.start.line)}`);
    h.children.forEach(walk);
  };
  outline.headings.forEach(walk);
  if (out.length > 0 && headingLines.length > 0) out.push('');
  out.push(...headingLines);
  if (out.length === 0) out.push(t('（没有识别出公文要素或标题）'));
  return out.join('\n') + '\n';
}

export function runOutline(args: CliArgs, io: CliIo): number {
  if (args.paths.length !== 1) {
    io.err(`gongwen: ${t('outline 只接受一个文件。')}\n`);
    return EXIT_TROUBLE;
  }
  const file = args.paths[0];
  if (!fs.existsSync(file)) {
    io.err(`gongwen: ${t('{0}：找不到该文件或文件夹。', file)}\n`);
    return EXIT_TROUBLE;
  }
  const read = readDocument(file);
  if ('error' in read) {
    io.err(`gongwen: ${read.error}\n`);
    return EXIT_TROUBLE;
  }
  const service = cliService({ configFile: args.config, lang: args.lang }, io);
  const outline = outlineData(file, service.parse(fileUri(file), read.text));
  io.out(args.format === 'json' ? formatOutlineJson(outline) : formatOutlineText(outline));
  return EXIT_OK;
}
