/**
 * confused-word — easily confused words and frequent 错别字 of 公文, decided by their context
 * (截止2023年底 → 截至, 布署 → 部署, 再接再励 → 再接再厉). The list is data:
 * knowledge/proofreading/confused-words.json, each entry with the context that makes it certain
 * and the dictionary or standard it rests on (《现代汉语词典》第7版, 《第一批异形词整理表》,
 * 《立法技术规范（试行）（一）》). An entry whose source is newer than the document is not applied.
 * Words inside a cited title 《…》 are the cited document's and are left alone. An office's word list
 * (gongwen.json `words`) adds its own wrong → right pairs and names words never to report.
 */
import { t } from '../../l10n';
import { CONFUSED_WORDS, type CompiledConfusedWord } from '../../knowledge/proofreading/confused-words';
import { perBlock, type Finding, type Rule, type RuleContext } from '../types';
import { joinedRange, joinedReplace } from '../format/joined';
import { documentDate } from '../format/dated';
import { inSpans, titleSpans } from './quoted';
import { allowedAt } from '../../config-words';
import type { WordList } from '../../settings';
import { pairSlot } from '../../model/text';

/** The office's own pairs (gongwen.json `words.confused`): no context, the office vouches for them. */
function officeEntries(words: WordList | undefined): CompiledConfusedWord[] {
  return (words?.confused ?? []).map(({ wrong, right }) => ({
    wrong,
    right,
    explain: t('本单位词表规定的写法'),
    source: t('gongwen.json 中的 words.confused'),
    examples: { true: '', nearMiss: '' },
    test: () => true,
  }));
}

/** The wrong forms that apply to one document: each form's entries, and one pattern for all of them (longest first). */
interface WrongForms {
  byWrong: Map<string, CompiledConfusedWord[]>;
  /** Sticky: tried only where `pairs` lets a wrong form start. */
  at: RegExp;
  /** Global, for when a wrong form is a single character (an office's own pair) and `pairs` cannot filter. */
  all?: RegExp;
  /** Bit per hashed pair of first two characters of a wrong form (`pairSlot`). */
  pairs: Uint8Array;
}

/**
 * Per settings (the office's pairs, the language their texts are in) and document year: building the pattern
 * and the map took ~15 % of the rule on a seed, once per document (CPU profile, issue #18); the year only
 * selects entries, so few are ever built.
 */
const wrongFormsCache = new WeakMap<object, Map<number | undefined, WrongForms | undefined>>();

function wrongFormsFor(settings: RuleContext['settings'], year: number | undefined): WrongForms | undefined {
  let byYear = wrongFormsCache.get(settings);
  if (!byYear) wrongFormsCache.set(settings, (byYear = new Map()));
  if (byYear.has(year)) return byYear.get(year);
  const entries = [...CONFUSED_WORDS.filter((e) => e.since === undefined || year === undefined || year >= e.since), ...officeEntries(settings.words)];
  const byWrong = new Map<string, CompiledConfusedWord[]>();
  for (const e of entries) {
    const list = byWrong.get(e.wrong);
    if (list) list.push(e);
    else byWrong.set(e.wrong, [e]);
  }
  const wrongs = [...byWrong.keys()].sort((a, b) => b.length - a.length);
  let forms: WrongForms | undefined;
  if (wrongs.length) {
    const source = wrongs.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const pairs = new Uint8Array(0x10000);
    for (const w of wrongs) if (w.length >= 2) pairs[pairSlot(w.charCodeAt(0), w.charCodeAt(1))] = 1;
    forms = { byWrong, at: new RegExp(source, 'y'), pairs };
    if (wrongs.some((w) => w.length < 2)) forms.all = new RegExp(source, 'g');
  }
  byYear.set(year, forms);
  return forms;
}

/**
 * Where the wrong forms stand in `text`, as one global scan of the pattern finds them (leftmost, longest form
 * first, going on after each). A form starts only where its first two characters do, so the pattern is tried
 * only at offsets whose pair is in `pairs`, not at every offset (~40 % of the rule on a seed, CPU profile).
 */
function wrongFormsIn(forms: WrongForms, text: string, hit: (at: number, wrong: string) => void): void {
  if (forms.all) {
    const all = forms.all;
    // An exec loop on the one pattern: matchAll would clone it for every block.
    all.lastIndex = 0;
    for (let m = all.exec(text); m; m = all.exec(text)) hit(m.index, m[0]);
    return;
  }
  const { at, pairs } = forms;
  const end = text.length - 1;
  let next = text.charCodeAt(0);
  for (let i = 0; i < end; i++) {
    const c = next;
    next = text.charCodeAt(i + 1);
    if (pairs[((c << 5) ^ next) & 0xffff] === 0) continue; // pairSlot(c, next), written out (model/text.ts says why)
    at.lastIndex = i;
    const m = at.exec(text);
    if (!m) continue;
    hit(i, m[0]);
    i += m[0].length - 1;
    next = text.charCodeAt(i + 1);
  }
}

export const confusedWord: Rule = {
  id: 'confused-word',
  description: '易混词和常见错别字（按上下文判定，如“截止2023年底”应为“截至”）',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const year = documentDate(doc)?.year;
    const forms = wrongFormsFor(ctx.settings, year);
    const allow = ctx.settings.words?.allow;
    const out: Finding[] = [];
    if (!forms) return out;
    for (const block of doc.blocks) out.push(...perBlock(ctx, block, `year:${year ?? ''}`, () => {
      const found: Finding[] = [];
      const text = block.text;
      let titles: Array<[number, number]> | undefined;
      const reported = new Set<number>();
      wrongFormsIn(forms, text, (at, wrong) => {
        for (const entry of forms.byWrong.get(wrong)!) {
          if (!entry.test(text, at) || allowedAt(allow, text, at, at + entry.wrong.length)) continue;
          if (reported.has(at)) continue; // an office pair repeating a listed one
          reported.add(at);
          titles ??= titleSpans(text);
          if (inSpans(titles, at)) continue;
          const end = at + entry.wrong.length;
          found.push({
            range: joinedRange(doc, block, at, end),
            message: t('“{0}”应为“{1}”：{2}（{3}）。', entry.wrong, entry.right, entry.explain, entry.source),
            fixes: [{ title: t('改为“{0}”', entry.right), edits: [joinedReplace(doc, block, at, end, entry.right)], preferred: true }],
          });
        }
      });
      return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }));
    return out;
  },
};
