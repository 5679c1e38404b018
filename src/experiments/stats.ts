/** Statistics over a point's replicates (quantiles: linear interpolation, see src/stats). */
import { quantileSorted } from '../stats';

/** Mean of the values (NaN for none). */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
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
