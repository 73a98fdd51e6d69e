/** Binary search over anything in order: the model and the rules look things up by position often. */

/**
 * The first index in `[lo, hi)` for which `test` holds, where `test` is false up to some index and
 * true from there on (a sorted array asked "is this at or past x?"); `hi` when it never holds.
 */
export function firstIndex(lo: number, hi: number, test: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
