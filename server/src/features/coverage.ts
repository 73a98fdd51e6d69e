/**
 * Command `gongwen.server.coverage` (issue #5): for the document and each of its upper documents
 * (or the one whose uri is the first argument), which upper clauses are covered, weakly covered or
 * missing, as a Markdown report the client opens. `data`: { markdown, reports: [{ upper, counts }] }.
 */
import type { GongwenDocument } from '../model/types';
import { coverage, coverageCounts, type CoverageRow, type CoverageStatus } from '../align/coverage';
import { documentTitle, shortName, upperDocuments } from '../knowledge/plans/documents';
import { t } from '../l10n';
import type { CommandResult } from './commands';
import type { FeatureContext } from './types';

export const COVERAGE_COMMAND = 'gongwen.server.coverage';

const MARK: Record<CoverageStatus, string> = { covered: '✅', weak: '⚠️', missing: '❌' };

export function statusName(status: CoverageStatus): string {
  return status === 'covered' ? t('已覆盖') : status === 'weak' ? t('较弱') : t('缺失');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
/** A Markdown link to a line of a document (`file:///…#L12`): the Markdown preview opens it at that line (issue #20). */
const link = (text: string, uri: string, line: number) => `[${text.replace(/[[\]]/g, '\\$&')}](${uri.replace(/[()\s]/g, encodeURIComponent)}#L${line + 1})`;

export function coverageMarkdown(doc: GongwenDocument, upper: GongwenDocument, rows: readonly CoverageRow[]): string {
  const counts = coverageCounts(rows);
  const lines = [
    `## ${t('{0} 对 {1} 的覆盖情况', shortName(doc), `${shortName(upper)}《${documentTitle(upper) ?? ''}》`)}`,
    '',
    `${MARK.covered} ${statusName('covered')} ${counts.covered} · ${MARK.weak} ${statusName('weak')} ${counts.weak} · ${MARK.missing} ${statusName('missing')} ${counts.missing}`,
    '',
    `| ${t('上级条款')} | ${t('状态')} | ${t('本文条款')} | ${t('相似度')} |`,
    '|---|---|---|---|',
  ];
  for (const r of rows) {
    const h = r.upper.heading;
    const indent = '\u3000'.repeat(h.level - 1);
    const local = r.local
      .map((m) => link(`${m.clause.heading.marker}${m.clause.title}（${t('第 {0} 行', m.clause.heading.range.start.line + 1)}）`, doc.uri, m.clause.heading.range.start.line))
      .join('<br>');
    const score = r.local.length ? r.local[0].score.toFixed(2) : '';
    lines.push(`| ${indent}${cell(link(`${h.marker}${h.title}`, upper.uri, h.range.start.line))} | ${MARK[r.status]} ${statusName(r.status)} | ${cell(local)} | ${score} |`);
  }
  return lines.join('\n') + '\n';
}

export function coverageCommand(ctx: FeatureContext, args: unknown[]): CommandResult {
  const uppers = upperDocuments(ctx.doc, ctx.knowledge.plans, ctx.workspace).filter((u) => typeof args[0] !== 'string' || u.uri === args[0]);
  if (!uppers.length) {
    return { data: { markdown: `${t('没有找到上级方案：请在 gongwen.json 的 upper 中指定，或在文中按标题引用工作区中的文件。')}\n`, reports: [] } };
  }
  const reports = uppers.map((upper) => ({ upper, rows: coverage(ctx.doc, upper) }));
  return {
    data: {
      markdown: reports.map((r) => coverageMarkdown(ctx.doc, r.upper, r.rows)).join('\n'),
      reports: reports.map((r) => ({ upper: r.upper.uri, counts: coverageCounts(r.rows) })),
    },
  };
}
