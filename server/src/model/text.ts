/** Character classes shared by the parser. */

/** CJK ideographs (BMP blocks used in these documents). */
export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007;
}

export function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isCjk(s.charCodeAt(i))) return true;
  return false;
}

/** Whitespace as it appears in extracted PDF and Word text: ASCII, NBSP, ideographic space, BOM. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x0b || code === 0x0c;
}

/** What `/\s/` matches (JavaScript's white space and line terminators), by code: no one-character string made per test. */
export function isRegExpSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Two neighbouring UTF-16 code units hashed into 16 bits, for a table of 65,536 slots indexed by a pair of characters
 * (confused-word's first two characters of a wrong form, repeated-word's places of a pair). The rules' per-character
 * loops write the same expression out: the CLI runs V8 without inlining (engine-flags.ts).
 */
export const pairSlot = (a: number, b: number): number => ((a << 5) ^ b) & 0xffff;

/**
 * Every match of a global pattern in `text`, the ones `text.matchAll(re)` gives, found by `exec` on the pattern itself:
 * `matchAll` clones its pattern at every call (a `new RegExp` made in V8's runtime, which with the iterator was ~1.5 %
 * of the lint threads' time over the 1,000 seed copies, perf profile, issue #18). The list is made before the caller
 * sees any match, so a loop body may run the same pattern again; `lastIndex` is 0 afterwards.
 */
export function matchesIn(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesIn needs a global pattern: ${re}`);
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    // An empty match moves on by one character, as matchAll does (by a whole surrogate pair under u or v).
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  return found;
}

function nextIndex(text: string, at: number, codePoints: boolean): number {
  if (!codePoints || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}

/** Display width as a PDF lays text out: CJK and full-width forms take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w += c >= 0x2e80 || (c >= 0x2010 && c <= 0x2027) ? 2 : 1;
  }
  return w;
}

/** Characters that end a sentence or a clause list in Chinese text. */
export const SENTENCE_END = new Set(['。', '！', '？', '；', '：', '!', '?', ';', ':']);

/** Closing brackets after which a new paragraph may start (a responsibility clause closes a task item). */
export const CLOSERS = new Set(['）', ')', '」', '”', '』']);
