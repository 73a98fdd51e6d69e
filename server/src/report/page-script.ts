/**
 * The script of the report page (issue #19): with a few hundred plans the page shows one part of the
 * tree at a time. A place selector (the province, a city) and a filter box (place, title, 文号, file)
 * choose the plans shown; the targets table and chart, the coverage matrices and the plans' findings
 * show only those, and a matrix none of whose child plans is shown is hidden. Without the script
 * (scripts off) everything stays shown, as before. In a VS Code webview a link to a plan posts a
 * message instead (the extension opens the file at the line), and the save buttons post one too.
 * Plain ES2017 in a string: it runs in the browser, not in Node, and is inlined into the page.
 */

/** What the script knows of each plan: the codes of its place and of the places above it, and the text the filter searches. */
export interface PagePlan {
  scope: string[];
  text: string;
}

export const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var place = document.getElementById('place');
  var filter = document.getElementById('filter');
  var count = document.getElementById('shown');
  function visible(file) {
    var p = data.plans[file];
    if (!p) return true;
    if (place.value && p.scope.indexOf(place.value) < 0) return false;
    var q = filter.value.trim().toLowerCase();
    return !q || p.text.indexOf(q) >= 0;
  }
  function show(el, on) { el.classList.toggle('off', !on); }
  function apply() {
    var shown = 0;
    Object.keys(data.plans).forEach(function (f) { if (visible(f)) shown++; });
    count.textContent = String(shown);
    document.querySelectorAll('[data-plan]').forEach(function (el) { show(el, visible(el.getAttribute('data-plan'))); });
    // The tree: the chosen place's branch, and the places above it.
    var at = place.value ? document.querySelector('#tree li[data-code="' + place.value + '"]') : null;
    // With a filter, only the places on the way to a plan it matches.
    var q = filter.value.trim();
    document.querySelectorAll('#tree li[data-code]').forEach(function (li) {
      show(li, (!at || li.contains(at) || at.contains(li)) && (!q || !!li.querySelector('.plan:not(.off)')));
    });
    document.querySelectorAll('.placeless').forEach(function (el) { show(el, !!el.querySelector('.plan:not(.off)')); });
    // A matrix with no child plan shown goes; so does a targets row with no figure shown.
    document.querySelectorAll('.matrix-block').forEach(function (m) { show(m, !!m.querySelector('thead th[data-plan]:not(.off)')); });
    document.querySelectorAll('#targets-table tbody tr').forEach(function (tr) { show(tr, !!tr.querySelector('td[data-plan]:not(.off):not(:empty)')); });
    // The chart's bars of the plans shown, one under the other.
    document.querySelectorAll('svg.chart').forEach(function (svg) {
      var row = Number(svg.getAttribute('data-row')), top = Number(svg.getAttribute('data-top')), k = 0;
      svg.querySelectorAll('g.row').forEach(function (g, i) {
        var on = !g.classList.contains('off');
        if (on) { g.setAttribute('transform', 'translate(0,' + (k - i) * row + ')'); k++; }
      });
      var height = top + k * row + 30;
      svg.setAttribute('height', String(height));
      svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + height);
      svg.querySelectorAll('.grid').forEach(function (l) { l.setAttribute('y2', String(height - 24)); });
      svg.querySelectorAll('.axis').forEach(function (t) { t.setAttribute('y', String(height - 10)); });
      show(svg, k > 0);
    });
  }
  place.addEventListener('change', apply);
  filter.addEventListener('input', apply);
  document.getElementById('toolbar').hidden = false;
  if (vscode) {
    document.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a[data-file], button[data-save]') : null;
      if (!a) return;
      e.preventDefault();
      if (a.hasAttribute('data-save')) vscode.postMessage({ type: 'save', format: a.getAttribute('data-save') });
      else vscode.postMessage({ type: 'open', file: a.getAttribute('data-file'), line: Number(a.getAttribute('data-line') || 1), character: Number(a.getAttribute('data-character') || 1) });
    });
  }
  apply();
})();
`;
