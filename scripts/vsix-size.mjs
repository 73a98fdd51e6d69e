// Prints the size of the packaged extension (npm run package) and what it holds, so a bundle that
// suddenly grows (a dependency left unbundled, a data file slipped in) is noticed at once.
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const file = process.argv[2] ?? 'gongwen.vsix';
const bytes = fs.statSync(file).size;
let entries = '';
try {
  // A .vsix is a zip; unzip -l is informational only, absent on some machines.
  entries = execFileSync('unzip', ['-l', file], { encoding: 'utf8' }).trim().split('\n').pop() ?? '';
} catch {
  entries = '';
}
const m = /^\s*(\d+)\s+(\d+) files?/.exec(entries);
const inside = m ? `; ${m[2]} files, ${(Number(m[1]) / 1024).toFixed(1)} KiB unpacked` : '';
console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)${inside}`);
