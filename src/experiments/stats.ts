/** Statistics over a point's replicates. */

/** Mean of the values (NaN for none). */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/**
 * The p-quantile of sorted values, interpolating linearly between order statistics (Hyndman and
 * Fan's type 7, the default of numpy, pandas and R), so our intervals match what users compute.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Mean, median and the 5-95% interval of a sample. */
export interface SampleStats {
  mean: number;
  median: number;
  p5: number;
  p95: number;
}

export function sampleStats(values: readonly number[]): SampleStats {
  const sorted = Float64Array.from(values).sort();
  return { mean: mean(sorted), median: quantileSorted(sorted, 0.5), p5: quantileSorted(sorted, 0.05), p95: quantileSorted(sorted, 0.95) };
}

/** The statistics each metric gets in points.csv, in column order (column = metric_stat). */
export const STAT_NAMES: ReadonlyArray<keyof SampleStats> = ['mean', 'median', 'p5', 'p95'];
