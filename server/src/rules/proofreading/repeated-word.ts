/**
 * repeated-word — a character or word typed twice (`的的`, `进一步进一步`, `船员船员`), reported only where
 * the doubling cannot be a word of its own or the seam between two words. What decides is data
 * (knowledge/proofreading/repeated-words.json): the function words whose doubling is a slip, with the
 * neighbours that make it a seam (`目的的`, `为了了解`); the characters that mark a word's start before a
 * doubled two-character word (`高速公路公路建筑` is 高速公路 + 公路建筑, not a slip); and the doublings that are
 * words (重叠式 in 《现代汉语词典》第7版: 研究研究, 一个一个, 实实在在). The fix deletes the second copy.
 */
import { t } from '../../l10n';
import data from '../../knowledge/proofreading/repeated-words.json';
import { perBlock, type Finding, type Rule } from '../types';
import { joinedRange, joinedReplace } from '../format/joined';
import { inSpans, titleSpans } from './quoted';
import { allowedAt } from '../../config-words';

interface SingleEntry { char: string; notBefore: string; notAfter: string; explain: string; examples: { true: string; nearMiss: string } }

export const REPEATED_SINGLE: readonly SingleEntry[] = data.single;
export const ALLOWED_DOUBLINGS: ReadonlySet<string> = new Set(data.allowed);
const BOUNDARY = new Set(data.boundary);
const SINGLE = new Map(REPEATED_SINGLE.map((e) => [e.char, { before: new RegExp(`^${e.notBefore}$`), after: new RegExp(`^${e.notAfter}$`) }]));

/**
 * A word of 2–12 ideographs written twice in a row (bounded: no nested quantifier, at most 11 lengths tried at each start),
 * tried only where `doublingStarts` says a doubling can start: sticky, so it matches there or not at all.
 */
const DOUBLED_AT = /([\u4e00-\u9fff]{2,12})\1/y;
/** 的的 / 了了: the doubled function words of the list. */
const DOUBLED_SINGLE = new RegExp(`(${REPEATED_SINGLE.map((e) => e.char).join('|')})\\1`, 'g');
/** Counting words start a reduplicated phrase (一个一个, 一步一步); figures are number-usage's. */
const NUMERAL_START = /^[一二三四五六七八九十两〇零百千万亿第]/;

/**
 * Scratch for `doublingStarts`, kept between blocks: per pair of ideographs (`pairSlot`), where it was
 * last seen, as `seenBase + offset + 1`; a value not above the block's `seenBase` is from an earlier block (so
 * nothing is cleared).
 */
const lastPair = new Int32Array(0x10000);
let seenBase = 0;
/** Scratch for `doublingStarts`: the offset of the previous pair with the same hash (-1: none), per offset of the block. */
let previousAt = new Int32Array(1024);

/**
 * The offsets where a doubled word of 2–12 ideographs may start, in order: the pair of ideographs there comes back
 * 2–12 characters later. Every match of the pattern starts at such an offset, so trying it only there finds what a
 * scan of every offset finds (an offset where it matches is a doubling whatever led to it). Each pair is looked at
 * once, with the earlier places of the same pair within 12 (a chain through `previousAt`), instead of the pattern
 * trying 11 lengths at every offset: that scan was ~4 % of a lint of the 1,000 seed copies (CPU profile, issue #18),
 * and most blocks hold no doubling at all. Chaining pairs rather than single characters walks no chain at all for
 * most offsets (a pair rarely recurs within 12, 的 or 和 often does): ~0.7× the time over the seeds' lines. The
 * range test and the slot are written out: the CLI runs V8 without inlining (engine-flags.ts).
 */
