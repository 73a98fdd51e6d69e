/**
 * The 主送机关 line as a list (GB/T 9704-2012 §7.3.2; practice of the 国务院办公厅 and every office:
 * `各省、自治区、直辖市人民政府，国务院各部委、各直属机构：` — 、 between organs of one kind, ， between
 * kinds, ： at the end). Used by the notice parser to know a 主送 whose last mark is wrong, and by the
 * addressee-punctuation rule to read its items.
 */

/** What an addressee's name ends with: an organ, a kind of organ, or a person's title (a 答复函). */
const ORGAN_END = /(人民政府|政府|办事处|街道|部门|单位|机构|部委|局|委|厅|办|处室|处|室|院|院校|学校|会|党委|党组|企业|公司|中心|军区|总队|支队|分局|集团|省|市|县|区|州|盟|旗|镇|乡|代表|委员|同志)$/;

export interface AddresseeItem {
  /** The name, without the mark after it. */
  name: string;
  /** Offset of the name in the text. */
  at: number;
  /** The mark after it (`、` `，` `；` …), or '' at the end. */
  mark: string;
}

/** Splits a 主送 line into names and the marks between them (a bracket's content is part of a name). */
export function addresseeItems(text: string): AddresseeItem[] {
  const items: AddresseeItem[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && '、，,；;：:。.'.includes(c)) {
      items.push({ name: text.slice(start, i), at: start, mark: c });
      start = i + 1;
    }
  }
  if (start < text.length) items.push({ name: text.slice(start), at: start, mark: '' });
  return items;
}

/**
 * A line that can only be a 主送 list even though it does not end with a colon: names of organs
 * separated by marks, starting with `各` or of two names or more, with no sentence in it.
 */
export function isAddresseeList(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 300 || /[《“"0-9０-９]/.test(t) || /[。！？!?]./.test(t)) return false;
  const items = addresseeItems(t);
  if (items.some((i) => !ORGAN_END.test(i.name.replace(/[（(][^）)]*[）)]$/, '').trim()))) return false;
  return t.startsWith('各') || items.length >= 2;
}
