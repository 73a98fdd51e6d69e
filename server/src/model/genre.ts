/**
 * The genre (文种) of a document, read from its title: the fifteen genres of the
 * 党政机关公文处理工作条例 (2012) art. 8, and the kinds of document a notice issues or forwards
 * (方案, 办法, 预案 …). A title names its genre last: 发文机关 + 事由 + 文种 (GB/T 9704-2012 §7.3.1).
 */

export type Genre =
  | '决议'
  | '决定'
  | '命令'
  | '公报'
  | '公告'
  | '通告'
  | '意见'
  | '通知'
  | '通报'
  | '报告'
  | '请示'
  | '批复'
  | '议案'
  | '函'
  | '纪要';

/** What a notice does with the document it carries (印发 a plan, 转发 another organ's document …). */
export type NoticeAction = '印发' | '转发' | '批转' | '发布';

export interface GenreInfo {
  genre: Genre;
  /** The genre word as the title ends: 通知, 实施意见, 复函, 指导意见 … */
  label: string;
  /** For a notice that carries a document: what it does with it. */
  action?: NoticeAction;
}

/** Longer words first: 复函 before 函, 命令 before 令. */
const GENRE_WORDS: Array<[string, Genre]> = [
  ['决议', '决议'],
  ['决定', '决定'],
  ['命令', '命令'],
  ['公报', '公报'],
  ['公告', '公告'],
  ['通告', '通告'],
  ['意见', '意见'],
  ['通知', '通知'],
  ['通报', '通报'],
  ['报告', '报告'],
  ['请示', '请示'],
  ['批复', '批复'],
  ['议案', '议案'],
  ['复函', '函'],
  // 对…建议/提案的答复: issued as a 函 (国办函).
  ['答复', '函'],
  ['纪要', '纪要'],
  ['函', '函'],
  ['令', '命令'],
];

/** A title's trailing bracket: （试行）, （2021—2025年）, （征求意见稿）. */
const TRAILING_NOTE = /[（(][^（()）]{1,20}[）)]$/;

/** The title with spaces, a trailing bracket note and closing quotes removed: what its genre word ends. */
export function titleCore(title: string): string {
  let s = title.replace(/[\s\u3000*]+/g, '');
  for (let i = 0; i < 2 && TRAILING_NOTE.test(s); i++) s = s.replace(TRAILING_NOTE, '');
  return s;
}

/** The genre a title names, if it ends with one of the fifteen genre words. */
export function genreOf(title: string): GenreInfo | undefined {
  const core = titleCore(title);
  for (const [word, genre] of GENRE_WORDS) {
    if (!core.endsWith(word)) continue;
    // 令 alone ends many words (条令, 法令 inside titles are rare; 命令/令 titles are short): accept only `…令`.
    if (word === '令' && !/(命令|令)$/.test(core)) continue;
    const label = /(实施意见|指导意见|若干意见)$/.exec(core)?.[1] ?? word;
    const info: GenreInfo = { genre, label };
    if (genre === '通知') {
      // The verb before the carried document: 关于印发…的通知, 转发…的通知, 批转…的通知, 发布….
      const m = /(?:^|关于|[局厅府委部室院会])(转发|批转|印发|发布)/.exec(core);
      if (m) info.action = m[1] as NoticeAction;
    }
    return info;
  }
  return undefined;
}

/**
 * Words that end the title of a document a notice carries or attaches (the 事由's document kind):
 * 实施方案, 管理办法, 应急预案 … Used to tell a part's title from a short body line.
 */
export const DOCUMENT_KIND = /(方案|办法|预案|细则|规定|规则|意见|计划|规划|纲要|要点|措施|制度|指引|标准|准则|通知|报告|决定|公告|通告|批复|请示|清单|名单|名录|导则|章程|条例|意见书|基准)$/;
