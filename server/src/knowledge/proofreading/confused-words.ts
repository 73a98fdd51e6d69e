/**
 * The list of easily confused words and frequent 错别字 that `confused-word` reports, read from
 * confused-words.json (data, not code: each entry names its context and the source it rests on).
 * Only entries whose context makes the wrong form certain are in the list.
 */
import data from './confused-words.json';

export interface ConfusedWordEntry {
  /** The form written by mistake. */
  wrong: string;
  /** The form to write. */
  right: string;
  /** Regex source for what must stand right before `wrong` (`^` = the start of the paragraph). */
  before?: string;
  notBefore?: string;
  /** Regex source for what must follow `wrong`. */
  after?: string;
  notAfter?: string;
  /** Only documents dated in or after this year are judged (the year of the source); undated ones always. */
  since?: number;
  /** Why, in Chinese. */
  explain: string;
  /** The dictionary or standard, by name. */
  source: string;
  /** A sentence the rule must report, and a near miss it must not (test/unit/proofreading.test.ts). */
  examples: { true: string; nearMiss: string };
}

/** An entry with its context tests compiled; each test reads at most `CONTEXT` characters. */
export interface CompiledConfusedWord extends ConfusedWordEntry {
  test(text: string, at: number): boolean;
}

/** How far a context pattern may look on either side of the word. */
export const CONTEXT = 12;

function compile(entry: ConfusedWordEntry): CompiledConfusedWord {
  const before = entry.before ? new RegExp(`(?:${entry.before})$`) : undefined;
  const notBefore = entry.notBefore ? new RegExp(`(?:${entry.notBefore})$`) : undefined;
  const after = entry.after ? new RegExp(`^(?:${entry.after})`) : undefined;
  const notAfter = entry.notAfter ? new RegExp(`^(?:${entry.notAfter})`) : undefined;
  return {
    ...entry,
    test(text, at) {
      const head = text.slice(Math.max(0, at - CONTEXT), at);
      const end = at + entry.wrong.length;
      const tail = text.slice(end, end + CONTEXT);
      // `^` in `before` can only match an empty head, i.e. the start of the paragraph: the window is never empty otherwise.
      if (before && !before.test(head)) return false;
      if (notBefore?.test(head)) return false;
      if (after && !after.test(tail)) return false;
      if (notAfter?.test(tail)) return false;
      return true;
    },
  };
}

export const CONFUSED_WORDS: readonly CompiledConfusedWord[] = (data.entries as ConfusedWordEntry[]).map(compile);
