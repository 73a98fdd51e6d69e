/** `gongwen outline FILE`: the notice's elements and the plan's heading tree. */
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { readOneFile } from './one-file';
import { formatOutlineJson, outlineData, type JsonHeading, type JsonOutline } from './format-json';
import { cliService, fileUri } from './service';
import { EXIT_OK } from './lint';

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
  const one = readOneFile(args, io, 'outline');
  if (typeof one === 'number') return one;
  const { file, text } = one;
  const service = cliService({ configFile: args.config, lang: args.lang }, io);
  const outline = outlineData(file, service.parse(fileUri(file), text));
  io.out(args.format === 'json' ? formatOutlineJson(outline) : formatOutlineText(outline));
  return EXIT_OK;
}
