/**
 * A tornado chart of a sweep's one-at-a-time sensitivity (tornado.csv): one horizontal bar per swept
 * parameter from the metric at the parameter's low value to its value at the high one, drawn around
 * the baseline, longest first. Not in src/charts (owned by the charts module); it uses its theme.
 */
import type { Figure, Trace } from '../../charts/figure';
import { axisStyle, seriesColor, themedConfig, themedLayout } from '../../charts/theme';
import { plotlyText } from '../escape';

export interface TornadoBar {
  parameter: string;
  low: string;
  high: string;
  atLow: number;
  atBaseline: number;
  atHigh: number;
}

/** Bars for the low and high ends of each parameter, relative to the baseline value of the metric. */
export function tornadoChart(bars: readonly TornadoBar[], options: { title: string }): Figure {
  // Plotly draws the first category at the bottom: reverse so the longest bar is on top.
  const ordered = [...bars].reverse();
  const y = ordered.map((b) => plotlyText(b.parameter));
  const baseline = ordered.length ? ordered[0].atBaseline : 0;
  const end = (which: 'low' | 'high', i: number): Trace => ({
    type: 'bar',
    orientation: 'h',
    name: which === 'low' ? 'parameter at its lowest value' : 'parameter at its highest value',
    y,
    x: ordered.map((b) => (which === 'low' ? b.atLow : b.atHigh) - b.atBaseline),
    base: ordered.map((b) => b.atBaseline),
    marker: { color: seriesColor(i) },
    customdata: ordered.map((b) => plotlyText(which === 'low' ? b.low : b.high)),
    hovertemplate: `%{y} = %{customdata}<extra></extra>`,
  });
  return {
    data: [end('low', 0), end('high', 1)],
    layout: themedLayout(options.title, {
      barmode: 'overlay',
      // The metric is in the title; an axis title here would collide with the legend below.
      xaxis: axisStyle(),
      yaxis: { ...axisStyle(), type: 'category', automargin: true },
      height: Math.max(280, 150 + 48 * bars.length),
      shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: baseline, x1: baseline, y0: 0, y1: 1, line: { color: '#444444', width: 1 } }],
    }),
    config: themedConfig(),
  };
}
