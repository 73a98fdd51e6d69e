/**
 * The page of the print preview webview (issue #16): A4 pages at scale, drawn by a small script from
 * the pages the server lays out (server/src/export/pages.ts). Strict CSP: nothing is loaded, the style
 * and the script run by nonce only. No vscode import: the HTML is built from plain strings, so a unit
 * test can read it.
 */

/** What the page says, in the user's language (the extension passes vscode.l10n's strings). */
export interface PreviewLabels {
  pages: string;
  blank: string;
  empty: string;
}

/**
 * The layout's numbers in millimetres (GB/T 9704-2012 §5.2, §7.5): A4, 版心 156 × 225 mm from 37 mm
 * down and 28 mm from the binding edge (left on odd pages, right on even ones), the page number 7 mm
 * below the 版心, one 4号 character (14 pt) in from its outer edge.
 */
const SCRIPT = `
const vscode = acquireVsCodeApi();
// Pixels per millimetre on screen: the page as wide as the view allows, at most 3.2 (about life size).
let MM = 3.2;
let last;
const TWIP = 25.4 / 1440; // millimetres per twip
const PT = 25.4 / 72;
const CELL = 156 / 28;
const SIZE = { logo: 42, title: 22, body: 16, heading: 16, label: 16, imprint: 14 };
const FAMILY = { logo: 'serif', title: 'serif', heading: 'sans-serif', label: 'sans-serif' };
const root = document.getElementById('pages');
const status = document.getElementById('status');
const px = (mm) => (mm * MM).toFixed(2) + 'px';
function el(tag, cls, parent) { const e = document.createElement(tag); if (cls) e.className = cls; parent.appendChild(e); return e; }
function draw(data) {
  last = data;
  // As wide as the view allows for the widest page (a landscape page of a wide table is 297 mm).
  MM = Math.min(3.2, Math.max(1, (document.body.clientWidth - 24) / (data.pages.some((p) => p.landscape) ? 297 : 210)));
  root.textContent = '';
  status.textContent = data.pages.length ? data.labels.pages.replace('{0}', String(data.pages.length)) : data.labels.empty;
  for (const p of data.pages) {
    const page = el('div', 'page' + (p.blank ? ' blank' : '') + (p.landscape ? ' landscape' : ''), root);
    page.dataset.number = String(p.number);
    // A wide table's page is A4 turned (§8): the 版心 225 × 156 mm, 36 mm from the sides and 27 mm from the top (export/landscape.ts).
    page.style.width = px(p.landscape ? 297 : 210);
    page.style.height = px(p.landscape ? 210 : 297);
    const odd = p.number % 2 === 1;
    const box = el('div', 'box', page);
    box.style.left = px(p.landscape ? 36 : odd ? 28 : 26);
    box.style.top = px(p.landscape ? 27 : 37);
    box.style.width = px(p.landscape ? 225 : 156);
    box.style.height = px(p.landscape ? 156 : 225);
    if (p.blank) { const b = el('div', 'blank-note', page); b.textContent = data.labels.blank; continue; }
    for (const l of p.lines) {
      if (l.row) { drawRow(box, l); continue; }
      const size = SIZE[l.style] || 16;
      const line = el('div', 'line ' + l.style + (l.placeholder ? ' placeholder' : '') + (l.from !== undefined ? ' linked' : ''), box);
      line.textContent = l.text;
      line.style.top = px(l.y * TWIP);
      line.style.height = px(l.height * TWIP);
      line.style.lineHeight = px(l.height * TWIP);
      line.style.left = px(l.left * CELL);
      line.style.right = px(l.right * CELL);
      line.style.textAlign = l.align;
      // Text on the grid a little under a cell (as the export's 98 % scale), so the browser's fonts keep 28 a line.
      line.style.fontSize = px(l.style === 'body' || l.style === 'heading' || l.style === 'label' ? CELL * 0.96 : size * PT);
      if (FAMILY[l.style]) line.style.fontFamily = FAMILY[l.style];
      if (l.rule === 'red') { const r = el('div', 'red-line', box); r.style.top = px((l.y + l.height + 220) * TWIP); }
      if (l.rule === 'imprint-top') line.classList.add('rule-top');
      if (l.rule === 'imprint-bottom') line.classList.add('rule-bottom');
      if (l.from !== undefined) line.addEventListener('click', () => vscode.postMessage({ type: 'reveal', from: l.from, to: l.to }));
    }
    // §7.5: — N —, 4号, 7 mm below the 版心; odd pages right, even pages left, one character in. None on
    // the 版记 page when a blank page stands before it (nor on that blank page, drawn above).
    if (p.numbered === false) continue;
    const n = el('div', 'page-number', page);
    n.textContent = '— ' + p.number + ' —';
    if (p.landscape) {
      // §8: where the portrait pages have it on the sheet: the left margin, turned, low on odd pages, high on even.
      n.classList.add('turned');
      n.style.left = px(297 - 37 - 225 - 7 - 14 * PT * 1.2);
      n.style.fontSize = px(14 * PT);
      if (odd) n.style.bottom = px(26 + 14 * PT); else n.style.top = px(26 + 14 * PT);
      continue;
    }
    n.style.top = px(37 + 225 + 7);
    n.style.fontSize = px(14 * PT);
    if (odd) n.style.right = px(26 + 14 * PT); else n.style.left = px(26 + 14 * PT);
  }
}
/** A table row (export/table-layout.ts): its cells ruled, each cell's lines as the engine broke them. */
function drawRow(box, l) {
  const row = el('div', 'row' + (l.row.header ? ' header' : '') + (l.from !== undefined ? ' linked' : ''), box);
  row.style.top = px(l.y * TWIP);
  row.style.height = px(l.height * TWIP);
  for (const c of l.row.cells) {
    const cell = el('div', 'cell', row);
    cell.style.left = px(c.x * TWIP);
    cell.style.width = px(c.width * TWIP);
    cell.style.textAlign = c.align;
    cell.style.padding = '0 ' + px(1);
    cell.style.fontSize = px((l.row.size / 2) * PT * 0.96);
    cell.style.lineHeight = px(l.row.lineHeight * TWIP);
    cell.textContent = c.lines.join('\\n');
  }
  if (l.from !== undefined) row.addEventListener('click', () => vscode.postMessage({ type: 'reveal', from: l.from, to: l.to }));
}
window.addEventListener('resize', () => { if (last) draw(last); });
window.addEventListener('message', (e) => { if (e.data && e.data.type === 'pages') draw(e.data); });
vscode.postMessage({ type: 'ready' });
`;

