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
import { perBlock, type Finding, type Rule } from '../types';
import { joinedRange, joinedReplace } from '../format/joined';
import { documentDate } from '../format/dated';
import { inSpans, titleSpans } from './quoted';
import { allowedAt } from '../../config-words';
import type { WordList } from '../../settings';

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

export const confusedWord: Rule = {
  id: 'confused-word',
  description: '易混词和常见错别字（按上下文判定，如“截止2023年底”应为“截至”）',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const year = documentDate(doc)?.year;
    const entries = [...CONFUSED_WORDS.filter((e) => e.since === undefined || year === undefined || year >= e.since), ...officeEntries(ctx.settings.words)];
    const allow = ctx.settings.words?.allow;
    const byWrong = new Map<string, typeof entries>();
    for (const e of entries) byWrong.set(e.wrong, [...(byWrong.get(e.wrong) ?? []), e]);
    // One scan per block for every wrong form (longest first); each hit is then checked against its entries' context.
    const wrongs = [...byWrong.keys()].sort((a, b) => b.length - a.length);
    const scan = new RegExp(wrongs.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    const out: Finding[] = [];
    for (const block of doc.blocks) out.push(...perBlock(ctx, block, `year:${year ?? ''}`, () => {
      const found: Finding[] = [];
      const text = block.text;
      let titles: Array<[number, number]> | undefined;
      const reported = new Set<number>();
      if (wrongs.length === 0) return found;
      // An exec loop on the one pattern: matchAll would clone it for every block.
      scan.lastIndex = 0;
      for (let m = scan.exec(text); m; m = scan.exec(text)) {
        const at = m.index!;
        for (const entry of byWrong.get(m[0])!) {
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
      }
      return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }));
    return out;
  },
};
