/**
 * `gongwen outline FILE`: the document's genre, the covering document's elements, then each part
 * (the cover, the documents it issues or forwards, its attachments) with its heading tree — the
 * same parts and names as the editor's Outline (features/symbols.ts).
 */
import { t } from '../l10n';
import { coverName, partDescription, partName } from '../features/symbols';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { readOneFile } from './one-file';
import { formatOutlineJson, outlineData, type JsonHeading, type JsonOutline, type JsonPart } from './format-json';
import { cliService, fileUri } from './service';
import { EXIT_OK } from './lint';

const MAX_TEXT = 40;

/** Whitespace runs folded and long texts cut at MAX_TEXT characters (code points, not UTF-16 units). */
export function shorten(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > MAX_TEXT ? chars.slice(0, MAX_TEXT).join('') + '…' : chars.join('');
}

const lineNote = (line: number) => t('（第 {0} 行）', line + 1);

/**
 * A part's header: what it is in 【】, then its title, then where it starts:
 * `【印发的办法 · 第X章/第X条】兰州市建设项目生成管理办法（试行）  （第 11 行）`, `【意见】国务院关于…的意见  （第 1 行）`,
 * `【附件1】浙江省城市道路占道收费项目和标准  （第 48 行）`.
 */
function partHeader(outline: JsonOutline, part: JsonPart): string {
  const label = part.label?.text.replace(/[：:\s]+$/u, '');
  const what =
    part.kind === 'cover' ? coverName(outline.genre)
    : part.kind === 'attachment' ? label || partName(part, outline.genre)
    : partDescription(part);
  const name = part.title?.text ?? (part.kind === 'attachment' ? undefined : label);
  return `【${what}】${name ? shorten(name) : ''}  ${lineNote(part.range.start.line)}`;
}

export function formatOutlineText(outline: JsonOutline): string {
  const sections: string[][] = [];
  const genre = outline.genre ? coverName(outline.genre) : t('（未识别）');
  const elements = Object.entries(outline.notice).map(([name, element]) => `${name}  ${shorten(element.text)}  ${lineNote(element.range.start.line)}`);
  if (elements.length > 0) sections.push(elements);
  for (const part of outline.parts) {
    // The cover's elements are listed above; a cover without headings needs no header of its own.
    if (part.kind === 'cover' && part.headings.length === 0) continue;
    const lines = [partHeader(outline, part)];
    const walk = (h: JsonHeading, depth: number) => {
      lines.push(`${'  '.repeat(depth)}${shorten(h.marker + h.title)}  ${lineNote(h.range.start.line)}`);
      h.children.forEach((c) => walk(c, depth + 1));
    };
    part.headings.forEach((h) => walk(h, 1));
    sections.push(lines);
  }
  if (sections.length === 0) return t('（没有识别出公文要素或标题）') + '\n';
  return [[`${t('文种')}  ${genre}`], ...sections].map((s) => s.join('\n')).join('\n\n') + '\n';
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
