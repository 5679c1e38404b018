/** Time series with uncertainty over seeds: the median as a line, the 5-95% interval as a band. */
import type { DailyColumn, RunResult } from '../model';
import { durationUnit, logAxis, type AxisKind } from './axes';
import { plainNumbers, type Figure, type Trace } from './figure';
import { quantileBand, rollingMean, yearsAxis } from './stats';
import { axisStyle, seriesColor, themedConfig, themedLayout, withAlpha } from './theme';

/** One labelled quantity observed over several runs (seeds). */
export interface BandSeries {
  label: string;
  /** One series per run, all of the same length. */
  runs: ReadonlyArray<ArrayLike<number>>;
  color?: string;
}

export interface BandChartOptions {
  title: string;
  yTitle: string;
  /** x values; default: years since day 0 for daily series. */
  x?: ArrayLike<number>;
  xTitle?: string;
  /** Lower and upper quantiles of the band (default 0.05 and 0.95). */
  lowQuantile?: number;
  highQuantile?: number;
  yType?: 'linear' | 'log';
  /**
   * What the values measure: durations in hours are shown in the unit that reads best (a linear
   * axis is rescaled to it and titled with it; a log axis is labelled at round durations); shares
   * label log decades as percentages. Default 'number'.
   */
  yKind?: AxisKind;
  /** 0 starts the y axis at zero (counts, shares); absent, the axis fits the data. */
  yMin?: 0;
  /** Horizontal reference lines (a deadline, a threshold), in the data's unit, each labelled. */
  refLines?: ReadonlyArray<{ y: number; label: string }>;
}

/**
 * A daily column of several runs, optionally smoothed by a trailing mean of `smoothDays` days
 * before the quantiles are taken (so the band shows spread between seeds, not day-to-day noise).
 */
export function dailyRuns(results: readonly RunResult[], column: DailyColumn, smoothDays = 1): Float64Array[] {
  return results.map((r) => (smoothDays > 1 ? rollingMean(r.daily[column], smoothDays) : r.daily[column]));
}

/** Median lines with shaded quantile bands, one per series. */
export function bandChart(series: readonly BandSeries[], options: BandChartOptions): Figure {
  if (series.length === 0) throw new Error('bandChart: no series');
  const lowQ = options.lowQuantile ?? 0.05;
  const highQ = options.highQuantile ?? 0.95;
  const data: Trace[] = [];
  const bands = series.map((s) => quantileBand(s.runs, lowQ, highQ));
  const log = options.yType === 'log';
  // A linear duration axis in the unit of its largest value ("minutes" rather than "0.01 hours").
  const unit = options.yKind === 'durationHours' && !log ? durationUnit(Math.max(0, ...bands.flatMap((b) => [...b.high, ...b.median].filter(Number.isFinite)))) : undefined;
  const scale = (values: number[]) => (unit && unit.perHour !== 1 ? values.map((v) => v * unit.perHour) : values);
  const hoverUnit = unit ? ` ${unit.unit}` : options.yKind === 'durationHours' ? ' h' : '';
  series.forEach((s, i) => {
    const band = { median: scale(bands[i].median), low: scale(bands[i].low), high: scale(bands[i].high) };
    const x = options.x ? plainNumbers(options.x) : yearsAxis(band.median.length);
    if (x.length !== band.median.length) throw new Error(`bandChart: ${x.length} x values for ${band.median.length} points in "${s.label}"`);
    const color = s.color ?? seriesColor(i);
    const group = `band-${i}`;
    const spread = s.runs.length > 1;
    if (spread) {
      // The band is two traces: an invisible lower edge, then the upper edge filled down to it.
      data.push({ type: 'scatter', mode: 'lines', x, y: plainNumbers(band.low), line: { width: 0, color }, legendgroup: group, showlegend: false, hoverinfo: 'skip' });
      data.push({
        type: 'scatter', mode: 'lines', x, y: plainNumbers(band.high), line: { width: 0, color }, fill: 'tonexty', fillcolor: withAlpha(color, 0.2),
        legendgroup: group, showlegend: false, hoverinfo: 'skip', name: `${s.label} ${Math.round(lowQ * 100)}-${Math.round(highQ * 100)}%`,
      });
    }
    data.push({
      type: 'scatter', mode: 'lines', x, y: plainNumbers(band.median), line: { width: 2, color }, legendgroup: group,
      name: spread ? `${s.label} (median of ${s.runs.length})` : s.label,
      hovertemplate: `${s.label}: %{y:.3~g}${hoverUnit}<extra></extra>`,
    });
  });
  const yaxis: Record<string, unknown> = log
    ? { ...axisStyle(options.yTitle), ...logAxis(bands.flatMap((b) => [...b.low, ...b.median, ...b.high]), options.yKind) }
    : { ...axisStyle(unit ? unit.unit : options.yTitle), type: 'linear' };
  if (options.yMin === 0) yaxis.rangemode = 'tozero';
  const refs = options.refLines ?? [];
  const refY = (y: number) => (unit ? y * unit.perHour : y);
  const shapes = refs.map((r) => ({ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: refY(r.y), y1: refY(r.y), line: { color: '#D55E00', dash: 'dot', width: 1.5 } }));
  // On a log axis, an annotation's y is the log of the value.
  const annotations = refs.map((r) => ({ xref: 'paper', x: 1, xanchor: 'right', yref: 'y', y: log ? Math.log10(refY(r.y)) : refY(r.y), yanchor: 'bottom', text: r.label, showarrow: false, font: { color: '#D55E00' } }));
  if (log && refs.length) {
    // The axis's ticks must reach the lines too.
    Object.assign(yaxis, logAxis([...bands.flatMap((b) => [...b.low, ...b.median, ...b.high]), ...refs.map((r) => r.y)], options.yKind));
  }
  return {
    data,
    layout: themedLayout(options.title, { xaxis: axisStyle(options.xTitle ?? 'years'), yaxis, hovermode: 'x unified', ...(refs.length ? { shapes, annotations } : {}) }),
    config: themedConfig(),
  };
}
