/**
 * The plan registry's data shape (schemas/plans.schema.json) and its validation. The bundled
 * registry and a user's own registry file (gongwen.json `plans`) go through the same check, so a
 * malformed user entry is named and skipped instead of breaking the linter.
 */

export type PlanLevel = 'national' | 'province' | 'city' | 'county';

/** Nearer levels rank higher: a county plan's nearest parent is its city's plan. */
export const LEVEL_RANK: Record<PlanLevel, number> = { national: 1, province: 2, city: 3, county: 4 };

export interface PlanTarget {
  metric: string;
  year: number;
  comparator: '>=' | '>';
  value: number;
  unit: string;
}

export interface PlanEntry {
  id: string;
  title: string;
  docNumber?: string;
  issuer?: string;
  level: PlanLevel;
  date?: string;
  period?: [number, number];
  /** Customary short titles (科学素质纲要); a document must define them with 以下简称 before use. */
  shortTitles?: string[];
  targets: PlanTarget[];
}

const LEVELS: readonly string[] = ['national', 'province', 'city', 'county'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function checkTarget(v: unknown): PlanTarget | string {
  if (!isObject(v)) return 'target is not an object';
  const { metric, year, comparator, value, unit } = v;
  if (typeof metric !== 'string' || !metric) return 'target.metric';
  if (typeof year !== 'number' || !Number.isInteger(year)) return 'target.year';
  if (comparator !== '>=' && comparator !== '>') return 'target.comparator';
  if (typeof value !== 'number') return 'target.value';
  if (typeof unit !== 'string') return 'target.unit';
  return { metric, year, comparator, value, unit };
}

function checkEntry(v: unknown): PlanEntry | string {
  if (!isObject(v)) return 'entry is not an object';
  const { id, title, docNumber, issuer, level, date, period, shortTitles, targets } = v;
  if (typeof id !== 'string' || !id) return 'id';
  if (typeof title !== 'string' || !title) return 'title';
  if (typeof level !== 'string' || !LEVELS.includes(level)) return 'level';
  if (docNumber !== undefined && typeof docNumber !== 'string') return 'docNumber';
  if (issuer !== undefined && typeof issuer !== 'string') return 'issuer';
  if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) return 'date';
  if (period !== undefined && !(Array.isArray(period) && period.length === 2 && period.every((y) => Number.isInteger(y)))) return 'period';
  if (shortTitles !== undefined && !isStrings(shortTitles)) return 'shortTitles';
  if (targets !== undefined && !Array.isArray(targets)) return 'targets';
  const checked: PlanTarget[] = [];
  for (const t of (targets as unknown[] | undefined) ?? []) {
    const r = checkTarget(t);
    if (typeof r === 'string') return r;
    checked.push(r);
  }
  return {
    id, title, level: level as PlanLevel, targets: checked,
    ...(docNumber !== undefined ? { docNumber } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(period !== undefined ? { period: period as [number, number] } : {}),
    ...(shortTitles !== undefined ? { shortTitles } : {}),
  };
}

/** Entries that pass, and one problem per entry that does not (`plans[2]: level`). */
export function validateRegistry(json: unknown): { entries: PlanEntry[]; problems: string[] } {
  if (!isObject(json) || !Array.isArray(json.plans)) return { entries: [], problems: ['plans'] };
  const entries: PlanEntry[] = [];
  const problems: string[] = [];
  json.plans.forEach((v, i) => {
    const r = checkEntry(v);
    if (typeof r === 'string') problems.push(`plans[${i}]: ${r}`);
    else entries.push(r);
  });
  return { entries, problems };
}

/** User entries replace bundled ones with the same id and add the rest. */
export function mergeEntries(bundled: readonly PlanEntry[], user: readonly PlanEntry[]): PlanEntry[] {
  const ids = new Set(user.map((e) => e.id));
  return [...bundled.filter((e) => !ids.has(e.id)), ...user];
}
