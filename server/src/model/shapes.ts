/**
 * Lines of a fixed shape that the joiner (blocks.ts) keeps as paragraphs of their own and the part
 * splitter (parts.ts) reads as structure: a 目录 line, a 附件N label, a 专栏N title. One definition
 * each, so the two stages cannot disagree on what such a line is. Spaces (PDF letter-spacing:
 * `目　　录`, `附 件 1`) and Markdown bold marks `**` from converted copies are ignored.
 */
const squeeze = (s: string) => s.replace(/[\s\u3000*]+/g, '');

const LABEL = /^附件[0-9０-９一二三四五六七八九十]{0,3}[:：]?$/;
/** `专栏1 市场主体壮大工程`: the number is whole (`专栏12`, not `专栏1` of `专栏12`). */
const BOX = /^专栏[0-9０-９一二三四五六七八九十]{1,3}(?![0-9０-９])/;

/** `目录` / `目　　录` alone on a line. */
export function isTocLine(text: string): boolean {
  return text.length <= 12 && squeeze(text) === '目录';
}

/** `附件` / `附件2` / `附件一：` alone on a line. */
export function isAttachmentLabel(text: string): boolean {
  return text.length <= 12 && LABEL.test(squeeze(text));
}

/** The title line of a 专栏 box inside a section (its items follow). */
export function isBoxTitle(text: string): boolean {
  if (text.length > 80 || !text.includes('专栏')) return false;
  const t = squeeze(text);
  return t.length <= 40 && BOX.test(t);
}

/** `……12`, `…… 3`, ` 12`: dot leaders and a page number after a 目录 entry's title. */
const PAGE = /(?:[\s\u3000]*[.．…·•—_-]{2,}[\s\u3000]*[0-9０-９]{0,4}|[\s\u3000]+[0-9０-９]{1,4})[\s\u3000]*$/;

/** How far from its end a 目录 entry's leaders and page number are looked for (keeps the pattern linear on long paragraphs). */
const PAGE_REACH = 100;

/** A 目录 entry without its leaders and page number. */
export function withoutPage(entry: string): string {
  const head = entry.slice(0, Math.max(0, entry.length - PAGE_REACH));
  return head + entry.slice(head.length).replace(PAGE, '');
}
