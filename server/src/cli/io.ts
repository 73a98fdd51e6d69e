/** Where the CLI writes, and whether it may colour its output. Kept apart so the rest stays pure. */
import * as path from 'node:path';

export interface CliIo {
  out(text: string): void;
  /**
   * The same for text already in UTF-8, in pieces written one after the other (`lint --format json`'s entries,
   * encoded where each file was linted): no decode and encode again of ~11 MB for 1,000 files (issue #18).
   * Without it, the pieces are decoded for `out`.
   */
  outBytes?(pieces: readonly Uint8Array[]): void;
  err(text: string): void;
  /** ANSI colour on stdout: only on a terminal, and never when NO_COLOR is set (no-color.org). */
  colour: boolean;
  /** How the user called the CLI, for the commands it suggests: `gongwen`, or `node dist/cli.js` from a checkout. */
  program?: string;
}

export function processIo(): CliIo {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    out: (text) => process.stdout.write(text),
    outBytes: (pieces) => {
      for (const piece of pieces) process.stdout.write(piece);
    },
    err: (text) => process.stderr.write(text),
    colour: Boolean(process.stdout.isTTY) && !noColor,
    program: programName(process.argv[1]),
  };
}

/** `gongwen` when run through the installed bin; `node dist/cli.js` (relative to the working folder) when run as a file. */
export function programName(script: string | undefined): string {
  if (!script || !/\.[cm]?js$/.test(script)) return 'gongwen';
  const rel = path.relative(process.cwd(), script);
  return `node ${rel.startsWith('..') ? script : rel}`;
}

export type Colour = 'red' | 'yellow' | 'blue' | 'dim' | 'bold';
const CODES: Record<Colour, [number, number]> = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22] };

/** A painter that is the identity when colour is off. */
export function painter(enabled: boolean): (colour: Colour, text: string) => string {
  return (colour, text) => (enabled ? `\x1b[${CODES[colour][0]}m${text}\x1b[${CODES[colour][1]}m` : text);
}
