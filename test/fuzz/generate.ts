/**
 * Fuzz inputs: the seeds mutated by random edits (spans and lines deleted, duplicated, shuffled;
 * hostile Unicode inserted; a 200,000-character line; deep fake numbering), plus random text.
 * Every input is a pure function of (seed documents, PRNG seed, index), so a failure is replayable.
 */
import type { Rng } from './prng';

export interface FuzzInput {
  /** Which operations made it, for the report and the regression file name. */
  recipe: string[];
  text: string;
}

/** Characters that have broken text tools before: surrogates, controls, bidi, zero-width, odd line breaks. */
const HOSTILE: readonly string[] = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // lone surrogates
  '\uD83D\uDE00', '\uD840\uDC00', // valid astral (emoji, CJK extension B)
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085',
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202E', '\u2066', '\u2067', '\u2069', // LRM, RLM, embeddings, isolates
  '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u2028', '\u2029',
  '\r', '\n', '\r\n', '\t', '\u3000', '\u00A0',
  '\uFFFD', '\uFFFF', '\u0301', // replacement, noncharacter, combining mark
];

/** Pieces of the notation the parser reacts to, to make near-miss structure. */
const NOTATION: readonly string[] = [
  '一、', '二、', '十一、', '（一）', '（十）', '(二)', '1.', '2．', '12.', '（1）', '(3)', '①', '⑳',
  '第一章', '第三条', '《', '》', '〔2024〕', '[2024]', '号', '——', '—', '— 12 —', '- 3 -',
  '牵头单位：', '责任单位：', '（', '）', '、', '；', '。', '：', '附件：', '抄送：', '印发', '年', '月', '日',
  '以下简称', '“', '”', '到2025年', '%', '个', '国办发', '关于印发', '的通知', '实施方案',
];

const ADVERSARIAL_RUNS: readonly string[] = ['（', '《', '、', '1', '１', ' ', '\u3000', '——', '1.', '（一）', '一、', '。', 'a', '市'];

function randomChar(rng: Rng): string {
  switch (rng.int(6)) {
    case 0: return rng.pick(HOSTILE);
    case 1: return rng.pick(NOTATION);
    case 2: return String.fromCharCode(rng.range(0x4e00, 0x9fff));
    case 3: return String.fromCharCode(rng.range(0x20, 0x7e));
    case 4: return String.fromCharCode(rng.int(0x10000)); // any UTF-16 code unit, surrogates included
    default: return rng.pick(['\n', '\n', '，', '。', '、', ' ']);
  }
}

export function randomText(rng: Rng, length: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const piece = randomChar(rng);
    parts.push(piece);
    n += piece.length;
  }
  return parts.join('');
}

const splitLines = (text: string) => text.split(/(?<=\n)/);

type Mutation = (text: string, rng: Rng) => string;

const MUTATIONS: Record<string, Mutation> = {
  deleteSpan(text, rng) {
    const start = rng.int(text.length + 1);
    return text.slice(0, start) + text.slice(start + rng.range(1, 400));
  },
  duplicateSpan(text, rng) {
    const start = rng.int(text.length + 1);
    const span = text.slice(start, start + rng.range(1, 800));
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + span.repeat(rng.range(1, 3)) + text.slice(at);
  },
  deleteLines(text, rng) {
    const lines = splitLines(text);
    const start = rng.int(lines.length);
    lines.splice(start, rng.range(1, 8));
    return lines.join('');
  },
  duplicateLines(text, rng) {
    const lines = splitLines(text);
    const start = rng.int(lines.length);
    const chunk = lines.slice(start, start + rng.range(1, 10));
    lines.splice(rng.int(lines.length + 1), 0, ...chunk);
    return lines.join('');
  },
  shuffleLines(text, rng) {
    const lines = splitLines(text);
    const start = rng.int(lines.length);
    const end = Math.min(lines.length, start + rng.range(2, 60));
    for (let i = end - 1; i > start; i--) {
      const j = start + rng.int(i - start + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return lines.join('');
  },
  insertHostile(text, rng) {
    let out = text;
    for (let k = rng.range(1, 30); k > 0; k--) {
      const at = rng.int(out.length + 1);
      out = out.slice(0, at) + randomChar(rng) + out.slice(at);
    }
    return out;
  },
  splitSurrogates(text, rng) {
    // Cut the text in the middle of an astral character, as a careless editor or extractor might.
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + '\uD842' + text.slice(at) + '\uDFB7';
  },
  longLine(text, rng) {
    const unit = rng.chance(0.5) ? rng.pick(ADVERSARIAL_RUNS) : randomText(rng, rng.range(1, 40)).replace(/[\r\n\u2028\u2029\u0085]/g, '');
    const line = unit.repeat(Math.ceil(200_000 / Math.max(1, unit.length))).slice(0, 200_000);
    const lines = splitLines(text);
    lines.splice(rng.int(lines.length + 1), 0, line + '\n');
    return lines.join('');
  },
  deepNumbering(text, rng) {
    const marker = rng.pick(['（一）', '一、', '1.', '（1）', '①', '第一章', '《']);
    const depth = rng.range(50, 3000);
    const block = rng.chance(0.5) ? marker.repeat(depth) + '标题\n' : Array.from({ length: depth }, (_, i) => ' '.repeat(i % 7) + marker + '标题' + i + '\n').join('');
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + block + text.slice(at);
  },
  lineEndings(text, rng) {
    const eol = rng.pick(['\r\n', '\r', '\n\n', '\u2028']);
    return text.replace(/\r?\n/g, eol);
  },
  truncate(text, rng) {
    return text.slice(0, rng.int(text.length + 1));
  },
  splice(text, rng) {
    // Head of this document with the tail of itself further on: headings and lists cut mid-structure.
    const a = rng.int(text.length + 1);
    const b = rng.int(text.length + 1);
    return text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b));
  },
};

/** Rare, costly operations are drawn less often so that a bounded run stays short. */
const WEIGHTED: readonly string[] = [
  ...Array(6).fill('deleteSpan'), ...Array(4).fill('duplicateSpan'), ...Array(5).fill('deleteLines'),
  ...Array(4).fill('duplicateLines'), ...Array(4).fill('shuffleLines'), ...Array(6).fill('insertHostile'),
  'splitSurrogates', 'splitSurrogates', 'longLine', 'deepNumbering', 'deepNumbering', 'lineEndings', 'truncate', 'splice',
];

/** One input: mostly a mutated seed, sometimes random text or an empty/degenerate document. */
export function makeInput(seeds: readonly string[], rng: Rng): FuzzInput {
  const roll = rng.next();
  if (roll < 0.1) return { recipe: ['random'], text: randomText(rng, rng.range(0, 6000)) };
  if (roll < 0.12) return { recipe: ['degenerate'], text: rng.pick(['', '\n', '\r', '\uFEFF', '\u0000', '一、', '（一）', '\uD800', '\r\n\r\n', '— 1 —']) };
  const seedIndex = rng.int(seeds.length);
  let text = seeds[seedIndex]!;
  const recipe = [`seed${seedIndex}`];
  for (let k = rng.range(1, 5); k > 0; k--) {
    const name = rng.pick(WEIGHTED);
    text = MUTATIONS[name]!(text, rng);
    recipe.push(name);
  }
  return { recipe, text };
}

export const MUTATION_NAMES = Object.keys(MUTATIONS);
