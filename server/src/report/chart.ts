/**
 * The targets chart of the report page: for one indicator, a horizontal bar per plan with its figure,
 * and a tick at the parent's figure; a bar below its parent's is red, an inconsistent one amber.
 * Inline SVG generated here, so the page needs no script library and no network. Pure.
 */
import type { Indicator, TargetCell } from './types';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ROW = 22;
const LABEL = 150;
const WIDTH = 720;
const PLOT = WIDTH - LABEL - 70;

/** A scale end above the largest figure, rounded to a step a reader can read (5, 10, 20 …). */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const k of [1, 2, 2.5, 5, 10]) if (k * step >= max) return k * step;
  return 10 * step;
}

export interface ChartLabels {
  title: string;
  parent: string;
  below: string;
  inconsistent: string;
}

export function targetChart(indicator: Indicator, cells: readonly TargetCell[], names: ReadonlyMap<string, string>, labels: ChartLabels): string {
  const max = niceMax(Math.max(...cells.flatMap((c) => [c.value, c.parent?.value ?? 0])) * 1.05);
  const x = (v: number) => LABEL + (v / max) * PLOT;
  const top = 34;
  const height = top + cells.length * ROW + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" data-indicator="${esc(indicator.id)}" data-row="${ROW}" data-top="${top}">`,
    `<title>${esc(labels.title)}</title>`,
    `<text x="0" y="16" class="chart-title">${esc(labels.title)}</text>`,
  ];
  // Grid: five steps of the scale.
  for (let i = 0; i <= 5; i++) {
    const v = (max / 5) * i;
    const gx = x(v).toFixed(1);
    parts.push(`<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${height - 24}" class="grid"/>`);
    parts.push(`<text x="${gx}" y="${height - 10}" class="axis" text-anchor="middle">${+v.toFixed(2)}${esc(indicator.unit)}</text>`);
  }
  cells.forEach((c, i) => {
    const y = top + i * ROW;
    const kind = c.belowParent ? 'bar below' : c.inconsistent ? 'bar inconsistent' : 'bar';
    const name = names.get(c.file) ?? c.file;
    const tip = `${name}：${c.text}${c.parent ? `；${labels.parent} ${c.parent.name} ${c.parent.text}` : ''}${c.belowParent ? `；${labels.below}` : ''}${c.inconsistent ? `；${labels.inconsistent}` : ''}`;
    parts.push(`<g class="row" data-file="${esc(c.file)}" data-plan="${esc(c.file)}"><title>${esc(tip)}</title>`);
    parts.push(`<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end" class="label">${esc(name)}</text>`);
    parts.push(`<rect class="${kind}" x="${LABEL}" y="${y + 3}" width="${Math.max(1, x(c.value) - LABEL).toFixed(1)}" height="${ROW - 7}"/>`);
    // The figure right of the bar and of the parent's tick, so the tick never crosses it.
    parts.push(`<text x="${(Math.max(x(c.value), c.parent ? x(c.parent.value) : 0) + 4).toFixed(1)}" y="${y + 15}" class="value">${c.value}${esc(indicator.unit)}</text>`);
    if (c.parent) {
      const px = x(c.parent.value).toFixed(1);
      parts.push(`<line class="parent-mark" x1="${px}" y1="${y + 1}" x2="${px}" y2="${y + ROW - 2}"/>`);
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}
