/**
 * punctuation-width — Chinese text uses full-width punctuation `，；：？！（）` (GB/T 15834-2011:
 * each mark takes a full character cell): a half-width `, ; : ? ! ( )` next to Chinese characters is reported. Not inside numbers
 * (`18.5`, `8:30`), URLs or Latin text, and not in heading markers such as `(十)`, which
 * `heading-style` reports.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Block, GongwenDocument } from '../../model/types';
import { t } from '../../l10n';
import { perBlock, type Finding, type Rule } from '../types';
import { SPACE, inUrl, isChinesePunctuation, isHan, joinedEdit, joinedRange, offsetAt } from './joined';
import { firstIndex } from '../../model/search';
import { matchesIn } from '../../model/text';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF = /[,;:?!()]/g;
const ANY_HALF = /[,;:?!()]/;

/** Original offsets other rules own: heading markers, and the last mark of 主送机关 and 抄送 (notice-elements). */
function ownedElsewhere(doc: GongwenDocument): Set<number> {
  const owned = new Set<number>();
  for (const h of doc.allHeadings) {
    const a = offsetAt(doc, h.markerRange.start);
    const b = offsetAt(doc, h.markerRange.end);
    for (let o = a; o < b; o++) owned.add(o);
  }
  for (const span of [doc.notice.主送机关, doc.notice.抄送]) {
    if (span) owned.add(offsetAt(doc, span.range.end) - 1);
  }
  return owned;
}

const chineseSide = (ch: string | undefined) => isHan(ch) || isChinesePunctuation(ch);

function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  for (let k = i + step, n = 0; k >= 0 && k < text.length && n < 4; k += step, n++) if (!SPACE.test(text[k])) return text[k];
  return undefined;
}

/** The owned offsets inside a block, relative to its first character (binary search in the sorted list). */
function ownedIn(sorted: number[], block: Block): number[] {
  if (block.map.length === 0 || sorted.length === 0) return [];
  const first = block.start + block.map[0];
  const last = block.start + block.map[block.map.length - 1];
  const lo = firstIndex(0, sorted.length, (i) => sorted[i] >= first);
  const out: number[] = [];
  for (let k = lo; k < sorted.length && sorted[k] <= last; k++) out.push(sorted[k] - first);
  return out;
}

/** Messages by half-width mark: a pasted document can have thousands of findings. */
type Messages = (half: string) => string;

function scanBlock(doc: GongwenDocument, block: Block, owned: Set<number>, out: Finding[], message: Messages): void {
  const text = block.text;
  if (!ANY_HALF.test(text)) return; // most blocks: nothing to allocate
  const open: number[] = [];
  const lone = (i: number) => {
    const ch = text[i];
    const edits: TextEdit[] = [joinedEdit(doc, block, i, i + 1, FULL[ch])];
    // `（责任单位: 市科技局）`: the space the half-width colon needed goes with it, and so the
    // finding covers it (a certain fix edits only inside its finding).
    let end = i + 1;
    if (ch !== '(' && ch !== ')') {
      let k = i + 1;
      while (k < text.length && k - i <= 2 && text[k] === ' ') k++;
      if (k > i + 1 && isHan(text[k])) {
        for (let s = i + 1; s < k; s++) edits.push(joinedEdit(doc, block, s, s + 1, ''));
        end = k;
      }
    }
    out.push({
      range: joinedRange(doc, block, i, end),
      message: message(ch),
      fixes: [{ title: t('改为“{0}”', FULL[ch]), edits, preferred: true }],
    });
  };
  for (const m of matchesIn(HALF, text)) {
    const i = m.index!;
    const ch = m[0];
    if (owned.has(block.start + block.map[i]) || inUrl(text, i)) continue;
    if (ch === '(') {
      open.push(i);
      continue;
    }
    if (ch === ')') {
      const o = open.pop();
      if (o === undefined) {
        if (chineseSide(neighbour(text, i, -1)) || isHan(neighbour(text, i, 1))) lone(i);
        continue;
      }
      const inner = text.slice(o + 1, i);
      // Chinese inside, or a Chinese character right against a bracket; `Science (ST) 不改` is Latin text.
      const chinese = /[\u4e00-\u9fff]/.test(inner) || isHan(text[o - 1]) || isHan(text[i + 1]);
      if (!chinese) continue;
      out.push({
        range: joinedRange(doc, block, o, i + 1),
        message: message('()'),
        fixes: [{ title: t('改为“{0}”', `（${inner.length > 12 ? inner.slice(0, 12) + '…' : inner}）`), edits: [joinedEdit(doc, block, o, o + 1, '（'), joinedEdit(doc, block, i, i + 1, '）')], preferred: true }],
      });
      continue;
    }
    if (chineseSide(neighbour(text, i, -1)) || isHan(neighbour(text, i, 1))) lone(i);
  }
  for (const o of open) if (chineseSide(neighbour(text, o, -1)) || isHan(neighbour(text, o, 1))) lone(o);
}

export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  description: '中文里用全角标点，不用半角 , ; : ? ! ( )',
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    const owned = ownedElsewhere(doc);
    const cache = new Map<string, string>();
    const message: Messages = (half) => {
      let m = cache.get(half);
      if (m === undefined) {
        m = half === '()' ? t('中文里应使用全角括号“（）”，此处为半角“()”。') : t('中文里应使用全角标点“{0}”，此处为半角“{1}”。', FULL[half], half);
        cache.set(half, m);
      }
      return m;
    };
    const sortedOwned = [...owned].sort((a, b) => a - b);
    for (const block of doc.blocks) {
      // What the scan reads besides the block: which of its characters another rule owns. Only a document parsed
      // for reuse (the editor's) keeps results by key; for the CLI's the key is not read, so not made.
      const key = doc.reuse ? ownedIn(sortedOwned, block).join(',') : '';
      out.push(...perBlock(ctx, block, key, () => {
        const found: Finding[] = [];
        scanBlock(doc, block, owned, found, message);
        return found;
      }));
    }
    return out;
  },
};
