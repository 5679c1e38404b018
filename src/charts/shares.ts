/**
 * Who does the work over time: shares of the largest provers, pools or classes as stacked areas
 * summing to 100%, with everyone else folded into one "others" band.
 */
import type { ClassColumn, RunResult } from '../model';
import { plainNumbers, type Figure, type Trace } from './figure';
import { rollingMean, yearsAxis } from './stats';
import { axisStyle, seriesColor, themedConfig, themedLayout } from './theme';

/** A labelled series of amounts (proofs won, rewards) over time. */
export interface NamedSeries {
  label: string;
  values: ArrayLike<number>;
}

export interface StackedShares {
  labels: string[];
  /** Whether the last label is the "others" band (more series than `top`). */
  hasOthers: boolean;
  /** shares[k][t]: share of series k at point t; at each t they sum to 1 (or are all 0 when nothing happened). */
  shares: number[][];
}

/**
 * Shares of the `top` largest series (by total over the whole horizon, largest first) and of all
 * the others together, point by point. Points with no activity at all get zero shares.
 */
export function stackedShares(series: readonly NamedSeries[], top = 5, othersLabel = 'others'): StackedShares {
  if (series.length === 0) return { labels: [], hasOthers: false, shares: [] };
  const length = series[0].values.length;
  series.forEach((s) => {
    if (s.values.length !== length) throw new Error(`stackedShares: "${s.label}" has ${s.values.length} points, "${series[0].label}" has ${length}`);
  });
  const totals = series.map((s) => Array.from(s.values).reduce((a, v) => a + v, 0));
  const order = series.map((_, i) => i).sort((a, b) => totals[b] - totals[a] || a - b);
  const kept = order.slice(0, top);
  const rest = order.slice(top);
  const labels = kept.map((i) => series[i].label);
  if (rest.length > 0) labels.push(othersLabel);
  const shares = labels.map(() => new Array<number>(length).fill(0));
  for (let t = 0; t < length; t++) {
    let total = 0;
    for (const s of series) total += s.values[t];
    if (!(total > 0)) continue;
    kept.forEach((i, k) => (shares[k][t] = series[i].values[t] / total));
    if (rest.length > 0) {
      let others = 0;
      for (const i of rest) others += series[i].values[t];
      shares[kept.length][t] = others / total;
    }
  }
  return { labels, hasOthers: rest.length > 0, shares };
}

/** A per-class column of a run, one named series per class. */
export function classSeries(result: RunResult, column: ClassColumn = 'proofs_won'): NamedSeries[] {
  const days = result.days;
  const values = result.classes.series[column];
  return result.classes.ids.map((_, c) => ({ label: result.classes.labels[c], values: values.subarray(c * days, (c + 1) * days) }));
}

/** Grey for the folded-together rest, so it never looks like one more big prover. */
const OTHERS_COLOR = '#9e9e9e';

export interface ShareChartOptions {
  title: string;
  /** How many of the largest series to show on their own (default 5). */
  top?: number;
  /** Trailing mean applied to the amounts before shares are taken (default 30 days). */
  smoothDays?: number;
  x?: ArrayLike<number>;
  xTitle?: string;
  yTitle?: string;
}

/** Stacked areas of the shares of the largest series over time. */
export function shareChart(series: readonly NamedSeries[], options: ShareChartOptions): Figure {
  const smooth = options.smoothDays ?? 30;
  const smoothed = series.map((s) => ({ label: s.label, values: smooth > 1 ? rollingMean(s.values, smooth) : s.values }));
  const { labels, hasOthers, shares } = stackedShares(smoothed, options.top ?? 5);
  const length = shares[0]?.length ?? 0;
  const x = options.x ? plainNumbers(options.x) : yearsAxis(length);
  const data: Trace[] = labels.map((label, k) => ({
    type: 'scatter', mode: 'lines', name: label, x, y: shares[k], stackgroup: 'shares',
    line: { width: 0.5, color: hasOthers && k === labels.length - 1 ? OTHERS_COLOR : seriesColor(k) },
    hovertemplate: `${label}: %{y:.1%}<extra></extra>`,
  }));
  return {
    data,
    layout: themedLayout(options.title, {
      xaxis: axisStyle(options.xTitle ?? 'years'),
      yaxis: { ...axisStyle(options.yTitle ?? `share${smooth > 1 ? ` (${smooth}-day mean)` : ''}`), tickformat: '.0%', range: [0, 1] },
      hovermode: 'x unified',
    }),
    config: themedConfig(),
  };
}