const STYLE = `
body { background: var(--vscode-editor-background); color: #000; margin: 0; padding: 12px; font-family: serif; }
#status { color: var(--vscode-foreground); margin: 0 0 8px; font-family: var(--vscode-font-family); }
.page { position: relative; background: #fff; margin: 0 auto 16px; box-shadow: 0 1px 4px rgba(0,0,0,.4); }
.box { position: absolute; outline: 1px dashed #9ab; }
.line { position: absolute; white-space: pre; overflow: visible; }
.line.linked { cursor: pointer; }
.line.linked:hover { background: rgba(0, 120, 215, .12); }
.line.logo { color: #e00; font-weight: bold; }
.line.heading, .line.label { font-weight: bold; }
.line.placeholder { background: #ff0; }
.line.rule-top { border-top: 1px solid #000; }
.line.rule-bottom { border-bottom: 1px solid #000; }
.red-line { position: absolute; left: 0; right: 0; height: 0; border-top: 2px solid #e00; }
.page-number { position: absolute; font-family: serif; }
.page-number.turned { writing-mode: vertical-rl; text-orientation: sideways; }
.row { position: absolute; left: 0; right: 0; }
.row.linked { cursor: pointer; }
.row.linked:hover { background: rgba(0, 120, 215, .12); }
.row.header .cell { font-family: sans-serif; }
.cell { position: absolute; top: 0; bottom: 0; box-sizing: border-box; border: 0.5px solid #000; margin: 0 0 0 -0.5px; white-space: pre; overflow: hidden; display: flex; flex-direction: column; justify-content: center; }
.blank-note { position: absolute; top: 45%; width: 100%; text-align: center; color: #999; font-family: var(--vscode-font-family); }
`;

export function previewHtml(nonce: string, cspSource: string, lang: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<div id="status"></div>
<div id="pages"></div>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
