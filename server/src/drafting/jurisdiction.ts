/**
 * The jurisdiction's prefix a document uses for its own units (`市科协`, `县教体局`, `区科技局`):
 * from the units of its responsibility clauses when it has any (they show the house usage), else
 * from the issuer (乳山市人民政府 → 市, 济宁市兖州区人民政府 → 区). Pure.
 */
import type { GongwenDocument } from '../model/types';

export type LevelPrefix = '市' | '县' | '区';

const PREFIXES: readonly LevelPrefix[] = ['市', '县', '区'];

/** 平阴县人民政府 → 县; 济宁市兖州区人民政府 → 区 (the last level named before the organ). */
export function prefixOfIssuer(issuer: string): LevelPrefix | undefined {
  const m = /([市县区])[^市县区]{0,12}$/.exec(issuer.slice(-24));
  return m ? (m[1] as LevelPrefix) : undefined;
}

export function levelPrefix(doc: GongwenDocument): LevelPrefix | undefined {
  const count = new Map<LevelPrefix, number>();
  for (const list of doc.responsibilities) {
    for (const unit of list.units) {
      const first = unit.name[0] as LevelPrefix;
      if (PREFIXES.includes(first)) count.set(first, (count.get(first) ?? 0) + 1);
    }
  }
  let best: LevelPrefix | undefined;
  for (const [p, n] of count) if (!best || n > (count.get(best) ?? 0)) best = p;
  if (best) return best;
  const issuer = doc.notice.发文机关署名?.text ?? doc.notice.发文机关标志?.text ?? doc.notice.标题?.text.split('关于')[0];
  return issuer ? prefixOfIssuer(issuer.trim()) : undefined;
}
