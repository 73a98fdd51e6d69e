/**
 * The report as one self-contained HTML page: inline CSS, inline SVG, one inline script and nothing
 * fetched, so it opens from a shared folder or an e-mail on a machine without network. Sections: the
 * tree of places with each plan's status, the targets table and chart, the coverage matrices (the
 * answering clause on hover, links to the plans), and each plan's findings with their context. A place
 * selector and a filter box narrow every section to some plans (page-script.ts), so a province of a few
 * hundred plans stays readable; in the VS Code webview (`webview`) the page carries a strict CSP, its
 * links to plans open them in the editor, and it has save buttons. Pure.
 */
import { t } from '../l10n';
import { targetChart } from './chart';
import { summarise } from './summary';
import { PAGE_SCRIPT, type PagePlan } from './page-script';
import type { CoverageMatrix, PlanReport, Report, TreeNode } from './types';

export interface HtmlOptions {
  /** Prefix of the links to the plans' files, relative to the page (`../方案/`); '' when the page is in the folder. */
  linkBase: string;
  /** In a VS Code webview: the nonce of its one script (the page's Content-Security-Policy allows nothing else). */
  webview?: { nonce: string };
}

/** More plans than this: the page opens on the first city, and no plan's findings are unfolded. */
const LARGE = 60;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
:root{--err:#c62828;--warn:#b26a00;--ok:#2e7d32;--weak:#f9a825;--miss:#c62828;--line:#d0d7de;--muted:#57606a;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0;color:#1f2328;background:#fff}
header{padding:16px 24px;background:var(--bg);border-bottom:1px solid var(--line)}
h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 8px}
main{padding:0 24px 40px}
nav a{margin-right:14px}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
.figures span{display:inline-block;margin-right:16px}
.badge{display:inline-block;border-radius:9px;padding:0 7px;font-size:12px;margin-left:4px;color:#fff;background:var(--muted)}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.late{background:#6f42c1}.badge.clean{background:var(--ok)}
.tree,.tree ul{list-style:none;margin:0;padding-left:20px}.tree{padding-left:0}
.tree li{margin:2px 0}
.place{font-weight:600}.code{color:var(--muted);font-size:12px;margin-left:4px}
.none{color:var(--muted);font-style:italic;margin-left:6px}
.plan{margin-left:8px}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}
thead th{position:sticky;top:0}
tbody th{position:sticky;left:0;background:#fff;max-width:360px}
td.num{text-align:right;white-space:nowrap}
td.below{background:#fde2e1;color:var(--err);font-weight:600}
td.inconsistent{background:#fff4d6;color:var(--warn);font-weight:600}
td.below.inconsistent{background:linear-gradient(135deg,#fde2e1 50%,#fff4d6 50%)}
.matrix td{text-align:center;min-width:54px}.matrix td a{color:inherit}
.matrix td.covered{background:#dafbe1;color:var(--ok)}
.matrix td.weak{background:#fff4d6;color:#8a5a00}
.matrix td.missing{background:#fde2e1;color:var(--miss);font-weight:700}
.matrix th.task{font-weight:400;white-space:nowrap}
.legend span{display:inline-block;margin-right:14px}
.chart{margin:12px 0;font-size:12px}
.chart .bar{fill:#4c8bf5}.chart .bar.below{fill:var(--err)}.chart .bar.inconsistent{fill:var(--weak)}
.chart .grid{stroke:#e5e7eb}.chart .parent-mark{stroke:#111;stroke-width:2}
.chart .axis,.chart .value{fill:var(--muted)}.chart .chart-title{font-weight:600;font-size:13px}
details{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:4px 10px}
summary{cursor:pointer}
.sev-error{color:var(--err);font-weight:600}.sev-warning{color:var(--warn)}.sev-information,.sev-hint{color:var(--muted)}
.context{color:var(--muted);font-family:inherit}
.muted{color:var(--muted)}
.off{display:none!important}
#toolbar{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:8px 24px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
#toolbar input{min-width:260px}#toolbar button{cursor:pointer}
`;

function severityName(s: string): string {
  return s === 'error' ? t('错误') : s === 'warning' ? t('警告') : s === 'information' ? t('信息') : t('提示');
}

export function reportHtml(report: Report, options: HtmlOptions): string {
  const href = (file: string) => esc(options.linkBase + file.split('/').map(encodeURIComponent).join('/'));
  const anchor = new Map(report.plans.map((p, i) => [p.file, `plan-${i + 1}`]));
  const names = new Map(report.plans.map((p) => [p.file, p.jurisdiction?.name ?? p.file]));
  const s = summarise(report);
  const large = report.plans.length > LARGE;
  // Each plan's place and the places above it (the selector's choices), and what the filter searches.
  const pagePlans: Record<string, PagePlan> = {};
  const places: Array<{ code: string; name: string; depth: number }> = [];
  const walk = (nodes: readonly TreeNode[], above: string[]) => {
    for (const n of nodes) {
      const scope = [...above, n.code];
      if (above.length < 2 && hasPlan(n)) places.push({ code: n.code, name: n.name, depth: above.length });
      for (const f of n.plans) pagePlans[f] = { scope, text: '' };
      walk(n.children, scope);
    }
  };
  walk(report.tree, []);
  for (const p of report.plans) {
    pagePlans[p.file] = { scope: pagePlans[p.file]?.scope ?? [], text: [p.jurisdiction?.name, p.title, p.docNumber, p.file].filter(Boolean).join(' ').toLowerCase() };
  }
  // A large folder opens on the first city of the province with most plans (the province's plan shown with it): a table of a few hundred columns reads as none.
  const biggest = [...report.tree].sort((x, y) => planCount(y) - planCount(x))[0];
  const chosen = large ? biggest?.children.find(hasPlan)?.code : undefined;
  const planLink = (file: string, line: number, text: string, character?: number) =>
    `<a href="${href(file)}" data-file="${esc(file)}" data-line="${line}"${character ? ` data-character="${character}"` : ''}>${text}</a>`;
  const folderName = report.root.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || report.root;

  const statusOf = (p: PlanReport) => {
    const badges = [
      p.counts.error ? `<span class="badge error">${esc(t('错误 {0}', p.counts.error))}</span>` : '',
      p.counts.warning ? `<span class="badge warning">${esc(t('警告 {0}', p.counts.warning))}</span>` : '',
      !p.counts.error && !p.counts.warning ? `<span class="badge clean">${esc(t('无问题'))}</span>` : '',
      p.late ? `<span class="badge late" title="${esc(t('期限 {0}，成文于 {1}', p.late.deadline, p.late.issued))}">${esc(t('逾期'))}</span>` : '',
    ];
    return `<span class="plan" data-plan="${esc(p.file)}"><a href="#${anchor.get(p.file)}">${esc(p.title ?? p.file)}</a> <span class="muted">${esc(p.issued ?? t('（无成文日期）'))}</span>${badges.join('')}</span>`;
  };
  const byFile = new Map(report.plans.map((p) => [p.file, p]));
  const treeNode = (n: TreeNode): string => {
    const plans = n.plans.map((f) => statusOf(byFile.get(f)!)).join('');
    const none = n.plans.length ? '' : `<span class="none">${esc(t('无方案'))}</span>`;
    const children = n.children.length ? `<ul>${n.children.map(treeNode).join('')}</ul>` : '';
    return `<li data-code="${n.code}"><span class="place">${esc(n.name)}</span><span class="code">${n.code}</span>${plans}${none}${children}</li>`;
  };
  const placeless = report.plans.filter((p) => !p.jurisdiction);

  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
  if (options.webview) {
    parts.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-${options.webview.nonce}'">`);
  }
  parts.push(`<title>${esc(t('方案总览：{0}', folderName))}</title><style>${STYLE}</style></head><body>`);
  parts.push(`<header><h1>${esc(t('方案总览：{0}', folderName))}</h1><p class="figures">`);
  for (const [label, value] of [
    [t('方案'), s.plans], [t('逾期'), s.late], [t('目标低于上级'), s.belowParent], [t('目标前后不一'), s.inconsistent],
    [t('上级任务缺失'), s.missing], [t('覆盖较弱'), s.weak], [t('无方案的地区'), s.placesWithoutPlan], [t('错误'), s.errors], [t('警告'), s.warnings],
  ] as const) parts.push(`<span>${esc(label)} <b>${value}</b></span>`);
  parts.push(`</p><nav><a href="#tree">${esc(t('地区与方案'))}</a><a href="#targets">${esc(t('目标对照'))}</a><a href="#coverage">${esc(t('任务覆盖'))}</a><a href="#plans">${esc(t('各方案问题'))}</a></nav></header>`);
  // The toolbar appears with the script that works it.
  parts.push(`<div id="toolbar" hidden><label>${esc(t('地区'))} <select id="place"><option value="">${esc(t('全部'))}</option>`);
  for (const x of places) parts.push(`<option value="${x.code}"${x.code === chosen ? ' selected' : ''}>${x.depth ? '　' : ''}${esc(x.name)}</option>`);
  parts.push(`</select></label><label>${esc(t('筛选'))} <input id="filter" type="search" placeholder="${esc(t('地区、标题、文号或文件名'))}"></label>`);
  parts.push(`<span>${esc(t('显示'))} <b id="shown">${report.plans.length}</b> / ${report.plans.length} ${esc(t('份方案'))}</span>`);
  if (options.webview) {
    for (const [format, label] of [['html', t('保存网页')], ['csv', t('保存目标表（CSV）')], ['json', t('保存数据（JSON）')]]) parts.push(`<button type="button" data-save="${format}">${esc(label)}</button>`);
  }
  parts.push('</div><main>');

  // The tree of places.
  parts.push(`<section id="tree"><h2>${esc(t('地区与方案'))}</h2><ul class="tree">${report.tree.map(treeNode).join('')}</ul>`);
  if (placeless.length) parts.push(`<p class="placeless">${esc(t('未能确定所属地区的方案：'))}${placeless.map(statusOf).join('')}</p>`);
  if (report.unread.length) parts.push(`<p class="sev-error">${esc(t('无法读取的文件：'))}${report.unread.map((u) => esc(u.error)).join('；')}</p>`);
  parts.push('</section>');

  // The targets table and chart.
  parts.push(`<section id="targets"><h2>${esc(t('目标对照'))}</h2>`);
  const { indicators, columns, cells } = report.targets;
  if (!indicators.length) parts.push(`<p class="muted">${esc(t('没有两份以上方案共同的量化指标。'))}</p>`);
  else {
    const used = columns.filter((c) => cells.some((x) => x.file === c));
    parts.push(`<p class="legend"><span class="sev-error">■ ${esc(t('低于上级'))}</span><span class="sev-warning">■ ${esc(t('前后不一'))}</span></p>`);
    parts.push(`<div class="scroll"><table id="targets-table"><thead><tr><th>${esc(t('指标'))}</th>${used.map((c) => `<th data-plan="${esc(c)}"><a href="#${anchor.get(c)}">${esc(names.get(c)!)}</a></th>`).join('')}</tr></thead><tbody>`);
    for (const i of indicators) {
      parts.push(`<tr data-indicator="${esc(i.id)}"><th>${esc(`${i.metric}（${t('{0}年', i.year)}）`)}</th>`);
      for (const c of used) {
        const cell = cells.find((x) => x.indicator === i.id && x.file === c);
        if (!cell) {
          parts.push(`<td data-plan="${esc(c)}"></td>`);
          continue;
        }
        const cls = ['num', cell.belowParent ? 'below' : '', cell.inconsistent ? 'inconsistent' : ''].filter(Boolean).join(' ');
        const tip = [
          t('{0}（第 {1} 行）', cell.text, cell.line),
          cell.parent ? t('上级 {0}：{1}', cell.parent.name, cell.parent.text) : '',
          cell.belowParent ? t('低于上级') : '',
          cell.inconsistent ? t('文中另有 {0}', cell.others.map((v) => `${v}${i.unit}`).join('、')) : '',
        ].filter(Boolean).join('；');
        parts.push(`<td class="${cls}" title="${esc(tip)}" data-file="${esc(c)}" data-plan="${esc(c)}">${cell.value}${esc(i.unit)}</td>`);
      }
      parts.push('</tr>');
    }
    parts.push('</tbody></table></div>');
    // Charts of the indicators where plans differ (all 90% draws nothing worth a look), at most three.
    const differing = indicators.filter((i) => {
      const row = cells.filter((x) => x.indicator === i.id);
      return new Set(row.map((x) => x.value)).size > 1 || row.some((x) => x.belowParent || x.inconsistent);
    });
    for (const i of (differing.length ? differing : indicators).slice(0, 3)) {
      const row = cells.filter((x) => x.indicator === i.id);
      parts.push(
        targetChart(i, row, names, {
          title: `${i.metric}（${t('{0}年', i.year)}）`,
          parent: t('上级'),
          below: t('低于上级'),
          inconsistent: t('前后不一'),
        }),
      );
    }
  }
  parts.push('</section>');

  // Coverage matrices.
  parts.push(`<section id="coverage"><h2>${esc(t('任务覆盖'))}</h2>`);
  parts.push(`<p class="legend"><span>✓ ${esc(t('已覆盖'))}</span><span>△ ${esc(t('较弱'))}</span><span>✗ ${esc(t('缺失'))}</span><span class="muted">${esc(t('鼠标停在格子上可看到对应条款'))}</span></p>`);
  if (!report.coverage.length) parts.push(`<p class="muted">${esc(t('文件夹中没有上下级方案。'))}</p>`);
  for (const m of report.coverage) parts.push(matrixHtml(m, names, byFile, planLink, anchor));
  parts.push('</section>');

  // Findings per plan.
  parts.push(`<section id="plans"><h2>${esc(t('各方案问题'))}</h2>`);
  for (const p of report.plans) {
    const parents = p.parents
      .map((r) => (r.kind === 'plan' ? `<a href="#${anchor.get(r.file)}">${esc(r.name)}</a>` : esc(`《${r.title}》${r.docNumber ? `（${r.docNumber}）` : ''}`)))
      .join('、');
    parts.push(`<details id="${anchor.get(p.file)}" data-plan="${esc(p.file)}"${p.counts.error && !large ? ' open' : ''}><summary><b>${esc(p.jurisdiction?.name ?? t('（地区不明）'))}</b> ${esc(p.title ?? '')} `);
    parts.push(`${planLink(p.file, 1, esc(p.file))} <span class="muted">${esc([p.docNumber, p.issued].filter(Boolean).join(' · '))}</span>`);
    parts.push(`<span class="badge error">${esc(t('错误 {0}', p.counts.error))}</span><span class="badge warning">${esc(t('警告 {0}', p.counts.warning))}</span>${p.late ? `<span class="badge late">${esc(t('逾期'))}</span>` : ''}</summary>`);
    parts.push(`<p>${esc(t('上级方案：'))}${parents || esc(t('（无）'))}</p>`);
    if (p.late) {
      const src = p.late.source.kind === 'parent' ? t('{0} 第 {1} 行：{2}', p.late.source.file, p.late.source.line, p.late.source.text) : t('gongwen.json 的 deadline');
      parts.push(`<p class="sev-error">${esc(t('逾期：期限 {0}（{1}），成文于 {2}。', p.late.deadline, src, p.late.issued))}</p>`);
    }
    if (p.findings.length) {
      parts.push(`<table class="findings"><thead><tr><th>${esc(t('位置'))}</th><th>${esc(t('级别'))}</th><th>${esc(t('问题'))}</th><th>${esc(t('规则'))}</th><th>${esc(t('上下文'))}</th></tr></thead><tbody>`);
      for (const f of p.findings) {
        parts.push(
          `<tr><td class="num">${planLink(p.file, f.line, `${f.line}:${f.character}`, f.character)}</td><td class="sev-${f.severity}">${esc(severityName(f.severity))}</td><td>${esc(f.message)}</td><td>${esc(f.rule)}</td><td class="context">${esc(f.context)}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
    } else parts.push(`<p class="muted">${esc(t('没有发现问题。'))}</p>`);
    parts.push('</details>');
  }
  parts.push('</section></main>');
  // The page's data for its script: `<` escaped, so no text of a plan can close the element.
  parts.push(`<script type="application/json" id="report-data">${JSON.stringify({ plans: pagePlans }).replace(/</g, '\\u003c')}</script>`);
  parts.push(`<script${options.webview ? ` nonce="${options.webview.nonce}"` : ''}>${PAGE_SCRIPT}</script></body></html>\n`);
  return parts.join('');
}

function matrixHtml(
  m: CoverageMatrix,
  names: ReadonlyMap<string, string>,
  byFile: ReadonlyMap<string, PlanReport>,
  planLink: (file: string, line: number, text: string) => string,
  anchor: ReadonlyMap<string, string>,
): string {
  const parent = byFile.get(m.parent);
  const mark = { covered: '✓', weak: '△', missing: '✗' } as const;
  const statusName = { covered: t('已覆盖'), weak: t('较弱'), missing: t('缺失') } as const;
  const out = [`<div class="matrix-block"><h3>${esc(t('{0}《{1}》的任务', names.get(m.parent) ?? m.parent, parent?.title ?? ''))}</h3>`];
  out.push(`<div class="scroll"><table class="matrix" data-parent="${esc(m.parent)}"><thead><tr><th>${esc(t('上级任务'))}</th>`);
  out.push(m.children.map((c) => `<th data-plan="${esc(c)}"><a href="#${anchor.get(c)}">${esc(names.get(c) ?? c)}</a></th>`).join(''));
  out.push('</tr></thead><tbody>');
  for (const task of m.tasks) {
    out.push(`<tr><th class="task" style="padding-left:${8 + (task.level - 1) * 14}px">${planLink(m.parent, task.line, esc(task.marker + task.title))}</th>`);
    for (const c of task.cells) {
      const tip = c.clause
        ? `${statusName[c.status]}：${c.clause.marker}${c.clause.title}（${t('第 {0} 行', c.clause.line)}，${t('相似度')} ${c.clause.score.toFixed(2)}）`
        : statusName[c.status];
      out.push(`<td class="${c.status}" title="${esc(tip)}" data-file="${esc(c.file)}" data-plan="${esc(c.file)}">${planLink(c.file, c.clause?.line ?? 1, mark[c.status])}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table></div></div>');
  return out.join('');
}

function hasPlan(n: TreeNode): boolean {
  return n.plans.length > 0 || n.children.some(hasPlan);
}

function planCount(n: TreeNode): number {
  return n.plans.length + n.children.reduce((k, c) => k + planCount(c), 0);
}
