/**
 * One-at-a-time sensitivity (the tornado table): for each swept parameter and each metric, the
 * metric's mean over seeds with that parameter at its lowest and highest value and every other
 * parameter at its baseline. On a full grid these points were run and are read off ("grid"); for
 * sampled designs (Latin hypercube, design files) they were not, and a linear least-squares fit of
 * the point means on the numeric parameters predicts them ("linear-fit").
 */
import type { SweepDesign } from './design';
import { pointKey, type ParamValue } from './params';

export interface TornadoRow {
  metric: string;
  parameter: string;
  low: ParamValue;
  baseline: ParamValue;
  high: ParamValue;
  /** The metric with the parameter at low, at baseline and at high (others at baseline). */
  atLow: number;
  atBaseline: number;
  atHigh: number;
  /** |atHigh - atLow|: the bar's length. */
  swing: number;
  method: 'grid' | 'linear-fit';
}

/** Column names and order of tornado.csv. */
export const TORNADO_COLUMNS = ['metric', 'parameter', 'low', 'baseline', 'high', 'at_low', 'at_baseline', 'at_high', 'swing', 'method'] as const;

/** Each parameter's lowest, baseline and highest value in the design. */
export interface ParamLevels {
  low: ParamValue;
  baseline: ParamValue;
  high: ParamValue;
  numeric: boolean;
}

/**
 * Low and high are the smallest and largest values swept (the first and last listed for text); the
 * baseline is the base scenario's value when the design holds it, else the median swept value.
 */
export function paramLevels(design: SweepDesign): ParamLevels[] {
  return design.paths.map((_, j) => {
    const seen = new Set<ParamValue>();
    for (const p of design.points) seen.add(p[j]);
    const values = [...seen];
    const numeric = values.every((v) => typeof v === 'number');
    const ordered = numeric ? (values as number[]).slice().sort((a, b) => a - b) : values;
    const median = ordered[Math.floor((ordered.length - 1) / 2)];
    return { low: ordered[0], baseline: seen.has(design.baseValues[j]) ? design.baseValues[j] : median, high: ordered[ordered.length - 1], numeric };
  });
}

/**
 * The tornado rows of every metric. `means[point * metrics.length + m]` is metric m's mean over the
 * point's seeds (NaN when it has none).
 */
export function tornadoRows(design: SweepDesign, metrics: readonly string[], means: Float64Array): TornadoRow[] {
  const levels = paramLevels(design);
  const baseline = levels.map((l) => l.baseline);
  const index = new Map<string, number>();
  design.points.forEach((p, i) => {
    const key = pointKey(design.paths, p);
    if (!index.has(key)) index.set(key, i);
  });
  const lookup = (values: ParamValue[]) => index.get(pointKey(design.paths, values));
  const numericCols = levels.map((l, j) => (l.numeric ? j : -1)).filter((j) => j >= 0);
  const fits = metrics.map((_, m) => fitLinear(design, numericCols, (i) => means[i * metrics.length + m]));

  const rows: TornadoRow[] = [];
  metrics.forEach((metric, m) => {
    const rowsOfMetric: TornadoRow[] = [];
    const at = (point: number | undefined) => (point === undefined ? NaN : means[point * metrics.length + m]);
    design.paths.forEach((parameter, j) => {
      const lowValues = baseline.slice();
      lowValues[j] = levels[j].low;
      const highValues = baseline.slice();
      highValues[j] = levels[j].high;
      const exact = [lookup(lowValues), lookup(baseline), lookup(highValues)];
      let values: number[];
      let method: TornadoRow['method'];
      if (exact.every((i) => i !== undefined)) {
        values = exact.map(at);
        method = 'grid';
      } else {
        const fit = fits[m];
        if (!fit || numericCols.length !== design.paths.length) return;
        values = [lowValues, baseline, highValues].map((v) => fit(v as number[]));
        method = 'linear-fit';
      }
      const [atLow, atBaseline, atHigh] = values;
      const { low, high } = levels[j];
      rowsOfMetric.push({ metric, parameter, low, baseline: baseline[j], high, atLow, atBaseline, atHigh, swing: Math.abs(atHigh - atLow), method });
    });
    // Longest bar first, as a tornado chart draws them; NaN swings last.
    rowsOfMetric.sort((a, b) => (Number.isNaN(a.swing) ? 1 : 0) - (Number.isNaN(b.swing) ? 1 : 0) || b.swing - a.swing || (a.parameter < b.parameter ? -1 : 1));
    rows.push(...rowsOfMetric);
  });
  return rows;
}

/**
 * Least-squares fit y = b0 + sum_j b_j x_j over the points with a finite y, on standardized
 * columns (so that parameters in dollars and in shares do not make the system ill-conditioned).
 * Returns a predictor over full value rows, or undefined when the points cannot determine it.
 */
function fitLinear(design: SweepDesign, cols: number[], y: (point: number) => number): ((values: number[]) => number) | undefined {
  const rows: number[] = [];
  design.points.forEach((_, i) => {
    if (Number.isFinite(y(i))) rows.push(i);
  });
  const center = cols.map((j) => rows.reduce((s, i) => s + (design.points[i][j] as number), 0) / rows.length);
  const scale = cols.map((j, k) => Math.sqrt(rows.reduce((s, i) => s + ((design.points[i][j] as number) - center[k]) ** 2, 0) / rows.length));
  const used = cols.map((_, k) => k).filter((k) => scale[k] > 0);
  const p = used.length + 1;
  if (rows.length < p + 1) return undefined;
  const feature = (values: number[], k: number) => (k === 0 ? 1 : (values[cols[used[k - 1]]] - center[used[k - 1]]) / scale[used[k - 1]]);
  // Normal equations (X'X) b = X'y, p is small (one per swept parameter).
  const a = Array.from({ length: p }, () => new Float64Array(p + 1));
  for (const i of rows) {
    const values = design.points[i] as number[];
    for (let r = 0; r < p; r++) {
      const fr = feature(values, r);
      for (let c = 0; c < p; c++) a[r][c] += fr * feature(values, c);
      a[r][p] += fr * y(i);
    }
  }
  const b = solve(a);
  if (!b) return undefined;
  return (values) => {
    let s = 0;
    for (let k = 0; k < p; k++) s += b[k] * feature(values, k);
    return s;
  };
}

/** Solves an augmented system by Gaussian elimination with partial pivoting; undefined if singular. */
function solve(a: Float64Array[]): Float64Array | undefined {
  const n = a.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12 * Math.max(1, Math.abs(a[0][0]))) return undefined;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  return Float64Array.from(a, (row, i) => row[n] / row[i]);
}