function doublingStarts(text: string): number[] {
  const n = text.length;
  const starts: number[] = [];
  if (n < 4) return starts;
  if (previousAt.length < n) previousAt = new Int32Array(Math.max(n, 2 * previousAt.length));
  if (seenBase > 0x3fffffff - n) {
    lastPair.fill(0);
    seenBase = 0;
  }
  const base = seenBase;
  seenBase += n;
  let next = text.charCodeAt(0);
  for (let j = 0; j + 1 < n; j++) {
    const c = next;
    next = text.charCodeAt(j + 1);
    if (c < 0x4e00 || c > 0x9fff || next < 0x4e00 || next > 0x9fff) continue;
    const slot = ((c << 5) ^ next) & 0xffff; // pairSlot(c, next), written out (model/text.ts says why)
    const seen = lastPair[slot];
    let p = seen > base ? seen - base - 1 : -1;
    previousAt[j] = p;
    lastPair[slot] = base + j + 1;
    for (; p >= 0 && j - p <= 12; p = previousAt[p]) {
      // Two pairs may share a slot: the characters themselves decide.
      if (j - p < 2 || text.charCodeAt(p) !== c || text.charCodeAt(p + 1) !== next) continue;
      // Found at the second copy's start, at most 12 after the first: kept in order by a short walk back.
      let k = starts.length;
      while (k > 0 && starts[k - 1] > p) k--;
      if (k > 0 && starts[k - 1] === p) continue;
      starts.splice(k, 0, p);
    }
  }
  return starts;
}

/** Every match of `([\u4e00-\u9fff]{2,12})\1` run over `text` with the `g` flag, as that scan gives them (test/unit/proofreading.test.ts compares). */
export function doubledWords(text: string): Array<{ at: number; word: string }> {
  const found: Array<{ at: number; word: string }> = [];
  let next = 0;
  for (const at of doublingStarts(text)) {
    if (at < next) continue; // inside the doubling just found: the scan goes on after it
    DOUBLED_AT.lastIndex = at;
    const m = DOUBLED_AT.exec(text);
    if (!m) continue;
    found.push({ at, word: m[1] });
    next = at + m[0].length;
  }
  return found;
}

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /[\u4e00-\u9fff]/.test(ch);
}

/** A doubled word is certain when it is not a word itself and (two characters) nothing before it could own its first copy. */
function certainDoubling(text: string, at: number, word: string): boolean {
  const doubled = word + word;
  if (ALLOWED_DOUBLINGS.has(doubled) || NUMERAL_START.test(word)) return false;
  if (new Set(word).size === 1) return false; // 哈哈哈哈, 人人人人: a reduplication run
  if (word.length === 2) {
    // The first copy may end a longer word (高速公路) when a character stands before it, unless the second
    // copy ends the sentence (罚款罚款。): then it cannot start the next word either.
    const prev = text[at - 1];
    const next = text[at + 4];
    if (isHan(prev) && !BOUNDARY.has(prev!) && (next === undefined || isHan(next) || /[A-Za-z0-9０-９]/.test(next))) return false;
  }
  return true;
}

export const repeatedWord: Rule = {
  id: 'repeated-word',
  description: '字词误重复（的的、进一步进一步），只报告不是重叠词、也不是两词相接的',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const allow = ctx.settings.words?.allow;
    const out: Finding[] = [];
    for (const block of doc.blocks) out.push(...perBlock(ctx, block, 'repeated', () => {
      const text = block.text;
      const found: Array<{ at: number; word: string }> = [];
      // Exec loops on the shared patterns: matchAll would clone each for every block.
      for (const d of doubledWords(text)) if (certainDoubling(text, d.at, d.word)) found.push(d);
      DOUBLED_SINGLE.lastIndex = 0;
      for (let m = DOUBLED_SINGLE.exec(text); m; m = DOUBLED_SINGLE.exec(text)) {
        const at = m.index!;
        const rule = SINGLE.get(m[1])!;
        if (rule.before.test(text[at - 1] ?? '') || rule.after.test(text[at + 2] ?? '')) continue;
        if (text[at + 2] === m[1]) continue; // three in a row: not a plain doubling
        found.push({ at, word: m[1] });
      }
      const result: Finding[] = [];
      let titles: Array<[number, number]> | undefined;
      for (const { at, word } of found.sort((a, b) => a.at - b.at)) {
        const end = at + 2 * word.length;
        if (allowedAt(allow, text, at, end)) continue;
        if (inSpans((titles ??= titleSpans(text)), at)) continue;
        const range = joinedRange(doc, block, at, end);
        // Both copies on one line: a block joined over table cells or a letterhead repeats words across lines (`责令停产停业` in two cells).
        if (range.start.line !== range.end.line) continue;
        result.push({
          range,
          message: t('“{0}”重复写了“{1}”，应删去一个。', text.slice(at, end), word),
          fixes: [{ title: t('删去重复的“{0}”', word), edits: [joinedReplace(doc, block, at + word.length, end, '')], preferred: true }],
        });
      }
      return result;
    }));
    return out;
  },
};
