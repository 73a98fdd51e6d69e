/** Summary statistics for the benchmarks: median, spread (min–max and p10–p90), percentiles. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** `median (p10–p90, n=N)`, each with `digits` decimals and `unit`. */
export function spread(values: readonly number[], unit: string, digits = 1): string {
  const f = (v: number) => v.toFixed(digits);
  return `${f(median(values))} ${unit} (p10–p90 ${f(percentile(values, 10))}–${f(percentile(values, 90))}, n=${values.length})`;
}

/** CPU ms of this process since `since`. */
export function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}
