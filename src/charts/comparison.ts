/**
 * Several runs or mechanisms side by side: one small panel per metric, one bar per label at the
 * median over seeds, with whiskers from the 5th to the 95th percentile.
 */
import type { RunSummary } from '../model';
import type { Figure, Layout, Trace } from './figure';
import { quantile } from '../stats';
import { axisStyle, seriesColor, themedConfig, themedLayout } from './theme';

export interface ComparisonMetric {
  name: string;
  unit?: string;
  /** values[l][k]: the metric for label l in run (seed) k. */
  values: ReadonlyArray<ArrayLike<number>>;
  /**
   * Panels with the same group share one y range (e.g. every money panel), so a small amount looks
   * small next to a large one instead of filling its own panel.
   */
  scaleGroup?: string;
}

export interface ComparisonOptions {
  title: string;
  /** Panels per row (default 3). */
  columns?: number;
  lowQuantile?: number;
  highQuantile?: number;
}

/** Horizontal or vertical extent [from, to] of panel i of n, with a gap between panels. */
export function panelDomain(i: number, n: number, gap: number): [number, number] {
  const size = (1 - gap * (n - 1)) / n;
  const from = i * (size + gap);
  return [round(from), round(from + size)];
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Bars with percentile whiskers, one panel per metric. */
export function comparisonChart(labels: readonly string[], metrics: readonly ComparisonMetric[], options: ComparisonOptions): Figure {
  if (labels.length === 0 || metrics.length === 0) throw new Error('comparisonChart: need at least one label and one metric');
  const lowQ = options.lowQuantile ?? 0.05;
  const highQ = options.highQuantile ?? 0.95;
  const columns = Math.min(options.columns ?? 3, metrics.length);
  const rows = Math.ceil(metrics.length / columns);
  // Fixed pixel sizes, so panels keep their height and the gaps fit a panel title whatever the rows.
  const marginTopPx = 80;
  const marginBottomPx = 70;
  const panelPx = 230;
  const rowGapPx = 70;
  const plotPx = rows * panelPx + (rows - 1) * rowGapPx;
  const rowGap = rows > 1 ? rowGapPx / plotPx : 0;
  const data: Trace[] = [];
  const layout: Layout = {};
  const annotations: Array<Record<string, unknown>> = [];
  const groupRanges = sharedRanges(metrics, lowQ, highQ);
  metrics.forEach((m, p) => {
    if (m.values.length !== labels.length) throw new Error(`comparisonChart: metric "${m.name}" has values for ${m.values.length} labels, expected ${labels.length}`);
    const suffix = p === 0 ? '' : String(p + 1);
    const row = Math.floor(p / columns);
    const col = p % columns;
    const xDomain = panelDomain(col, columns, 0.08);
    // Rows are laid out top to bottom; plotly's y domain runs bottom to top.
    const [y0, y1] = panelDomain(row, rows, rowGap);
    const yDomain: [number, number] = [round(1 - y1), round(1 - y0)];
    const medians = m.values.map((v) => quantile(v, 0.5));
    const lows = m.values.map((v) => quantile(v, lowQ));
    const highs = m.values.map((v) => quantile(v, highQ));
    const spread = m.values.some((v) => v.length > 1);
    labels.forEach((label, l) => {
      data.push({
        type: 'bar', name: label, legendgroup: label, showlegend: p === 0, x: [label], y: [medians[l]],
        marker: { color: seriesColor(l) }, xaxis: `x${suffix}`, yaxis: `y${suffix}`,
        error_y: spread ? { type: 'data', symmetric: false, array: [highs[l] - medians[l]], arrayminus: [medians[l] - lows[l]], color: '#444444', thickness: 1.2, width: 6 } : undefined,
        hovertemplate: `${label}: %{y:.4~g}${m.unit ? ` ${m.unit}` : ''}${spread ? ` (median; ${Math.round(lowQ * 100)}-${Math.round(highQ * 100)}%: ${fmt(lows[l])} to ${fmt(highs[l])})` : ''}<extra>${m.name}</extra>`,
      });
    });
    layout[`xaxis${suffix}`] = { ...axisStyle(), domain: xDomain, anchor: `y${suffix}`, showticklabels: false, ticks: '' };
    const range = m.scaleGroup === undefined ? undefined : groupRanges.get(m.scaleGroup);
    layout[`yaxis${suffix}`] = { ...axisStyle(m.unit), domain: yDomain, anchor: `x${suffix}`, ...(range ? { range } : { rangemode: 'tozero' }) };
    annotations.push({
      text: `<b>${m.name}</b>`, showarrow: false, xref: 'paper', yref: 'paper', x: (xDomain[0] + xDomain[1]) / 2, y: yDomain[1],
      xanchor: 'center', yanchor: 'bottom', font: { size: 13 },
    });
  });
  return {
    data,
    layout: themedLayout(options.title, {
      ...layout, annotations, height: marginTopPx + plotPx + marginBottomPx, margin: { t: marginTopPx, b: marginBottomPx }, bargap: 0.25,
      legend: { y: -24 / plotPx, yanchor: 'top' },
    }),
    config: themedConfig(),
  };
}

/** The y range shared by each scale group: zero and every bar and whisker of its panels, with a margin. */
function sharedRanges(metrics: readonly ComparisonMetric[], lowQ: number, highQ: number): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const m of metrics) {
    if (m.scaleGroup === undefined) continue;
    const ends = m.values.flatMap((v) => [quantile(v, lowQ), quantile(v, 0.5), quantile(v, highQ)]).filter(Number.isFinite);
    const [lo, hi] = out.get(m.scaleGroup) ?? [0, 0];
    out.set(m.scaleGroup, [Math.min(lo, ...ends), Math.max(hi, ...ends)]);
  }
  for (const [group, [lo, hi]] of out) {
    const pad = 0.05 * (hi - lo || 1);
    out.set(group, [lo < 0 ? lo - pad : 0, hi + pad]);
  }
  return out;
}

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : 'n/a');

/** RunSummary fields that are plain numbers (the ones a comparison can show). */
export type NumericSummaryKey = { [K in keyof RunSummary]: RunSummary[K] extends number ? K : never }[keyof RunSummary];

/**
 * Comparison of summaries: `runs` holds, per label, the summaries of its seeds; each metric names a
 * RunSummary field and how to title it.
 */
export function summaryComparisonChart(
  runs: ReadonlyArray<{ label: string; summaries: readonly RunSummary[] }>,
  metrics: ReadonlyArray<{ key: NumericSummaryKey; name: string; unit?: string }>,
  options: ComparisonOptions,
): Figure {
  return comparisonChart(
    runs.map((r) => r.label),
    metrics.map((m) => ({ name: m.name, unit: m.unit, values: runs.map((r) => r.summaries.map((s) => s[m.key])) })),
    options,
  );
}
