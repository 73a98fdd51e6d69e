/**
 * The questions of "新建实施方案", without the editor: the VS Code side (new-plan.ts) supplies an
 * `Asker` backed by input boxes and quick picks; tests supply scripted answers. Each answer is
 * validated where it is asked; cancelling any question cancels the command (undefined).
 */
import { generateSkeleton, isDocNumber, parsePeriod } from '../../../server/src/drafting/skeleton';
import { parentPlans, type PlaceInfo } from '../../../server/src/drafting/parents';
import type { PlanEntry } from '../../../server/src/knowledge/plans';

export interface InputQuestion {
  title: string;
  prompt?: string;
  value?: string;
  /** A message when the answer is not acceptable, undefined when it is. */
  validate?: (value: string) => string | undefined;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  picked?: boolean;
  value: T;
}

/** Every method answers undefined when the drafter cancels. */
export interface Asker {
  input(q: InputQuestion): Promise<string | undefined>;
  pickOne<T>(title: string, items: PickItem<T>[]): Promise<T | undefined>;
  pickMany<T>(title: string, items: PickItem<T>[]): Promise<T[] | undefined>;
}

/** vscode.l10n.t in the editor; the identity in tests. */
export type Translate = (message: string) => string;

const PERIODS = ['2021—2025', '2026—2030'];
const OTHER = 'other';

async function askPeriod(ask: Asker, t: Translate): Promise<[number, number] | undefined> {
  const picked = await ask.pickOne(t('规划期'), [
    ...PERIODS.map((p) => ({ label: p, value: p })),
    { label: t('其他规划期…'), value: OTHER },
  ]);
  if (picked === undefined) return undefined;
  if (picked !== OTHER) return parsePeriod(picked);
  const typed = await ask.input({
    title: t('规划期'),
    prompt: t('起止年份，用一字线连接，如 2021—2025'),
    validate: (v) => (parsePeriod(v) ? undefined : t('请写成“2021—2025”的形式。')),
  });
  return typed === undefined ? undefined : parsePeriod(typed);
}

/**
 * Asks everything and returns the skeleton text, or undefined when cancelled. `places`: the department
 * lists (their `parent`), so the plans of the jurisdiction's city and province are preselected (issue #20).
 */
export async function askNewPlan(ask: Asker, entries: readonly PlanEntry[], today: Date, t: Translate, places: readonly PlaceInfo[] = []): Promise<string | undefined> {
  const jurisdiction = (await ask.input({
    title: t('新建实施方案'),
    prompt: t('本级行政区划名称，如 平阴县、乳山市、济宁市兖州区'),
    validate: (v) => (/^[\u4e00-\u9fff]{1,12}[市县区]$/.test(v.trim()) ? undefined : t('请填写以“市”“县”或“区”结尾的名称。')),
  }))?.trim();
  if (!jurisdiction) return undefined;
  const issuer = (await ask.input({ title: t('发文机关'), value: `${jurisdiction}人民政府` }))?.trim();
  if (issuer === undefined) return undefined;
  const docNumber = await ask.input({
    title: t('发文字号'),
    prompt: t('如 平政字〔2022〕21号；留空则先放占位符'),
    validate: (v) => (v.trim() === '' || isDocNumber(v) ? undefined : t('发文字号应为“机关代字〔年份〕序号号”，年份用六角括号，序号不加“第”、不编虚位。')),
  });
  if (docNumber === undefined) return undefined;
  const period = await askPeriod(ask, t);
  if (!period) return undefined;
  const likely = parentPlans(entries, period, jurisdiction, places);
  // The jurisdiction's own parents first (nearest first), then the other plans of the period.
  const rank = (p: PlanEntry) => (likely.includes(p) ? 0 : 1);
  const parents = await ask.pickMany(
    t('所依据的上级方案'),
    entries
      .filter((p) => !p.period || (p.period[0] <= period[1] && p.period[1] >= period[0]))
      .sort((a, b) => rank(a) - rank(b))
      .map((p) => ({ label: `《${p.title}》`, description: p.docNumber ?? '', detail: p.issuer, picked: likely.includes(p), value: p })),
  );
  if (!parents) return undefined;
  return generateSkeleton({
    jurisdiction,
    issuer,
    docNumber: docNumber.trim() || undefined,
    period,
    parents,
    date: { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() },
  });
}
