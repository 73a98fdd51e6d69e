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
export function formatLintText(results: readonly LintResult[], colour: boolean, failures = 0, next?: NextStep): string {
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
  if (total > 0 && next) groups.push(nextStepLines(results, total, next).join('\n') + '\n');
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

/** What the reader of a report can do next (issue #20): how many findings `--fix` removes, and the command. */
export interface NextStep {
  /** Findings gone after `lint --fix` (counted by running the fixes in memory). */
  fixable: number;
  /** The command as the user typed it: `gongwen lint --fix seeds/` or `node dist/cli.js lint --fix seeds/`. */
  fixCommand: string;
}

/** Findings per rule, most first; then how many `--fix` removes and the command to run. Printed before the last line. */
function nextStepLines(results: readonly LintResult[], total: number, next: NextStep): string[] {
  const byRule = new Map<string, number>();
  for (const { diagnostics } of results) for (const d of diagnostics) byRule.set(String(d.code ?? ''), (byRule.get(String(d.code ?? '')) ?? 0) + 1);
  // Rule ids are ASCII (`a-z`, `-`), for which code-unit order is localeCompare's order; localeCompare's first call
  // loads ICU's collator (~70 M instructions, a tenth of a one-file `gongwen lint`; issue #18).
  const rules = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([rule, n]) => `${rule} ${n}`);
  const lines = [t('按规则：{0}', rules.join(t('，')))];
  if (next.fixable > 0) {
    lines.push(t('其中 {0} 个可由 --fix 自动修复（只做确定的修复），其余 {1} 个需逐条处理。', next.fixable, total - next.fixable));
    lines.push(t('下一步：{0}（先用 --fix-dry-run 查看改动）', next.fixCommand));
  } else {
    lines.push(t('没有可自动修复的问题；下一步：逐条处理上述问题（在 VS Code 中可查看每条的说明和快速修复）。'));
  }
  return lines;
}
