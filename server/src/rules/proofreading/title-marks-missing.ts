/**
 * title-marks-missing — the title of a document cited by name in running text without 书名号
 * (`根据国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知精神` → `根据《国务院关于……的通知》精神`):
 * GB/T 15834-2011 §4.15 marks the titles of documents with 《》. Only where both ends of the title are
 * certain: it starts right after a citing verb (根据, 按照, 依据, 贯彻落实 …, or 现将 … 转发) or after a cited title
 * and 和/、/及 (`根据《…》和国务院关于…的通知`), with an issuer
 * that ends as an office does (国务院, 省政府, 办公厅, 委员会 …) or with 关于 itself, and it ends with
 * `的通知`, `的意见`, `的决定`, `的办法`, `的方案`, `的通报`, `的批复` or `的细则` (or `的实施方案`, `的暂行办法` …) followed by 精神, 要求, 部署, a 文号
 * in brackets, a mark, or the end of the paragraph. `的规定` is left out: `依照刑法关于……罪的规定` cites
 * provisions, not a document. A document's own title is not cited (GB/T 9704-2012 §7.3.1 writes titles
 * without marks except for the names of laws), nor are headings; titles already inside 《》 are skipped.
 */
import { t } from '../../l10n';
import { perBlock, type Finding, type Rule } from '../types';
import { joinedInsert, joinedRange } from '../format/joined';
import { inSpans, titleSpans } from './quoted';
import { matchesIn } from '../../model/text';

/**
 * verb, then issuer + 关于 … 的 kind. The issuer is checked on its own (ISSUER); the subject is at most 80
 * characters without marks that would end a title. Longer verbs come first (贯彻落实 before 贯彻).
 */
const CITED = /(贯彻落实|认真贯彻|根据|按照|依据|依照|遵照|贯彻|落实|执行|现将|》和|》、|》及)([\u4e00-\u9fff、]{0,40}?)(关于[^《》〈〉“”，。；：！？\n]{2,80}?的(?:实施|工作|暂行|管理)?(?:通知|意见|决定|办法|方案|通报|批复|细则))(?=精神|要求|部署|规定|有关|（|\(|[，。；、和及]|转发|印发|执行|$)/g;
/** One or more offices joined by 、, each ending as an office's name does. */
const OFFICE = '[\\u4e00-\\u9fff]{0,12}?(?:党中央|中共中央|国务院|人民政府|政府|办公厅|办公室|委员会|常委会|党委|县委|市委|省委|区委|委|部|厅|局|署|总局|中心|院|协|联)';
const ISSUER = new RegExp(`^(?:${OFFICE}(?:、${OFFICE})*)?$`);
/** Words an office's name never holds: with them the issuer is a phrase (县委统一部署和省政府), its start unsure. */
const NOT_ISSUER = /[的和及与了在对把将从为以]|今年|去年|上年|近期|此前|近日|最近|上级|有关|各级|我们|统一|部署|要求|精神/;

export const titleMarksMissing: Rule = {
  id: 'title-marks-missing',
  description: '正文中引用文件标题未加书名号（根据国务院关于……的通知精神）',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const skip = new Set<number>();
    for (const part of doc.parts) if (part.title) for (let l = part.title.range.start.line; l <= part.title.range.end.line; l++) skip.add(l);
    for (const h of doc.allHeadings) skip.add(h.range.start.line);
    const out: Finding[] = [];
    for (const block of doc.blocks) {
      if (skip.has(block.firstLine)) continue;
      out.push(...perBlock(ctx, block, 'cited', () => {
        const text = block.text;
        if (text.indexOf('关于') < 0) return [];
        const found: Finding[] = [];
        let titles: Array<[number, number]> | undefined;
        for (const m of matchesIn(CITED, text)) {
          const [, verb, issuer, subject] = m;
          if (!ISSUER.test(issuer) || NOT_ISSUER.test(issuer)) continue;
          const from = m.index! + verb.length;
          const to = from + issuer.length + subject.length;
          if (inSpans((titles ??= titleSpans(text)), from)) continue;
          const cited = text.slice(from, to);
          found.push({
            range: joinedRange(doc, block, from, to),
            message: t('引用的文件标题“{0}”应加书名号：《{0}》（GB/T 15834-2011 第4.15条）。', cited),
            fixes: [{ title: t('加书名号'), edits: [joinedInsert(doc, block, from, '《'), joinedInsert(doc, block, to, '》')], preferred: true }],
          });
        }
        return found;
      }));
    }
    return out;
  },
};
