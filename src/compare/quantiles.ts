/** Quantiles over seeds: the median and a 5-95% interval of a handful of values. */
import { quantileSorted } from '../stats';

/**
 * The shared linear-interpolation quantile (src/stats), under the name the compare module has
 * exported since it was written. The same definition as points.csv of a sweep and the charts.
 */
export { quantileSorted as quantileLinear } from '../stats';

/** Median and 5% / 95% quantiles of the values. */
export interface Band {
  median: number;
  p05: number;
  p95: number;
}

export function band(values: ArrayLike<number>): Band {
  const sorted = Float64Array.from(values).sort();
  return { median: quantileSorted(sorted, 0.5), p05: quantileSorted(sorted, 0.05), p95: quantileSorted(sorted, 0.95) };
}
