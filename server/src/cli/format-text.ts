/** The text report of `gongwen lint`: `file:line:col severity message [rule]`, as other linters print. */
import type { SeverityName } from '../settings';
import { t } from '../l10n';
import { painter, type Colour } from './io';
import { messageText, severityName, type LintResult } from './format-json';
import { describeSourcePosition, sourcePosition } from '../io/source';

const SEVERITY_ORDER: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];
const SEVERITY_COLOUR: Record<SeverityName, Colour> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };

/** The word for a severity in the current language (错误 / error …). */
export function severityLabel(s: SeverityName): string {
  switch (s) {
    case 'error':
      return t('错误');
    case 'warning':
      return t('警告');
    case 'information':
      return t('信息');
    case 'hint':
      return t('提示');
  }
}

function countLabel(s: SeverityName, n: number): string {
  switch (s) {
    case 'error':
      return t('错误 {0}', n);
    case 'warning':
      return t('警告 {0}', n);
    case 'information':
      return t('信息 {0}', n);
    case 'hint':
      return t('提示 {0}', n);
  }
}

/**
 * One line per finding, files separated by a blank line, then the summary. `failures`: paths that could
 * not be checked (their messages went to stderr); the summary then says so instead of reading as clean,
 * and a run that checked nothing never says 没有发现问题.
 */
export function formatLintText(results: readonly LintResult[], colour: boolean, failures = 0): string {
  const paint = painter(colour);
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const groups: string[] = [];
  for (const { file, diagnostics, source } of results) {
    if (diagnostics.length === 0) continue;
    const lines = diagnostics.map((d) => {
      const severity = severityName(d);
      counts[severity]++;
      // 1-based line and column; the column counts UTF-16 units, which for CJK text is characters.
      // A .docx/.pdf finding also names the paragraph or page a reader looks for in Word or a PDF viewer.
      const at = sourcePosition(source, d.range.start.line, d.range.start.character);
      const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}` + (at ? t('（{0}）', describeSourcePosition(at)) : '');
      const message = messageText(d).replace(/\s*\n\s*/g, ' ');
      return `${where} ${paint(SEVERITY_COLOUR[severity], severityLabel(severity))} ${message} ${paint('dim', `[${String(d.code ?? '')}]`)}`;
    });
    groups.push(lines.join('\n') + '\n');
  }
  const total = SEVERITY_ORDER.reduce((sum, s) => sum + counts[s], 0);
  let summary =
    results.length === 0
      ? t('没有检查任何文件')
      : total === 0
        ? t('{0} 个文件，没有发现问题', results.length)
        : t('{0} 个文件，{1} 个问题（{2}）', results.length, total, SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => countLabel(s, counts[s])).join(t('，')));
  if (failures > 0) summary = t('检查未完成：{0} 处无法检查（见错误信息）', failures) + t('；') + summary;
  groups.push(paint(failures > 0 || results.length === 0 ? 'red' : 'bold', summary) + '\n');
  return groups.join('\n');
}
