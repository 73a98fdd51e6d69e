/** Matching document URIs against the path patterns of gongwen.json `upper` (pure: no fs). */

/**
 * The file-system path of a `file:` URI (`/c:/x` on Windows becomes `c:/x`); other URIs as they are. The
 * read-only view of a Word/PDF file (`gongwen-office:`, client/src/commands/office.ts) names the file's
 * path under the client's own scheme: it is that file, for gongwen.json `upper` and for the workspace.
 */
export function uriPath(uri: string): string {
  // VS Code writes `gongwen-office:/x/a.docx` (no authority, no `//`), other clients may write `gongwen-office:///x/a.docx`.
  const scheme = /^(?:file:\/\/|gongwen-office:(?:\/\/(?=\/))?)/.exec(uri)?.[0];
  if (!scheme) return uri;
  let p: string;
  try {
    p = decodeURIComponent(uri.slice(scheme.length));
  } catch {
    p = uri.slice(scheme.length);
  }
  return /^\/[A-Za-z]:/.test(p) ? p.slice(1) : p;
}

/**
 * Longest pattern (or path) gongwen.json may give, in characters. io/paths.ts refuses longer ones with
 * a warning; `globMatches` answers false for a pattern whose part from the first wildcard on is longer
 * (the folder before it is compared as a string), so no caller can make matching cost more than this.
 */
export const MAX_PATTERN_LENGTH = 256;

/**
 * A pattern compiled for a bit-parallel NFA (shift-and): token j moves state j to j+1. States are bits
 * of `words` 32-bit words. Matching costs (path length × words) whatever the pattern: no backtracking,
 * so `**a**a**a…**b` is as fast as any other pattern of its length.
 */
interface Compiled {
  /** Set when the pattern has no wildcard: matching is a comparison. */
  literal?: string;
  /** The characters before the first wildcard, compared as a string; the tokens are the rest. */
  prefix: string;
  tokens: number;
  words: number;
  /** Per literal character, the tokens that accept it. */
  chars: Map<string, Uint32Array>;
  /** Tokens `?` (any one character but `/`). */
  any: Uint32Array;
  /** Tokens `*` and `**` (may be skipped; loop on any character but `/`). */
  star: Uint32Array;
  /** Tokens `**` (loop on `/` too). */
  globstar: Uint32Array;
  ignoreCase: boolean;
}

const globCache = new Map<string, Compiled>();
const GLOB_CACHE_MAX = 2048;

const setBit = (mask: Uint32Array, bit: number) => (mask[bit >>> 5] |= 1 << (bit & 31));

function compile(pattern: string): Compiled {
  const ignoreCase = /^[A-Za-z]:/.test(pattern);
  let whole = pattern.replace(/\\/g, '/');
  if (ignoreCase) whole = whole.toLowerCase();
  const wild = whole.search(/[*?]/);
  const prefix = wild < 0 ? whole : whole.slice(0, wild);
  const p = wild < 0 ? '' : whole.slice(wild);
  // Tokens: a literal character, `?`, `*`, or `**` (with a following `/`, so `a/**/b` also matches `a/b`).
  // Neighbouring stars are one token (the widest of them): then one closure step after each character suffices.
  const kinds: Array<{ kind: 'char' | 'any' | 'star' | 'globstar'; ch?: string }> = [];
  for (let i = 0; i < p.length; ) {
    if (p.startsWith('**', i)) {
      i += p[i + 2] === '/' ? 3 : 2;
      const last = kinds[kinds.length - 1];
      if (last && (last.kind === 'star' || last.kind === 'globstar')) last.kind = 'globstar';
      else kinds.push({ kind: 'globstar' });
    } else if (p[i] === '*') {
      i++;
      const last = kinds[kinds.length - 1];
      if (!last || (last.kind !== 'star' && last.kind !== 'globstar')) kinds.push({ kind: 'star' });
    } else if (p[i] === '?') {
      i++;
      kinds.push({ kind: 'any' });
    } else {
      // One UTF-16 unit per token: paths are compared unit by unit.
      kinds.push({ kind: 'char', ch: p[i++] });
    }
  }
  const tokens = kinds.length;
  const words = (tokens >>> 5) + 1; // states 0..tokens
  const mask = () => new Uint32Array(words);
  const compiled: Compiled = { prefix, tokens, words, chars: new Map(), any: mask(), star: mask(), globstar: mask(), ignoreCase };
  if (wild < 0) compiled.literal = whole;
  kinds.forEach((k, j) => {
    if (k.kind === 'char') {
      let m = compiled.chars.get(k.ch!);
      if (!m) compiled.chars.set(k.ch!, (m = mask()));
      setBit(m, j);
    } else if (k.kind === 'any') setBit(compiled.any, j);
    else {
      setBit(compiled.star, j);
      if (k.kind === 'globstar') setBit(compiled.globstar, j);
    }
  });
  return compiled;
}

/** state |= (state & star) << 1: a star may match nothing. */
function closure(state: Uint32Array, c: Compiled, tmp: Uint32Array): void {
  let carry = 0;
  for (let w = 0; w < c.words; w++) {
    const v = state[w] & c.star[w];
    tmp[w] = (v << 1) | carry;
    carry = v >>> 31;
  }
  for (let w = 0; w < c.words; w++) state[w] |= tmp[w];
}

function matches(c: Compiled, path: string): boolean {
  if (c.literal !== undefined) return c.literal === path;
  if (!path.startsWith(c.prefix)) return false;
  const { words } = c;
  let state = new Uint32Array(words);
  let next = new Uint32Array(words);
  const tmp = new Uint32Array(words);
  state[0] = 1;
  closure(state, c, tmp);
  for (let i = c.prefix.length; i < path.length; i++) {
    const ch = path[i];
    const slash = ch === '/';
    const lit = c.chars.get(ch);
    let carry = 0;
    let alive = 0;
    for (let w = 0; w < words; w++) {
      // Tokens that consume `ch` and move on: the literal `ch`, and `?` unless `ch` is `/`.
      const move = state[w] & ((lit ? lit[w] : 0) | (slash ? 0 : c.any[w]));
      // Stars that consume `ch` and stay: `**` always, `*` unless `ch` is `/`.
      const stay = state[w] & (slash ? c.globstar[w] : c.star[w]);
      next[w] = ((move << 1) | carry | stay) >>> 0;
      carry = move >>> 31;
      alive |= next[w];
    }
    if (alive === 0) return false;
    closure(next, c, tmp);
    [state, next] = [next, state];
  }
  return (state[c.tokens >>> 5] & (1 << (c.tokens & 31))) !== 0;
}

/**
 * `**` any path, `*` any name part, `?` one character; everything else literal. Separators normalised to `/`.
 * Linear in the path's length for a given pattern (see `Compiled`); a pattern whose wildcard part is
 * longer than MAX_PATTERN_LENGTH matches nothing.
 */
export function globMatches(pattern: string, path: string): boolean {
  const wild = pattern.search(/[*?]/);
  if (wild >= 0 && pattern.length - wild > MAX_PATTERN_LENGTH) return false;
  let c = globCache.get(pattern);
  if (!c) {
    if (globCache.size >= GLOB_CACHE_MAX) globCache.clear();
    c = compile(pattern);
    globCache.set(pattern, c);
  }
  let p = path.replace(/\\/g, '/');
  if (c.ignoreCase) p = p.toLowerCase();
  return matches(c, p);
}

/** True when the pattern has a wildcard (`*` or `?`). */
export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);
