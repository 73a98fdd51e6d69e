/**
 * V8 settings for the CLI, applied once, before the bundle is compiled (issue #18).
 *
 * `--no-regexp-tier-up`: by default V8 first compiles each regular expression to bytecode for its
 * interpreter, then, from its second use, compiles it again to machine code. The rules and the parser
 * run each of their ~480 patterns over every block, so nearly every one is compiled twice; compiled to
 * machine code at once, a one-seed `gongwen lint` does ~8 % fewer instructions (callgrind, main thread,
 * 441–448 M → 404–408 M). Matching is the same; only when the machine code is made changes.
 *
 * `--no-turbo-inlining --interrupt-budget=135168`: a CLI run is short, and on a folder each thread meets
 * the same ~300 hot functions cold. Optimising them (TurboFan, on V8's background threads) took longer than
 * running them: over 500 seed-sized documents one thread's optimised compiles added up to ~2.4 s, the
 * largest (unit order, unit analysis, block building) 40–100 ms each, most of it spent on inlined callees.
 * Without inlining, and with functions optimised after twice as much work as V8's default (67,584), a
 * `lint --format json` over 1,000 documents takes 0.84× the time and 0.83× the CPU (farm-bench, 6 pairs);
 * a 1 MB document 0.96× (CPU 0.87×), and a 10 MB document and one seed the same as before
 * (docs/performance.md, seventh session). What is computed is the same; only how V8 compiles it changes.
 *
 * `--no-turbo-loop-peeling --no-turbo-escape`: two TurboFan passes that cost compile time a short run does not win
 * back: 1,000 documents 0.976× wall and 0.972× CPU (farm-bench, 8 pairs, after the settings above), 10 MB 0.97×;
 * the other two passes tried with them (load elimination, node splitting) changed nothing.
 *
 * Set before the CLI bundle is compiled, so the code cache (cli-start.ts) is made and read under the same
 * flags (V8 rejects a cache made under other flags). For the same reason a built-in module of Node first
 * loaded after this call is compiled without Node's own code cache: cli-start.ts loads worker_threads first.
 * The server does not call it (server-start.ts says why).
 */
import * as v8 from 'node:v8';

export function tuneEngine(): void {
  v8.setFlagsFromString('--no-regexp-tier-up --no-turbo-inlining --interrupt-budget=135168 --no-turbo-loop-peeling --no-turbo-escape');
}
