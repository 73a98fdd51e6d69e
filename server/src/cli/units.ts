/** `gongwen units [--format text|json] FILE`: each responsible unit → the task items naming it (issue #4). */
import { t } from '../l10n';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { readOneFile } from './one-file';
import { cliService, fileUri } from './service';
import { EXIT_OK } from './lint';
import { unitTaskIndex, type UnitTask } from '../features/unit-tasks';
import { chooseList } from '../knowledge/departments/jurisdiction';
import { EMPTY_WORKSPACE } from '../workspace';

export interface JsonUnits {
  file: string;
  /** The jurisdiction whose list applied, and how it was chosen; absent when none did. */
  jurisdiction?: string;
  reason?: string;
  /** Unit (the list's preferred form, else as written) → its tasks, in the order the document names them. */
  units: Record<string, Array<Omit<UnitTask, 'uri'>>>;
}

export function runUnits(args: CliArgs, io: CliIo): number {
  const one = readOneFile(args, io, 'units');
  if (typeof one === 'number') return one;
  const { file, text } = one;
  const service = cliService({ configFile: args.config, lang: args.lang }, io);
  const doc = service.parse(fileUri(file), text);
  const ctx = { doc, settings: service.settings, knowledge: service.knowledge, workspace: EMPTY_WORKSPACE };
  const choice = chooseList(doc, service.knowledge.departments, service.settings.jurisdiction);
  const result: JsonUnits = { file, jurisdiction: choice?.list.jurisdiction, reason: choice?.reason, units: {} };
  for (const [unit, tasks] of unitTaskIndex(ctx)) result.units[unit] = tasks.map(({ uri: _uri, ...rest }) => rest);
  io.out(args.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatUnitsText(result));
  return EXIT_OK;
}

function formatUnitsText(result: JsonUnits): string {
  const out: string[] = [];
  for (const [unit, tasks] of Object.entries(result.units)) {
    out.push(t('{0}（{1} 项）', unit, tasks.length));
    for (const task of tasks) out.push(`  ${task.path.join(' / ')}  ${t('（第 {0} 行）', task.range.start.line + 1)}`);
  }
  if (out.length === 0) out.push(t('（没有识别出责任单位）'));
  return out.join('\n') + '\n';
}
