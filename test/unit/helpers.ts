/** Shared helpers for the unit tier: seed loading, range text, fixtures with expectations. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');
export const FIXTURES_DIR = path.join(ROOT, 'test', 'fixtures');

export function seedPath(prefix: string): string {
  const name = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return path.join(SEEDS_DIR, name);
}

export function readSeed(prefix: string): string {
  return fs.readFileSync(seedPath(prefix), 'utf8');
}

/** Offset of an LSP position in `text` (lines split on CRLF, LF or CR, as the parser does). */
export function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.slice(offset).search(/\r\n|\n|\r/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + character;
}

export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start.line, range.start.character), offsetAt(text, range.end.line, range.end.character));
}

export interface Fixture {
  name: string;
  text: string;
  /** `line rule-id` pairs (1-based lines) from the trailing `%% <line> <rule-id>` lines. */
  expected: string[];
}

/**
 * A fixture is a small document followed by expectation lines `%% <line> <rule-id>`.
 * The expectation lines stand at the end, so stripping them moves no position above.
 */
export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.gw'))
    .sort()
    .map((name) => {
      const all = fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8').split('\n');
      const expected = all.filter((l) => l.startsWith('%% ')).map((l) => l.slice(3).trim().replace(/\s+/g, ' '));
      const text = all.filter((l) => !l.startsWith('%% ')).join('\n');
      return { name, text, expected: expected.sort() };
    });
}
