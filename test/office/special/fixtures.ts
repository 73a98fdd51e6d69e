/**
 * The crafted 函, 令 and 纪要 whose renders special-check.ts measures (GB/T 9704-2012 §10): each file, the
 * format its genre gives, and what its 版头 must read. The texts are written for these checks (no real 函,
 * 令 or 纪要 is among test/real/docs); the 函 runs over two pages and ends on an even one, so its 版记
 * follows a blank page.
 */
import * as path from 'node:path';
import type { ExportFormat } from '../../../server/src/export/special';

export interface SpecialFixture {
  file: string;
  format: Exclude<ExportFormat, 'general'>;
  logo: string;
  number?: string;
}

export const SPECIAL_FIXTURES: readonly SpecialFixture[] = [
  { file: path.join(__dirname, 'letter.txt'), format: 'letter', logo: '青禾市交通运输局', number: '青交函〔2024〕56号' },
  { file: path.join(__dirname, 'order.txt'), format: 'order', logo: '青禾市人民政府令', number: '第18号' },
  { file: path.join(__dirname, 'minutes.txt'), format: 'minutes', logo: '青禾市人民政府常务会议纪要', number: '青政纪〔2024〕5号' },
];
