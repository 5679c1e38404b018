/** Small statistics the charts need: quantiles over seeds, rolling means, the time axis in years. */
import { quantileSorted } from '../stats';

// One quantile definition for the sweeps, compare, report and charts (src/stats); re-exported here
// because the library offers `quantile` and `quantileSorted` next to the charts.
export { quantile, quantileSorted } from '../stats';

/** Days per model year (the model steps in days of a 365-day year). */
export const DAYS_PER_YEAR = 365;

/** Median and an interval over runs, point by point. */
export interface QuantileBand {
  median: number[];
  low: number[];
  high: number[];
}

/**
 * Point-by-point median and [lowQ, highQ] quantiles over runs (one series per seed, all of the same
 * length): the uncertainty band of a Monte Carlo experiment.
 */
export function quantileBand(runs: ReadonlyArray<ArrayLike<number>>, lowQ = 0.05, highQ = 0.95): QuantileBand {
  if (runs.length === 0) throw new Error('quantileBand: no runs');
  if (!(lowQ <= 0.5 && highQ >= 0.5)) throw new RangeError(`quantileBand: need lowQ <= 0.5 <= highQ, got ${lowQ}, ${highQ}`);
  const length = runs[0].length;
  runs.forEach((r, i) => {
    if (r.length !== length) throw new Error(`quantileBand: run ${i} has ${r.length} points, run 0 has ${length}`);
  });
  const band: QuantileBand = { median: new Array(length), low: new Array(length), high: new Array(length) };
  const column = new Float64Array(runs.length);
  for (let t = 0; t < length; t++) {
    for (let k = 0; k < runs.length; k++) column[k] = runs[k][t];
    column.sort();
    // Typed-array sort puts NaN last; quantiles are taken over the finite head only.
    let n = runs.length;
    while (n > 0 && Number.isNaN(column[n - 1])) n--;
    const finite = column.subarray(0, n);
    band.median[t] = quantileSorted(finite, 0.5);
    band.low[t] = quantileSorted(finite, lowQ);
    band.high[t] = quantileSorted(finite, highQ);
  }
  return band;
}

/**
 * Trailing mean over the last `window` points (fewer at the start, so the series keeps its length
 * and its first value): daily metrics such as win shares are too noisy to read day by day.
 */
export function rollingMean(values: ArrayLike<number>, window: number): Float64Array {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`rollingMean: window must be a positive integer, got ${window}`);
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= window) sum -= values[i - window];
    out[i] = sum / Math.min(i + 1, window);
  }
  return out;
}

/** The time axis of a daily series in years since day 0. */
export function yearsAxis(days: number): number[] {
  return Array.from({ length: days }, (_, d) => d / DAYS_PER_YEAR);
}
