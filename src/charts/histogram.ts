/**
 * Finality delay distributions from a run's log-binned histogram: one step line per run or
 * mechanism on a log time axis, as the share of proven batches per bin, with the deadline marked.
 */
import { durationText, logAxis } from './axes';
import type { Figure, Trace } from './figure';
import { axisStyle, seriesColor, themedConfig, themedLayout } from './theme';

/** A run's `finalityHistogram`: bin k holds delays in [edgesHours[k], edgesHours[k+1]). */
export interface DelayHistogramData {
  edgesHours: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/** Sums histograms with the same bins (e.g. the seeds of one configuration). */
export function mergeHistograms(histograms: readonly DelayHistogramData[]): { edgesHours: number[]; counts: number[] } {
  if (histograms.length === 0) throw new Error('mergeHistograms: no histograms');
  const edges = Array.from(histograms[0].edgesHours);
  const counts = new Array<number>(histograms[0].counts.length).fill(0);
  for (const h of histograms) {
    if (h.edgesHours.length !== edges.length || Array.from(h.edgesHours).some((e, k) => e !== edges[k])) {
      throw new Error('mergeHistograms: histograms have different bins');
    }
    for (let k = 0; k < counts.length; k++) counts[k] += h.counts[k];
  }
  return { edgesHours: edges, counts };
}

/** First and last non-empty bin over all histograms ([-1, -1] when all are empty). */
export function occupiedBinRange(histograms: readonly DelayHistogramData[]): [number, number] {
  let first = -1;
  let last = -1;
  for (const h of histograms) {
    for (let k = 0; k < h.counts.length; k++) {
      if (h.counts[k] > 0) {
        if (first < 0 || k < first) first = k;
        if (k > last) last = k;
      }
    }
  }
  return [first, last];
}

/**
 * What the y axis shows: the share of batches in each bin, the share proven within x hours, or the
 * share that took at least x hours (on a log axis: the rare long delays of failures stay visible).
 */
export type HistogramView = 'perBin' | 'cumulative' | 'exceedance';

export interface FinalityHistogramOptions {
  title: string;
  /** Proving deadline to mark, hours. */
  deadlineHours?: number;
  /** Default 'perBin'. */
  view?: HistogramView;
}

const Y_TITLES: Record<HistogramView, string> = {
  perBin: 'share of proven batches',
  cumulative: 'share proven within',
  exceedance: 'share taking at least',
};

/** Step lines of the share of proven batches by finality delay, log time axis. */
export function finalityHistogramChart(runs: ReadonlyArray<{ label: string; histogram: DelayHistogramData }>, options: FinalityHistogramOptions): Figure {
  const view = options.view ?? 'perBin';
  const [first, last] = occupiedBinRange(runs.map((r) => r.histogram));
  const data: Trace[] = [];
  if (first >= 0) {
    // One empty bin either side, so each step line starts and ends at zero.
    const from = Math.max(0, first - 1);
    runs.forEach((r, i) => {
      const counts = r.histogram.counts;
      const to = Math.min(counts.length - 1, last + 1);
      let total = 0;
      for (let k = 0; k < counts.length; k++) total += counts[k];
      const x: number[] = [];
      const y: Array<number | null> = [];
      let below = 0;
      for (let k = 0; k < from; k++) below += counts[k];
      for (let k = from; k <= to; k++) {
        const atLeast = total - below;
        below += counts[k];
        x.push(r.histogram.edgesHours[k]);
        const value = view === 'perBin' ? counts[k] : view === 'cumulative' ? below : atLeast;
        // A log axis cannot show zero: exceedance ends where no batch is left.
        y.push(total > 0 && !(view === 'exceedance' && value === 0) ? value / total : view === 'exceedance' ? null : 0);
      }
      // The last step needs its right edge.
      x.push(r.histogram.edgesHours[to + 1]);
      y.push(y[y.length - 1]);
      data.push({
        type: 'scatter', mode: 'lines', name: `${r.label} (${total.toLocaleString('en-US')} batches)`, x, y,
        line: { shape: 'hv', width: 2, color: seriesColor(i) },
        customdata: x.map(durationText),
        hovertemplate: `${view === 'cumulative' ? 'within' : view === 'exceedance' ? 'at least' : 'from'} %{customdata}: %{y:.3~%}<extra>${r.label}</extra>`,
      });
    });
  }
  const shapes: Array<Record<string, unknown>> = [];
  const annotations: Array<Record<string, unknown>> = [];
  if (options.deadlineHours !== undefined) {
    shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: options.deadlineHours, x1: options.deadlineHours, y0: 0, y1: 1, line: { color: '#D55E00', dash: 'dot', width: 1.5 } });
    annotations.push({ x: Math.log10(options.deadlineHours), xref: 'x', y: 1, yref: 'paper', text: `deadline ${durationText(options.deadlineHours)}`, showarrow: false, xanchor: 'left', yanchor: 'top', font: { color: '#D55E00' } });
  }
  if (first < 0) annotations.push({ text: 'no proven batches', showarrow: false, xref: 'paper', yref: 'paper', x: 0.5, y: 0.5 });
  return {
    data,
    layout: themedLayout(options.title, {
      xaxis: { ...axisStyle('finality delay (log scale)'), ...logAxis([...data.flatMap((t) => t.x as number[]), ...(options.deadlineHours ? [options.deadlineHours] : [])], 'durationHours') },
      yaxis: view === 'exceedance'
        ? { ...axisStyle(Y_TITLES[view]), ...logAxis(data.flatMap((t) => t.y as Array<number | null>), 'share') }
        : { ...axisStyle(Y_TITLES[view]), tickformat: '.0%', rangemode: 'tozero' },
      shapes,
      annotations,
    }),
    config: themedConfig(),
  };
}
