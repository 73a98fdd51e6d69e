/**
 * Lines of a PDF page rebuilt from pdf.js text items: an item is a run of glyphs at a position, and
 * a PDF says nothing of lines. Items are taken top to bottom (PDF y grows upwards), an item joins the
 * line whose baseline is within half its height, and a line's items are ordered left to right; a gap
 * wider than a third of the font size becomes one space (spaced-out titles, a date after a name).
 * pdf.js itself reports a narrow gap as a space item: a gap under a quarter of the font size is the
 * spacing a word processor puts between Chinese and Western characters (LibreOffice's and Word's
 * autospace, `〔2022〕21 号`), not a space of the text, and is dropped.
 * Pure, for tests; the wrapped lines and `— 12 —` page numbers are then the model's business, as
 * for any PDF-extracted text.
 */
export interface TextItem {
  str: string;
  /** Baseline origin (transform[4], transform[5]), advance width and font height, in page units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export function pageLines(items: readonly TextItem[]): string[] {
  const usable = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; height: number; items: TextItem[] }> = [];
  for (const item of usable) {
    const h = Math.max(1, item.height);
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= Math.max(h, last.height) / 2) last.items.push(item);
    else lines.push({ y: item.y, height: h, items: [item] });
  }
  return lines.map((line) => {
    const sorted = line.items.filter((i) => /\S/.test(i.str) || i.width >= line.height / 4).sort((a, b) => a.x - b.x);
    let out = '';
    let end: number | undefined;
    for (const item of sorted) {
      const size = Math.max(1, item.height);
      if (end !== undefined && item.x - end > size / 3 && !out.endsWith(' ') && !item.str.startsWith(' ')) out += ' ';
      out += item.str;
      end = Math.max(end ?? -Infinity, item.x + item.width);
    }
    return out.trimEnd();
  });
}
