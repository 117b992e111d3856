/** The q-quantile (0..1) of a list of milliseconds, rounded to 0.1 ms; 0 for an empty list. */
export function percentile(values: number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round((sorted[i] as number) * 10) / 10;
}
