/**
 * Lines of the notice that have a fixed shape: 发文字号 (GB/T 9704 §7.2.5) and dates
 * (§7.3.5). The patterns accept the wrong forms too (`[2022]`, `07月`, `二〇二二年`) so
 * that rules can name the mistake instead of missing the element.
 */

const D = '[0-9０-９]';
/** Year digits as drafters write them, including Chinese numerals and the wrong zeros O/Ｏ/0. */
const YEAR = `(${D}{2,4}|[〇零○OＯ0０一二三四五六七八九]{4})`;
const MD = `(${D}{1,2}|[一二三四五六七八九十]{1,3})`;

const DATE_BODY = `${YEAR}\\s{0,3}年\\s{0,3}${MD}\\s{0,3}月\\s{0,3}${MD}\\s{0,3}日`;
const DATE_LINE = new RegExp(`^${DATE_BODY}$`);
/** A date anywhere in a short text (e.g. the 印发 line). */
export const DATE_IN_TEXT = new RegExp(DATE_BODY);

/**
 * A date written with figures only, as drafts and web pages print it: `2024-03-01`, `2024.3.1`,
 * `2024/3/1`, `20171116`. A slip (date-format tells the standard form), but still the date.
 */
export const NUMERIC_DATE = /^((?:19|20)[0-9]{2})(?:\s{0,2}([-./／])\s{0,2}([0-9]{1,2})\s{0,2}\2\s{0,2}([0-9]{1,2})|(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01]))$/;

export function isDateLine(content: string): boolean {
  return content.length <= 40 && (DATE_LINE.test(content) || NUMERIC_DATE.test(content));
}

/**
 * 机关代字 + bracketed year + serial + 号, with every wrong bracket seen in practice accepted
 * (`[]` `［］` `【】` `()` `（）` `﹝﹞`; only `〔〕` is right, GB/T 9704-2012 §7.2.5) and stray spaces.
 */
export const DOC_NUMBER = new RegExp(
  `([\\u4e00-\\u9fff]{1,12})\\s{0,3}([〔\\[【(（［﹝])\\s{0,3}(${D}{2,4})\\s{0,3}([〕\\]】)）］﹞])\\s{0,3}(第)?\\s{0,3}(${D}{1,4})\\s{0,3}(号)?`,
);

/**
 * A line that is a 文号: as the 版头 prints it, after `文号：`, or as web and law-database copies print
 * it under the title, in parentheses and sometimes with the date (`（吉政办发[2002]42号　二00二年八月二十九日）`).
 */
const DOC_NUMBER_LINE = new RegExp(
  `^(?:文号[:：]\\s{0,3})?[（(]?\\s{0,2}${DOC_NUMBER.source}(?:\\s{0,4}${DATE_BODY})?\\s{0,2}[）)]?(?:\\s+签发人.{0,20})?$`,
);

export function isDocNumberLine(content: string): boolean {
  return content.length <= 60 && DOC_NUMBER_LINE.test(content);
}

/** `湖北省人民政府令(第52号)`, `中华人民共和国国务院令　第708号`: a 令's 版头 and its 令号 (GB/T 9704-2012 §10.2). */
export const ORDER_LINE = /^(\S{2,24}?令)[\s\u3000]*[（(]?[\s\u3000]*第[\s\u3000]*([0-9０-９一二三四五六七八九十百零〇]{1,6})[\s\u3000]*号[\s\u3000]*[）)]?$/;
