/**
 * A title broken over lines "in a balanced way" (GB/T 9704-2012 §7.3.1: 回行时要做到词意完整，排列对称，
 * 长短适宜，间距恰当，标题排列应当使用梯形或菱形): lines of nearly equal width, upper lines not longer
 * than lower ones, never a break inside a figure, before a closing mark or after an opening one.
 */

/** Width in characters: a CJK or full-width character is 1, an ASCII one ½. */
export function widthOf(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

const NO_LINE_START = /^[，。、；：？！）》〕」』”’—·…%0-9A-Za-z）]/;
const NO_LINE_END = /[（《〔「『“‘]$/;

/** How bad a break between `before` and `after` is (0 is a good place). */
function breakCost(before: string, after: string): number {
  if (NO_LINE_START.test(after) || NO_LINE_END.test(before)) return 100;
  if (/[0-9A-Za-z]$/.test(before) && /^[0-9A-Za-z]/.test(after)) return 100;
  // Where a title's sense breaks: after the issuer and 关于, after 印发/转发, before the genre.
  if (/(关于|印发|转发|批转|发布|人民政府|委员会|办公室|办公厅|\s)$/.test(before) || /^(关于|的(通知|意见|函|通报|报告|请示|批复|决定))/.test(after)) return 0;
  // Before the kind of document (实施方案, 行动计划) or its period in parentheses: the name stays whole.
  if (/^(实施方案|实施意见|实施细则|工作方案|行动方案|行动计划|管理办法|暂行办法|（[0-9])/.test(after)) return 2;
  if (/[）》〕”、]$/.test(before) || /^《/.test(after)) return 4;
  // Inside a 《…》 or （…）, or inside a word (which without a dictionary we cannot tell): avoid.
  return 20;
}

/** The lines of a title at most `max` characters wide. */
export function balanceTitle(title: string, max: number): string[] {
  const chars = Array.from(title);
  const total = widthOf(title);
  if (total <= max) return [title];
  // One more line than the fewest is taken when it breaks where the sense breaks and the fewest cannot.
  const fewest = Math.ceil(total / max);
  const a = linesOf(chars, fewest, max);
  const b = linesOf(chars, fewest + 1, max);
  if (!a && !b) return [title];
  if (!a || (b && b.cost + 4 < a.cost)) return b!.lines;
  return a.lines;
}

function linesOf(chars: string[], lines: number, max: number): { lines: string[]; cost: number } | undefined {
  const total = widthOf(chars.join(''));
  const target = total / lines;
  const n = chars.length;
  const prefix = [0];
  for (const c of chars) prefix.push(prefix[prefix.length - 1] + widthOf(c));
  // best[k][i]: least cost of putting chars[0, i) on k lines; widths kept to make upper lines not longer.
  const best: number[][] = Array.from({ length: lines + 1 }, () => new Array(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: lines + 1 }, () => new Array(n + 1).fill(-1));
  best[0][0] = 0;
  for (let k = 1; k <= lines; k++) {
    for (let i = 1; i <= n; i++) {
      for (let j = k - 1; j < i; j++) {
        if (best[k - 1][j] === Infinity) continue;
        const w = prefix[i] - prefix[j];
        if (w > max) continue;
        let cost = best[k - 1][j] + 0.25 * (w - target) ** 2;
        if (i < n) cost += breakCost(chars.slice(0, i).join(''), chars.slice(i).join(''));
        // A trapezoid: a line wider than the one below it costs (its width over the next is judged there).
        const prev = k > 1 ? prefix[j] - prefix[from[k - 1][j]] : 0;
        if (prev > w) cost += 2 * (prev - w);
        if (cost < best[k][i]) {
          best[k][i] = cost;
          from[k][i] = j;
        }
      }
    }
  }
  if (best[lines][n] === Infinity) return undefined;
  const out: string[] = [];
  for (let k = lines, i = n; k > 0; k--) {
    const j = from[k][i];
    out.unshift(chars.slice(j, i).join(''));
    i = j;
  }
  return { lines: out, cost: best[lines][n] };
}

/**
 * §7.2.4, 联合行文: "如有'文件'二字，应当置于发文机关名称右侧，以联署发文机关名称为准上下居中排布" — the issuers'
 * names stacked, the first (主办机关) on top, and 文件 to their right, centred on them. A 标志 of two or more
 * names followed by 文件 (content.ts writes one a line); undefined for any other 标志.
 */
export function jointLogo(text: string): { names: string[]; suffix: string } | undefined {
  const lines = text.split('\n');
  return lines.length >= 3 && lines[lines.length - 1] === '文件' ? { names: lines.slice(0, -1), suffix: '文件' } : undefined;
}
