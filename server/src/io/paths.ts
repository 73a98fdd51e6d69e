/**
 * The paths gongwen.json names, made safe before anything is read (issue #14): each is resolved against
 * the folder of gongwen.json (the workspace folder) and refused when it leaves it — an absolute path
 * elsewhere, `../..`, `/**∕*.txt`, or a link inside the folder that points outside; a pattern longer than
 * MAX_PATTERN_LENGTH is refused; `upper` is de-duplicated and bounded in count. Each refusal is one
 * warning per setting naming it and the (shortened) value, never a file's content.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brief } from '../config';
import { MAX_PATTERN_LENGTH } from '../knowledge/plans/paths';
import type { ProjectConfig } from '../settings';
import { t } from '../l10n';

export { MAX_PATTERN_LENGTH };
/** Most entries `upper` may have after duplicates are merged (paths, patterns and per-document keys together). */
export const MAX_UPPER_ENTRIES = 256;

/** The keys of gongwen.json that name a file or a folder; everything else is a setting. */
export const PATH_KEYS = ['departments', 'plans', 'templates', 'upper'] as const;

const slash = (p: string) => p.replace(/\\/g, '/');

/** The real path of `p`, or of its nearest existing ancestor with the rest appended (links resolved). */
function realish(p: string): string {
  const rest: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return p;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** True when `file` (absolute) lies in `root` or is `root`. */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Checks a path of gongwen.json against the workspace folder: lexically (after resolving `..`), and,
 * for a path that exists, once more with links resolved. A pattern is judged by its fixed leading
 * folder (the part before the first wildcard).
 */
export class Confinement {
  private realRoot: string | undefined;
  constructor(readonly root: string) {}

  /** The absolute form of `p` (forward slashes), or undefined when it leaves the root. */
  resolve(p: string): string | undefined {
    const abs = path.resolve(this.root, p);
    if (!isInside(this.root, abs)) return undefined;
    const wild = abs.search(/[*?]/);
    const fixed = wild < 0 ? abs : path.dirname(abs.slice(0, wild) + 'x');
    this.realRoot ??= realish(this.root);
    if (!isInside(this.realRoot, realish(fixed))) return undefined;
    return slash(abs);
  }
}

export interface ConfinedConfig {
  config: ProjectConfig;
  warnings: string[];
}

/**
 * gongwen.json's paths resolved against `dir` and kept only inside it (absolute, `/`-separated);
 * the settings that name no path are kept as they are.
 */
export function confineProjectPaths(config: ProjectConfig, dir: string): ConfinedConfig {
  const root = path.resolve(dir);
  const confine = new Confinement(root);
  const warnings: string[] = [];
  const out: ProjectConfig = { ...config };

  // One warning per setting and kind of refusal, naming the first value and how many more.
  const refused = new Map<string, string[]>();
  const refuse = (key: string, kind: 'outside' | 'long', value: string) => {
    const k = `${key}\u0000${kind}`;
    const list = refused.get(k) ?? [];
    list.push(value);
    refused.set(k, list);
  };
  /** The checked absolute path, or undefined after noting why it was refused. */
  const check = (key: string, value: string): string | undefined => {
    if (value.length > MAX_PATTERN_LENGTH) {
      refuse(key, 'long', value);
      return undefined;
    }
    const abs = confine.resolve(value);
    if (abs === undefined) refuse(key, 'outside', value);
    return abs;
  };

  for (const key of ['departments', 'plans', 'templates'] as const) {
    const value = config[key];
    if (value === undefined) continue;
    const abs = check(key, value);
    if (abs === undefined) delete out[key];
    else out[key] = abs;
  }

  const upper = config.upper;
  if (upper !== undefined) {
    let entries = 0;
    let dropped = 0;
    /** De-duplicated checked paths of one list, within the count bound. */
    const list = (values: readonly string[], seen: Set<string>): string[] => {
      const kept: string[] = [];
      for (const value of values) {
        if (seen.has(value)) continue; // the same text again: merged before any other work
        seen.add(value);
        if (entries >= MAX_UPPER_ENTRIES) {
          dropped++;
          continue;
        }
        const abs = check('upper', value);
        if (abs === undefined || seen.has('\u0000' + abs)) continue;
        seen.add('\u0000' + abs);
        entries++;
        kept.push(abs);
      }
      return kept;
    };
    if (Array.isArray(upper)) out.upper = list(upper, new Set());
    else {
      const map: Record<string, string[]> = {};
      const seen = new Map<string, Set<string>>();
      for (const [document, values] of Object.entries(upper)) {
        if (entries >= MAX_UPPER_ENTRIES) {
          dropped += 1 + values.length;
          continue;
        }
        const doc = check('upper', document);
        if (doc === undefined) continue;
        if (!seen.has(doc)) entries++;
        const done = seen.get(doc) ?? new Set<string>();
        seen.set(doc, done);
        const kept = list(values, done);
        if (kept.length) map[doc] = [...(map[doc] ?? []), ...kept];
      }
      out.upper = map;
    }
    if (dropped > 0) warnings.push(t('gongwen.json“{0}”：条目超过 {1} 个，其余 {2} 个已忽略。', 'upper', MAX_UPPER_ENTRIES, dropped));
  }

  for (const [k, values] of refused) {
    const [key, kind] = k.split('\u0000');
    const more = values.length > 1 ? t('（另有 {0} 个同样忽略）', values.length - 1) : '';
    warnings.push(
      kind === 'long'
        ? t('gongwen.json“{0}”：路径或通配符“{1}”长 {2} 个字符，超过上限 {3}，已忽略{4}。', key, brief(values[0]), values[0].length, MAX_PATTERN_LENGTH, more)
        : t('gongwen.json“{0}”：路径“{1}”在工作区文件夹之外，已忽略{2}。', key, brief(values[0]), more),
    );
  }
  return { config: out, warnings };
}
