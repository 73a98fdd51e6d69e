/**
 * The review report of `gongwen lint --format html|markdown` (issue #15): for someone who never opens
 * an editor — the person who signs a document off, or the drafter of a Word file. Per file: the
 * counts, the outline, then the findings grouped by severity and within it by rule, each with where it is (line, and the
 * Word paragraph or PDF page), the message, the rule linked to its page, and the paragraph it stands
 * in with the finding's characters marked. The HTML page is self-contained (inline style, no script,
 * nothing fetched), so it can be mailed or archived as one file.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { t } from '../l10n';
import type { SeverityName } from '../settings';
import { RULES } from '../rules';
import { describeSourcePosition, sourcePosition } from '../io/source';
import { messageText, severityName, type LintResult } from './format-json';
import { severityLabel } from './format-text';
import type { FindingContext } from './report-context';

const SEVERITY_ORDER: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];
const DESCRIPTION = new Map(RULES.map((r) => [r.id, r.description]));

export interface ReportOptions {
  /** Paths that could not be checked, with the reason (the messages also printed on stderr). */
  failures?: readonly string[];
  /** `zh-CN` or `en`: the page's language attribute. */
  lang?: 'zh-cn' | 'en';
}

interface Finding {
  d: Diagnostic;
  severity: SeverityName;
  rule: string;
  where: string;
  context?: FindingContext;
}

interface FileReport {
  file: string;
  outline?: string;
  counts: Record<SeverityName, number>;
  groups: Array<{ severity: SeverityName; findings: Finding[] }>;
}

const zero = (): Record<SeverityName, number> => ({ error: 0, warning: 0, information: 0, hint: 0 });

/** A severity group's findings by rule: the rules with most findings first, each in document order. */
function byRuleOf(findings: readonly Finding[]): Array<{ rule: string; findings: Finding[] }> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups].map(([rule, list]) => ({ rule, findings: list })).sort((a, b) => b.findings.length - a.findings.length || a.rule.localeCompare(b.rule));
}

/** The findings of each file, sorted into severity groups, and within a group by rule (in document order within a rule). */
function collect(results: readonly LintResult[]): { files: FileReport[]; counts: Record<SeverityName, number>; byRule: Map<string, number> } {
  const counts = zero();
  const byRule = new Map<string, number>();
  const files = results.map((r): FileReport => {
    const own = zero();
    const findings = r.diagnostics.map((d, i): Finding => {
      const severity = severityName(d);
      const rule = String(d.code ?? '');
      own[severity]++;
      counts[severity]++;
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
      const at = sourcePosition(r.source, d.range.start.line, d.range.start.character);
      // A Word or PDF reader looks for the paragraph or the page, never the line of the extracted text.
      const where = at ? describeSourcePosition(at) : t('第 {0} 行第 {1} 字', d.range.start.line + 1, d.range.start.character + 1);
      return { d, severity, rule, where, context: r.contexts?.[i] };
    });
    const groups = SEVERITY_ORDER.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0);
    return { file: r.file, outline: r.outline, counts: own, groups };
  });
  return { files, counts, byRule };
}

function summary(files: number, counts: Record<SeverityName, number>): string {
  const total = SEVERITY_ORDER.reduce((n, s) => n + counts[s], 0);
  if (files === 0) return t('没有检查任何文件');
  if (total === 0) return t('{0} 个文件，没有发现问题', files);
  return t('{0} 个文件，{1} 个问题（{2}）', files, total, SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => `${severityLabel(s)} ${counts[s]}`).join(t('，')));
}

