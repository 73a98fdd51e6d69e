/**
 * `lint --format json` put together from the files' entries in UTF-8 (cli/parallel.ts `LintJsonOutcome`): the
 * bytes of `joinLintJson` over the same entries as text, as the pieces to write one after the other. Neither the
 * text nor one buffer of the whole is made: for 1,000 files that was ~11 MB decoded and encoded again, or copied
 * into new memory, on the printing thread after the last file (~60 ms, issue #18).
 */
const OPEN = Buffer.from('[\n  ');
const BETWEEN = Buffer.from(',\n  ');
const CLOSE = Buffer.from('\n]\n');
const EMPTY = Buffer.from('[]\n');

export function lintJsonPieces(entries: readonly Uint8Array[]): Uint8Array[] {
  if (entries.length === 0) return [EMPTY];
  const pieces: Uint8Array[] = [OPEN];
  entries.forEach((entry, i) => {
    if (i > 0) pieces.push(BETWEEN);
    pieces.push(entry);
  });
  pieces.push(CLOSE);
  return pieces;
}
