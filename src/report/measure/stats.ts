/**
 * Statistics over seeds: the median and the 5-95% interval a report shows, plus the mean, with the
 * same quantile definition as the charts' bands and the sweeps' points.csv (linear interpolation,
 * Hyndman and Fan type 7), so the table, the charts and a sweep of the same runs agree.
 */
import { quantile } from '../../stats';

export interface Interval {
  median: number;
  p5: number;
  p95: number;
  mean: number;
  /** Values that went in (seeds with a value). */
  n: number;
}

export function intervalOf(values: ArrayLike<number>): Interval {
  const finite = Array.from(values).filter((v) => Number.isFinite(v));
  const mean = finite.length ? finite.reduce((a, v) => a + v, 0) / finite.length : NaN;
  return { median: quantile(finite, 0.5), p5: quantile(finite, 0.05), p95: quantile(finite, 0.95), mean, n: finite.length };
}

/** Whether two intervals share any value (their difference is then within the spread of the seeds). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.p5 <= b.p95 && b.p5 <= a.p95;
}

/** Intervals of every metric present in the per-seed values (a missing value counts as no value). */
export function intervals(values: ReadonlyArray<Record<string, number>>): Record<string, Interval> {
  const keys = new Set(values.flatMap((v) => Object.keys(v)));
  const out: Record<string, Interval> = {};
  for (const key of keys) out[key] = intervalOf(values.map((v) => v[key] ?? NaN));
  return out;
}
