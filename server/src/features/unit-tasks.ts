/**
 * 查找责任单位 (issue #4): the task items that name a unit, by heading path and range — drafters
 * use it to send each department its tasks. Forms of one unit count as one (区市场监管局 and
 * 区市场监督管理局), as does a former name with its successor.
 */
import type { Range } from 'vscode-languageserver-types';
import type { GongwenDocument, Heading } from '../model/types';
import { analyseUnits } from '../rules/units/analysis';
import { chooseList } from '../knowledge/departments/jurisdiction';
import { resolveUnit } from '../knowledge/departments/resolve';
import type { FeatureContext } from './types';
import type { CommandHandler } from './commands';

export interface UnitTask {
  uri: string;
  /** The unit as written in this task. */
  unit: string;
  /** Heading path from the top, e.g. ["二、…", "（一）…", "1.…"]. */
  path: string[];
  /** Range of the task item's heading. */
  range: Range;
  /** Range of the unit's name in the clause. */
  unitRange: Range;
}

function pathOf(h: Heading | undefined): string[] {
  const out: string[] = [];
  for (let x = h; x; x = x.parent) out.unshift(`${x.marker}${x.title}`);
  return out;
}

/** Every unit of the document with its tasks, keyed by the list's preferred form (or the name as written). */
export function unitTaskIndex(ctx: FeatureContext, doc: GongwenDocument = ctx.doc): Map<string, UnitTask[]> {
  const { units } = analyseUnits(doc, ctx.knowledge.departments, ctx.settings);
  const index = new Map<string, UnitTask[]>();
  for (const w of units) {
    const key = typeof w.identity === 'string' ? w.unit.name : w.identity.forms[0];
    const owner = w.clause.owner;
    const tasks = index.get(key) ?? [];
    tasks.push({ uri: doc.uri, unit: w.unit.name, path: pathOf(owner), range: owner?.range ?? w.clause.range, unitRange: w.unit.range });
    index.set(key, tasks);
  }
  return index;
}

/** The tasks naming `name` (any form of it) in the document and the other documents of the workspace. */
export function findUnitTasks(ctx: FeatureContext, name: string): UnitTask[] {
  const wanted = name.trim();
  const docs = [ctx.doc, ...[...ctx.workspace.all()].filter((d) => d.uri !== ctx.doc.uri)];
  const out: UnitTask[] = [];
  for (const doc of docs) {
    const choice = chooseList(doc, ctx.knowledge.departments, ctx.settings.jurisdiction);
    let key = wanted;
    if (choice) {
      const r = resolveUnit(wanted, choice.list, ctx.knowledge.departments);
      if (r.status === 'ok' || r.status === 'alias') key = r.unit.forms[0];
      else if (r.status === 'outdated' && r.successor) key = r.successor.forms[0];
    }
    out.push(...(unitTaskIndex(ctx, doc).get(key) ?? []));
  }
  return out;
}

/** `gongwen.server.findUnitTasks` [uri, unitName] → data: UnitTask[]. */
export const findUnitTasksCommand: CommandHandler = (ctx, args) => {
  const name = typeof args[0] === 'string' ? args[0] : '';
  return { data: name ? findUnitTasks(ctx, name) : [] };
};
