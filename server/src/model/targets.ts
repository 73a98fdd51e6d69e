/**
 * Quantitative targets (`到2025年，全市公民具备科学素质的比例达到17%`, `培训…200人次以上`)
 * and count statements (`实施5项提升行动`). Scans are per block and every pattern is bounded.
 */
import type { Block, Comparator, CountStatement, Target } from './types';
import type { SpanMaker } from './spans';
import { asciiDigits, chineseToNumber } from './numbering';

const PERCENT = /([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})?) ?[%％]/g;
const COUNT_TARGET = /([0-9０-９]{1,6}(?:\.[0-9]{1,2})?) ?(万?(?:人次|名|人|场|个|次|家|所|项|处))(以上|余)/g;
const COMPARATORS: Array<[string, Comparator]> = [
  ['力争达到', '>='], ['不低于', '>='], ['不少于', '>='], ['提高到', '>='], ['提升到', '>='],
  ['达到', '>='], ['力争', '>='], ['超过', '>'], ['高于', '>'],
];
/** Words that say where, not what: 全市公民… and 公民… are one metric. */
const SCOPE = /^(全市|全区|全县|全省|全国|我市|我区|我县|本市|全)/;
const CLAUSE_BREAK = /[，,；;。：:]/;

function yearBefore(text: string, at: number): { year: number; index: number } | undefined {
  const sentenceStart = Math.max(text.lastIndexOf('。', at - 1) + 1, at - 200, 0);
  const slice = text.slice(sentenceStart, at);
  const re = /到 ?([0-9]{4}) ?年/g;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  while ((m = re.exec(slice))) last = m;
  return last ? { year: Number(last[1]), index: sentenceStart + last.index } : undefined;
}

function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && i >= at - 60; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return Math.max(0, at - 60);
}

export function findTargets(block: Block, spans: SpanMaker): Target[] {
  const out: Target[] = [];
  const text = block.text;
  for (const m of text.matchAll(PERCENT)) {
    const numAt = m.index!;
    const head = text.slice(Math.max(0, numAt - 8), numAt).replace(/\s+$/, '');
    const comp = COMPARATORS.find(([w]) => head.endsWith(w));
    if (!comp) continue;
    const compAt = text.lastIndexOf(comp[0], numAt);
    const metricFrom = clauseStart(text, compAt);
    const metric = text.slice(metricFrom, compAt).replace(/\s+/g, '').replace(SCOPE, '');
    if (!metric) continue;
    const year = yearBefore(text, metricFrom);
    const from = year && year.index >= metricFrom - 30 ? year.index : metricFrom;
    out.push({
      ...spans.inBlock(block, from, numAt + m[0].length),
      metric,
      year: year?.year,
      comparator: comp[1],
      comparatorText: comp[0],
      value: Number(asciiDigits(m[1]).replace('．', '.')),
      unit: '%',
    });
  }
  for (const m of text.matchAll(COUNT_TARGET)) {
    const numAt = m.index!;
    const metricFrom = clauseStart(text, numAt);
    const metric = text.slice(metricFrom, numAt).replace(/\s+/g, '').replace(/^(争取|力争|确保)/, '');
    if (metric.length < 2) continue;
    const year = yearBefore(text, metricFrom);
    out.push({
      ...spans.inBlock(block, metricFrom, numAt + m[0].length),
      metric,
      year: year?.year,
      comparator: '>=',
      comparatorText: m[3],
      value: Number(asciiDigits(m[1])),
      unit: m[2],
    });
  }
  return out;
}

const COUNT = /(实施|推进|开展|部署|组织实施|稳步推进)\s{0,2}([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s{0,2}(?:项|大)\s{0,2}(提升行动|重点工程|重点任务|专项行动|行动|工程|任务)/g;

export function findCounts(block: Block, spans: SpanMaker): CountStatement[] {
  const out: CountStatement[] = [];
  for (const m of block.text.matchAll(COUNT)) {
    const at = m.index!;
    const numAt = at + m[0].indexOf(m[2], m[1].length);
    const count = /[0-9]/.test(m[2]) ? Number(m[2]) : chineseToNumber(m[2]);
    if (Number.isNaN(count)) continue;
    out.push({
      ...spans.inBlock(block, at, at + m[0].length),
      count,
      noun: m[3],
      numberRange: spans.inBlock(block, numAt, numAt + m[2].length).range,
    });
  }
  return out;
}
