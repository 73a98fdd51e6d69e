/**
 * Quantitative targets (`到2025年，全市公民具备科学素质的比例达到17%`, `培训…200人次以上`)
 * and count statements (`实施5项提升行动`). Scans are per block and every pattern is bounded.
 */
import type { Block, Comparator, CountStatement, Target } from './types';
import type { SpanMaker } from './spans';
import { asciiDigits, chineseToNumber } from './numbering';
import { matchesIn } from './text';

const PERCENT = /([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})?)\s?[%％]/g;
const PERCENT_SIGN = /[%％]/;
const COUNT_TARGET = /([0-9０-９]{1,6}(?:\.[0-9]{1,2})?) ?(万?(?:人次|名|人|场|个|次|家|所|项|处))(以上|余)/g;
/** The verb before a percentage, longest first (提高到 before 达到 before 达). */
const VERBS: Array<[string, Comparator]> = ([
  ['不低于', '>='], ['不少于', '>='], ['提高到', '>='], ['提高至', '>='], ['提升到', '>='], ['提升至', '>='],
  ['增长到', '>='], ['增加到', '>='], ['上升到', '>='], ['上升至', '>='], ['保持在', '>='], ['稳定在', '>='],
  ['达到', '>='], ['超过', '>'], ['高于', '>'], ['达', '>='],
] as Array<[string, Comparator]>).sort((a, b) => b[0].length - a[0].length);
/**
 * What the drafter commits to: 力争/争取/努力 mark a stretch figure, 确保/保证 a floor (确保达到15%，力争达到17%).
 * Kept in `comparatorText`, where target-conflict reads it.
 */
const MODES = ['力争', '争取', '努力', '确保', '保证'];
/** Words that say where, not what: 全市公民… and 公民… are one metric. */
const SCOPE = /^(全市|全区|全县|全省|全国|全镇|我市|我区|我县|我省|本市|本区|本县|本省|本地区|本地|全)/;
const LEADING_YEAR = /^(?:确保|力争|争取)?(?:到|至|截至)?[0-9０-９]{4}年(?:底|末)?(?:前)?/;
/** Modal words and a starting value left at the metric's end: `比例要`, `比例由12%` (…提高到15%). */
const METRIC_TAIL = /(?:(?:由|从)[0-9０-９.．]{1,7}[%％])?(?:要|将|应|须|需|均|能|可|在|为)*$/;
const CLAUSE_BREAK = /[，,；;。：:]/;
/** Between two figures of one metric: `确保达到15%，力争达到17%`, `15%以上、力争17%` (bounded: tested on a short slice only). */
const SAME_METRIC_GAP = /^\s?(?:以上)?\s?[，,、]?\s?(?:并|且|和|或)?\s?$/;
const MAX_GAP = 8;

function yearBefore(text: string, at: number): { year: number; index: number } | undefined {
  const sentenceStart = Math.max(text.lastIndexOf('。', at - 1) + 1, at - 200, 0);
  const slice = text.slice(sentenceStart, at);
  const re = /(?:到|至)\s?([0-9０-９]{4})\s?年/g;
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  while ((m = re.exec(slice))) last = m;
  return last ? { year: Number(asciiDigits(last[1])), index: sentenceStart + last.index } : undefined;
}

function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && i >= at - 60; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return Math.max(0, at - 60);
}

/** The wording before a figure: [where it starts, comparator, wording], or undefined when nothing says it is a target. */
function wordingBefore(text: string, numAt: number, percentEnd: number): [number, Comparator, string] | undefined {
  let at = numAt;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  const head = text.slice(Math.max(0, at - 8), at);
  const verb = VERBS.find(([w]) => head.endsWith(w));
  let from = verb ? at - verb[0].length : at;
  let mode = '';
  let k = from;
  while (k > 0 && /\s/.test(text[k - 1])) k--;
  const modeWord = MODES.find((w) => text.slice(Math.max(0, k - w.length), k) === w);
  if (modeWord) {
    mode = modeWord;
    from = k - modeWord.length;
  }
  if (verb || mode) return [from, verb ? verb[1] : '>=', `${mode}${verb ? verb[0] : ''}`];
  // No verb: `比例在15%以上`.
  if (/^\s?以上/.test(text.slice(percentEnd, percentEnd + 3))) return [at, '>=', '以上'];
  return undefined;
}

export function findTargets(block: Block, spans: SpanMaker): Target[] {
  const out: Target[] = [];
  const text = block.text;
  let previous: { target: Target; end: number } | undefined;
  // Each pattern only where the character it ends with stands (one `test` is cheaper than the pattern's scan; a table has thousands of cells).
  if (PERCENT_SIGN.test(text)) for (const m of matchesIn(PERCENT, text)) {
    const numAt = m.index!;
    const end = numAt + m[0].length;
    const wording = wordingBefore(text, numAt, end);
    if (!wording) continue;
    const [compAt, comparator, comparatorText] = wording;
    let metric: string;
    let year: { year: number; index: number } | undefined;
    let from: number;
    if (previous && compAt - previous.end <= MAX_GAP && SAME_METRIC_GAP.test(text.slice(previous.end, compAt))) {
      // The second figure of one statement (确保…15%，力争达到17%): same metric and year.
      metric = previous.target.metric;
      year = previous.target.year === undefined ? undefined : { year: previous.target.year, index: compAt };
      from = compAt;
    } else {
      // A figure just before ends the metric too: `A率达到90%、B率达到80%`.
      const metricFrom = Math.max(clauseStart(text, compAt), previous?.end ?? 0);
      metric = text.slice(metricFrom, compAt).replace(/\s+/g, '').replace(/^(?:以上)?[、和及]/, '').replace(LEADING_YEAR, '').replace(SCOPE, '').replace(METRIC_TAIL, '');
      year = yearBefore(text, metricFrom);
      const inline = yearBefore(text, compAt);
      // `到2025年全市公民…` without a comma: the year stands inside the clause.
      if (inline && inline.index >= metricFrom) year = inline;
      from = year && year.index >= metricFrom - 30 ? Math.min(year.index, metricFrom) : metricFrom;
    }
    if (!metric) continue;
    const target: Target = {
      ...spans.inBlock(block, from, end),
      metric,
      year: year?.year,
      comparator,
      comparatorText,
      value: Number(asciiDigits(m[1]).replace('．', '.')),
      unit: '%',
    };
    out.push(target);
    previous = { target, end };
  }
  if (text.includes('以上') || text.includes('余')) for (const m of matchesIn(COUNT_TARGET, text)) {
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
  if (!/[项大]/.test(block.text)) return out; // COUNT needs one
  for (const m of matchesIn(COUNT, block.text)) {
    const at = m.index!;
    const numAt = at + m[0].indexOf(m[2], m[1].length);
    const count = /[0-9]/.test(m[2]) ? Number(m[2]) : chineseToNumber(m[2]);
    if (Number.isNaN(count)) continue;
    const span = spans.inBlock(block, at, at + m[0].length);
    out.push({
      text: span.text,
      range: span.range,
      count,
      noun: m[3],
      numberRange: spans.inBlock(block, numAt, numAt + m[2].length).range,
    });
  }
  return out;
}