const rulesByCount = (byRule: Map<string, number>) => [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

// ---- HTML ----

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only links a reader can follow safely: the rule pages (file: or http(s):), never `javascript:`. */
const safeHref = (href: string | undefined) => (href && /^(https?|file):/i.test(href) ? href : undefined);

const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:60rem;padding:1.5rem;color:#1f2328;line-height:1.6}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:2rem 0 .4rem;padding-top:.6rem;border-top:2px solid #d0d7de;word-break:break-all}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
.summary{font-size:1.05rem;margin:.2rem 0 1rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}td.n{text-align:right}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;margin-right:.4rem;font-size:.85rem;color:#fff}
.error{background:#cf222e}.warning{background:#bf8700}.information{background:#0969da}.hint{background:#6e7781}
h3 .badge{font-size:.9rem}
ol.findings{padding-left:1.6rem}ol.findings li{margin:.2rem 0 .9rem}
.where{color:#57606a;font-size:.9rem;margin-right:.6rem}
.rule{font-family:ui-monospace,Consolas,monospace;font-size:.85rem}.rule-desc{color:#57606a;font-size:.85rem;margin-left:.3rem}
.message{margin:.15rem 0}
blockquote{margin:.2rem 0;padding:.3rem .7rem;border-left:4px solid #d0d7de;background:#f6f8fa;color:#24292f}
mark{background:#ffd8b5;padding:0 1px;border-bottom:2px solid #cf222e}
pre{white-space:pre-wrap;background:#f6f8fa;padding:.6rem;font-size:.85rem}
.clean{color:#1a7f37}.failed{color:#cf222e}
`;

function htmlFinding(f: Finding): string {
  const href = safeHref(f.d.codeDescription?.href);
  const rule = href ? `<a class="rule" href="${escapeHtml(href)}">${escapeHtml(f.rule)}</a>` : `<span class="rule">${escapeHtml(f.rule)}</span>`;
  const description = DESCRIPTION.get(f.rule);
  const parts = [
    `<div><span class="where">${escapeHtml(f.where)}</span>${rule}${description ? `<span class="rule-desc">${escapeHtml(description)}</span>` : ''}</div>`,
    `<p class="message">${escapeHtml(messageText(f.d))}</p>`,
  ];
  if (f.context) {
    const { before, found, after } = f.context;
    parts.push(`<blockquote>${escapeHtml(before)}<mark>${found ? escapeHtml(found) : '‸'}</mark>${escapeHtml(after)}</blockquote>`);
  }
  return `<li>${parts.join('')}</li>`;
}

function htmlCounts(counts: Record<SeverityName, number>): string {
  return SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => `<span class="badge ${s}">${escapeHtml(severityLabel(s))} ${counts[s]}</span>`).join('');
}

export function formatLintHtml(results: readonly LintResult[], options: ReportOptions = {}): string {
  const { files, counts, byRule } = collect(results);
  const failures = options.failures ?? [];
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${options.lang === 'en' ? 'en' : 'zh-CN'}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${escapeHtml(t('公文检查报告'))}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>${escapeHtml(t('公文检查报告'))}</h1>`, `<p class="summary">${escapeHtml(summary(results.length, counts))}</p>`);
  if (failures.length > 0) {
    out.push(`<h3 class="failed">${escapeHtml(t('无法检查的文件（{0}）', failures.length))}</h3>`, '<ul>', ...failures.map((m) => `<li class="failed">${escapeHtml(m)}</li>`), '</ul>');
  }
  if (files.length > 1) {
    out.push('<table>', `<tr><th>${escapeHtml(t('文件'))}</th>${SEVERITY_ORDER.map((s) => `<th>${escapeHtml(severityLabel(s))}</th>`).join('')}</tr>`);
    files.forEach((f, i) => out.push(`<tr><td><a href="#file-${i + 1}">${escapeHtml(f.file)}</a></td>${SEVERITY_ORDER.map((s) => `<td class="n">${f.counts[s]}</td>`).join('')}</tr>`));
    out.push('</table>');
  }
  if (byRule.size > 0) {
    out.push(`<details><summary>${escapeHtml(t('按规则统计'))}</summary><table>`, `<tr><th>${escapeHtml(t('规则'))}</th><th>${escapeHtml(t('说明'))}</th><th>${escapeHtml(t('数量'))}</th></tr>`);
    for (const [rule, n] of rulesByCount(byRule)) out.push(`<tr><td class="rule">${escapeHtml(rule)}</td><td>${escapeHtml(DESCRIPTION.get(rule) ?? '')}</td><td class="n">${n}</td></tr>`);
    out.push('</table></details>');
  }
  files.forEach((f, i) => {
    out.push(`<section id="file-${i + 1}">`, `<h2>${escapeHtml(f.file)}</h2>`);
    out.push(f.groups.length > 0 ? `<p>${htmlCounts(f.counts)}</p>` : `<p class="clean">${escapeHtml(t('没有发现问题'))}</p>`);
    if (f.outline) out.push(`<details><summary>${escapeHtml(t('提纲'))}</summary><pre>${escapeHtml(f.outline)}</pre></details>`);
    for (const g of f.groups) {
      out.push(`<h3><span class="badge ${g.severity}">${escapeHtml(severityLabel(g.severity))}</span>${escapeHtml(t('{0} 个', g.findings.length))}</h3>`);
      for (const r of byRuleOf(g.findings)) {
        const description = DESCRIPTION.get(r.rule);
        out.push(`<h4 class="rule-group"><span class="rule">${escapeHtml(r.rule)}</span>${description ? ` ${escapeHtml(description)}` : ''}（${r.findings.length}）</h4>`);
        out.push('<ol class="findings">', ...r.findings.map(htmlFinding), '</ol>');
      }
    }
    out.push('</section>');
  });
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

// ---- Markdown ----

/** Characters Markdown would read as markup, escaped so the document's text shows as written. */
const escapeMd = (s: string) => s.replace(/[\\`*_[\]<>|#~]/g, (c) => '\\' + c);

function mdFinding(f: Finding, n: number): string[] {
  const href = safeHref(f.d.codeDescription?.href);
  const rule = href ? `[${f.rule}](${href.replace(/[()\s]/g, encodeURIComponent)})` : `\`${f.rule}\``;
  const description = DESCRIPTION.get(f.rule);
  const lines = [`${n}. ${escapeMd(f.where)}：${escapeMd(messageText(f.d).replace(/\s*\n\s*/g, ' '))}　${rule}${description ? `（${escapeMd(description)}）` : ''}`];
  if (f.context) {
    const { before, found, after } = f.context;
    const mark = found.trim() ? `**${escapeMd(found.trim())}**` : '‸';
    lines.push(`   > ${escapeMd(before)}${mark}${escapeMd(after)}`);
  }
  return lines;
}

export function formatLintMarkdown(results: readonly LintResult[], options: ReportOptions = {}): string {
  const { files, counts, byRule } = collect(results);
  const failures = options.failures ?? [];
  const out: string[] = [`# ${t('公文检查报告')}`, '', summary(results.length, counts), ''];
  if (failures.length > 0) out.push(`**${t('无法检查的文件（{0}）', failures.length)}**`, '', ...failures.map((m) => `- ${escapeMd(m)}`), '');
  if (files.length > 1) {
    out.push(`| ${t('文件')} | ${SEVERITY_ORDER.map(severityLabel).join(' | ')} |`, `|---|${SEVERITY_ORDER.map(() => '---:').join('|')}|`);
    for (const f of files) out.push(`| ${escapeMd(f.file)} | ${SEVERITY_ORDER.map((s) => f.counts[s]).join(' | ')} |`);
    out.push('');
  }
  if (byRule.size > 0) out.push(t('按规则：{0}', rulesByCount(byRule).map(([rule, n]) => `\`${rule}\` ${n}`).join(t('，'))), '');
  for (const f of files) {
    out.push(`## ${escapeMd(f.file)}`, '');
    if (f.groups.length === 0) out.push(t('没有发现问题'), '');
    if (f.outline) out.push(`<details><summary>${t('提纲')}</summary>`, '', '```text', f.outline.replace(/\n$/, '').replace(/```/g, 'ˋˋˋ'), '```', '', '</details>', '');
    for (const g of f.groups) {
      out.push(`### ${severityLabel(g.severity)}（${g.findings.length}）`, '');
      for (const r of byRuleOf(g.findings)) {
        out.push(`#### \`${r.rule}\`（${r.findings.length}）`, '');
        r.findings.forEach((finding, i) => out.push(...mdFinding(finding, i + 1)));
        out.push('');
      }
    }
  }
  return out.join('\n');
}
