/**
 * The one quantile definition of prover-sim: linear interpolation between order statistics
 * (Hyndman and Fan's type 7, the default of numpy, pandas and R), so that the numbers we print match
 * what a user computes from our CSV files. Every summary over seeds uses it: points.csv of a sweep
 * (experiments/stats), the compare table and its per-day bands (compare/quantiles), the charts'
 * bands, comparison bars and heatmap medians (charts/stats), and the report's intervals (report/stats).
 */

/**
 * Quantile q in [0, 1] of values already sorted in increasing order, interpolated linearly between
 * the order statistics around position (n - 1) * q. NaN for an empty list; a RangeError for q
 * outside [0, 1]. NaN values must be left out by the caller (a typed-array sort puts them last).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Quantile q of values in any order, NaN values left out (NaN when none is left). */
export function quantile(values: ArrayLike<number>, q: number): number {
  const finite = Array.from(values).filter((v) => !Number.isNaN(v));
  finite.sort((a, b) => a - b);
  return quantileSorted(finite, q);
}
