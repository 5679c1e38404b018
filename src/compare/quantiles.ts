/** Quantiles over seeds: the median and a 5-95% interval of a handful of values. */

/** Quantile q of values sorted in increasing order, linearly interpolated between ranks (0 when empty). */
export function quantileLinear(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median and 5% / 95% quantiles of the values. */
export interface Band {
  median: number;
  p05: number;
  p95: number;
}

export function band(values: ArrayLike<number>): Band {
  const sorted = Float64Array.from(values).sort();
  return { median: quantileLinear(sorted, 0.5), p05: quantileLinear(sorted, 0.05), p95: quantileLinear(sorted, 0.95) };
}
