/**
 * gongwen.json `words` (issue #17): an office's own word list for the proofreading rules.
 * `allow` — words never reported (a wrong form the office keeps on purpose, such as 其它 in a
 * quoted old rule, or a doubling such as 公路公路 that is the end of one word and the start of the next);
 * `confused` — the office's own wrong → right pairs, reported wherever the wrong form is written.
 */
import type { WordList } from './settings';

/** Bounds: a list cannot make every paragraph's scan slow (issue #14's spirit). */
export const MAX_WORDS = 2000;
export const MAX_WORD_LENGTH = 20;

const isWord = (w: unknown): w is string => typeof w === 'string' && w.length > 0 && w.length <= MAX_WORD_LENGTH && !/\s/.test(w);

/** The `words` object when every part of it is well formed, else undefined (the key is refused as a whole). */
export function readWords(value: unknown): WordList | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => k !== 'allow' && k !== 'confused')) return undefined;
  const out: WordList = {};
  if (v.allow !== undefined) {
    if (!Array.isArray(v.allow) || v.allow.length > MAX_WORDS || !v.allow.every(isWord)) return undefined;
    out.allow = v.allow as string[];
  }
  if (v.confused !== undefined) {
    if (!Array.isArray(v.confused) || v.confused.length > MAX_WORDS) return undefined;
    const pairs: Array<{ wrong: string; right: string }> = [];
    for (const e of v.confused) {
      if (typeof e !== 'object' || e === null || Array.isArray(e)) return undefined;
      const p = e as Record<string, unknown>;
      if (Object.keys(p).some((k) => k !== 'wrong' && k !== 'right')) return undefined;
      if (!isWord(p.wrong) || !isWord(p.right) || p.wrong === p.right) return undefined;
      pairs.push({ wrong: p.wrong, right: p.right });
    }
    out.confused = pairs;
  }
  return out;
}

/** True when an allowed word covers `[from, to)` of `text`. */
export function allowedAt(allow: readonly string[] | undefined, text: string, from: number, to: number): boolean {
  if (!allow) return false;
  for (const w of allow) {
    if (w.length < to - from) continue;
    const i = text.indexOf(w, Math.max(0, to - w.length));
    if (i >= 0 && i <= from && i + w.length >= to) return true;
  }
  return false;
}
