/**
 * Responsibility clauses (责任单位) at the end of task items, in the four forms the seeds use:
 * （…按职责分工负责） （…负责） （责任单位：…） （由…牵头，相关部门和单位配合）.
 * The clause is found in the joined text, so a list wrapped across lines and page breaks is one list.
 */
import type { Block, ResponsibilityForm, ResponsibilityList, Unit } from './types';
import type { SpanMaker } from './spans';
import { isRegExpSpace } from './text';

/** Longest clause we look for; keeps the bracket scan bounded on hostile input. */
const MAX_CLAUSE = 400;
const OPENING = /[（(]/g;
/** A unit name: short, no sentence punctuation. */
const UNIT_LIKE = /^[^，。；：,;:“”"]{2,30}$/;
const SPACES = /\s+/g;

interface Shape {
  form: ResponsibilityForm;
  /** Offsets inside the clause content where the unit list starts and ends. */
  from: number;
  to: number;
}

function shapeOf(content: string): Shape | undefined {
  let m = /^\s*责任单位\s*[:：]\s*/.exec(content);
  if (m) return { form: '责任单位', from: m[0].length, to: content.length };
  m = /^\s*由(.{2,300}?)牵头/.exec(content);
  if (m && /配合\s*$/.test(content)) return { form: '牵头配合', from: m[0].indexOf(m[1]), to: m[0].indexOf(m[1]) + m[1].length };
  m = /按职责分工负\s*责\s*$/.exec(content);
  if (m) return { form: '按职责分工负责', from: 0, to: m.index };
  m = /(牵头)?负\s*责\s*$/.exec(content);
  if (m) return { form: '负责', from: 0, to: m.index };
  return undefined;
}

/** Index of the bracket closing the one at `open`, allowing one level of nesting (院（校）). */
function closing(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_CLAUSE);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    // Deeper than one nested level is no clause: stop at once, or a run of n `（` costs n × MAX_CLAUSE
    // steps (a 200,000-character line of `（` took 3 s; issue #8, test/unit/fuzz-bounded.test.ts).
    if (c === 0xff08 || c === 0x28) {
      if (++depth > 2) return -1;
    } else if ((c === 0xff09 || c === 0x29) && --depth === 0) return i;
  }
  return -1;
}

export function findResponsibilities(block: Block, spans: SpanMaker): ResponsibilityList[] {
  const found: ResponsibilityList[] = [];
  const text = block.text;
  // Opening brackets found by a native scan (indexing every character makes a string per CJK one).
  OPENING.lastIndex = 0;
  for (let open = OPENING.exec(text); open; open = OPENING.exec(text)) {
    const i = open.index;
    const end = closing(text, i);
    if (end < 0) continue;
    const content = text.slice(i + 1, end);
    const shape = shapeOf(content);
    if (!shape) continue;
    const units = splitUnits(block, i + 1 + shape.from, i + 1 + shape.to, spans);
    if (units.length === 0 || !units.every((u) => UNIT_LIKE.test(u.name))) continue;
    // Properties written out: a spread with more properties after it took a fifth of this function (CPU profile, issue #18).
    const span = spans.inBlock(block, i, end + 1);
    found.push({ text: span.text, range: span.range, form: shape.form, units });
    OPENING.lastIndex = end + 1;
  }
  return found;
}

/** Character codes and `isRegExpSpace`, not `text[k]` and `/\s/`: a string per character was ~100 KB of garbage per seed (allocation profile, issue #18). */
function splitUnits(block: Block, from: number, to: number, spans: SpanMaker): Unit[] {
  const units: Unit[] = [];
  const text = block.text;
  let start = from;
  for (let k = from; k <= to; k++) {
    const c = k < to ? text.charCodeAt(k) : 0x3001;
    if (c !== 0x3001 && c !== 0xff0c && c !== 0x2c) continue; // 、 ， ,
    let a = start;
    let b = k;
    while (a < b && isRegExpSpace(text.charCodeAt(a))) a++;
    while (b > a && isRegExpSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) {
      const span = spans.inBlock(block, a, b);
      units.push({ name: span.text.replace(SPACES, ''), range: span.range });
    }
    start = k + 1;
  }
  return units;
}
