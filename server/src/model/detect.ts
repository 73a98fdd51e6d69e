/**
 * Does a plain-text file look like a notice (通知) or the plan (实施方案 / 实施意见) it issues?
 * The VS Code client asks this when a `plaintext` document opens, to switch it to `gongwen`.
 * Pure and cheap: it runs on every plain-text file the user opens, so it reads a bounded prefix
 * and every pattern is bounded (no nested quantifiers).
 */

/** Only this many characters from the start are examined. */
export const DETECT_MAX_CHARS = 8 * 1024;
/** Only this many non-blank lines from the start are examined: the notice elements stand at the top. */
export const DETECT_MAX_LINES = 40;

/**
 * 发文字号 (GB/T 9704-2012 §7.2.5): 机关代字 + 〔year〕 + serial + 号. Wrong brackets ([] 【】 () （）),
 * stray spaces and a `第` are accepted here: a malformed 文号 is still a notice, and the rules report it.
 */
const DOC_NUMBER = /[\u4e00-\u9fffA-Za-z]{1,12}[ \t\u3000]{0,3}[〔\[【(（﹝［][ \t\u3000]{0,3}(?:19|20)\d\d[ \t\u3000]{0,3}[〕\]】)）﹞］][ \t\u3000]{0,3}第?[ \t\u3000]{0,3}\d{1,4}[ \t\u3000]{0,3}号/;

/** The title of an issuing notice: 关于印发《…》的通知. */
const ISSUING = '关于印发';

/** A plan title line: short, ending in 实施方案 / 实施意见, optionally followed by its period `（2021—2025年）`. */
const PLAN_TITLE = /(?:实施方案|实施意见)(?:[(（][^()（）]{0,20}[)）])?$/;
const PLAN_TITLE_MAX_LENGTH = 60;

/** Markup a PDF or Word export leaves around a line: `**bold**`, spaces, ideographic spaces. */
function isEdgeNoise(code: number): boolean {
  return code <= 32 || code === 0x3000 || code === 0x2a /* * */ || code === 0xfeff;
}

/** Trim by hand: a trailing `\s+$` regex backtracks quadratically on a long run of spaces. */
function trimNoise(line: string): string {
  let a = 0;
  let b = line.length;
  while (a < b && isEdgeNoise(line.charCodeAt(a))) a++;
  while (b > a && isEdgeNoise(line.charCodeAt(b - 1))) b--;
  return line.slice(a, b);
}

export function looksLikeGongwen(text: string): boolean {
  const head = text.length > DETECT_MAX_CHARS ? text.slice(0, DETECT_MAX_CHARS) : text;
  let seen = 0;
  let start = 0;
  while (start <= head.length && seen < DETECT_MAX_LINES) {
    let end = head.indexOf('\n', start);
    if (end < 0) end = head.length;
    const line = trimNoise(head.slice(start, end));
    start = end + 1;
    if (line === '') continue;
    seen++;
    if (line.includes(ISSUING)) return true;
    if (DOC_NUMBER.test(line)) return true;
    if (line.length <= PLAN_TITLE_MAX_LENGTH && PLAN_TITLE.test(line)) return true;
  }
  return false;
}
