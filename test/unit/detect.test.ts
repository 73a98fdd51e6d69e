import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DETECT_MAX_CHARS, DETECT_MAX_LINES, looksLikeGongwen } from '../../server/src/model/detect';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

/** `n` lines of ordinary Chinese prose that carry none of the signals. */
function prose(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `第${i + 1}段：今天天气晴朗，我们去公园散步，看到很多人在放风筝。`);
}

describe('looksLikeGongwen', () => {
  it('finds all five seeds', () => {
    assert.equal(seedFiles.length, 5);
    for (const f of seedFiles) {
      assert.equal(looksLikeGongwen(fs.readFileSync(path.join(SEEDS, f), 'utf8')), true, f);
    }
  });

  it('finds each signal on its own', () => {
    assert.equal(looksLikeGongwen('乳政发〔2022〕6号\n'), true);
    assert.equal(looksLikeGongwen('文号：淄政办发〔2016〕10 号'), true, 'stray space before 号');
    assert.equal(looksLikeGongwen('济兖政字 [2022] 14号'), true, 'square brackets and spaces');
    assert.equal(looksLikeGongwen('平政字【2022】第21号'), true, '【】 and 第');
    assert.equal(looksLikeGongwen('威科字（2024）8号'), true, 'full-width parentheses');
    assert.equal(looksLikeGongwen('**关于印发《某某实施意见》的通知**'), true);
    assert.equal(looksLikeGongwen('\r\n\r\n　　乳山市全民科学素质行动规划纲要实施方案\r\n'), true);
    assert.equal(looksLikeGongwen('实施方案（2021—2025年）\n'), true, 'title with its period');
  });

  it('rejects ordinary text', () => {
    assert.equal(looksLikeGongwen(''), false);
    assert.equal(looksLikeGongwen('\n\n   \n'), false);
    assert.equal(looksLikeGongwen('The quick brown fox jumps over the lazy dog.\nSection 1 (2022) 6 items.\n'), false);
    assert.equal(looksLikeGongwen(prose(20).join('\n')), false);
    assert.equal(looksLikeGongwen('我们讨论了这个实施方案。\n大家认为本实施方案可行，请各单位提出实施意见。'), false, 'mentions, not titles');
    assert.equal(looksLikeGongwen('会议在3号楼召开，时间是2022年6月（暂定）。'), false, 'numbers and 号 without a bracketed year');
  });

  it('rejects a 200 KB single line, even with a 文号 past the 8 KB prefix', () => {
    const long = '的'.repeat(100_000) + '乳政发〔2022〕6号' + ' '.repeat(100_000) + 'x';
    assert.ok(long.length > 200_000);
    assert.equal(looksLikeGongwen(long), false);
  });

  it('does not look past the first 40 non-blank lines', () => {
    const lines = prose(59);
    lines.push('乳政发〔2022〕6号');
    assert.equal(lines.length, 60);
    assert.equal(looksLikeGongwen(lines.join('\n')), false);
    // The same 文号 on the last line examined is found, and blank lines do not count.
    const near = prose(DETECT_MAX_LINES - 1);
    near.push('乳政发〔2022〕6号');
    assert.equal(looksLikeGongwen(near.join('\n\n\n')), true);
    const past = prose(DETECT_MAX_LINES);
    past.push('乳政发〔2022〕6号');
    assert.equal(looksLikeGongwen(past.join('\n')), false, 'line 41');
  });

  it('does not look past the first 8 KB', () => {
    const filler = '　'.repeat(DETECT_MAX_CHARS) + '\n';
    assert.equal(looksLikeGongwen(filler + '乳政发〔2022〕6号'), false);
  });
});
