/**
 * A scorecard: options (mechanisms) by metrics in one table-like chart. Each cell prints its value;
 * its colour says how it ranks within its metric's column, from the worst (light) to the best
 * (dark), so a row reads at a glance without the colour standing for a unit. Metrics where neither
 * direction is better are printed on a neutral background.
 */
import type { Figure } from './figure';
import { axisStyle, themedConfig, themedLayout } from './theme';

export interface ScorecardMetric {
  name: string;
  /** One value per row (e.g. the median over seeds). */
  values: readonly number[];
  /** Which way is better; undefined: neither (the cells stay neutral). */
  better?: 'higher' | 'lower';
  /** The text of a value in its cell. */
  format: (value: number) => string;
}

export interface ScorecardOptions {
  title: string;
}

/** Column names as short lines (plotly reads <br> in tick labels): narrow columns, no overlap. */
function wrap(name: string, width = 11): string {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('<br>');
}

/** How a value ranks in its column: 1 the best, 0 the worst, 0.5 when all are equal; null when missing. */
export function columnScores(values: readonly number[], better?: 'higher' | 'lower'): Array<number | null> {
  const finite = values.filter(Number.isFinite);
  const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
  return values.map((v) => {
    if (!Number.isFinite(v)) return null;
    if (better === undefined || hi === lo) return 0.5;
    const t = (v - lo) / (hi - lo);
    return better === 'higher' ? t : 1 - t;
  });
}

/** Rows by metric columns, each cell its value, coloured by its rank within the column. */
export function scorecardChart(rows: readonly string[], metrics: readonly ScorecardMetric[], options: ScorecardOptions): Figure {
  if (rows.length === 0 || metrics.length === 0) throw new Error('scorecardChart: need at least one row and one metric');
  for (const m of metrics) {
    if (m.values.length !== rows.length) throw new Error(`scorecardChart: metric "${m.name}" has ${m.values.length} values for ${rows.length} rows`);
  }
  const columns = metrics.map((m) => m.name);
  const longest = Math.max(...columns.map((c) => wrap(c).split('<br>').length));
  const scores = metrics.map((m) => columnScores(m.values, m.better));
  // Plotly draws the first row at the bottom: reverse so the table reads top down.
  const order = rows.map((_, r) => r).reverse();
  // Neutral metrics and ties sit at the middle of the scale (its near-white).
  const z = order.map((r) => metrics.map((_, c) => scores[c][r]));
  const text = order.map((r) => metrics.map((m) => (Number.isFinite(m.values[r]) ? m.format(m.values[r]) : 'n/a')));
  return {
    data: [
      {
        type: 'heatmap',
        x: columns.map(wrap),
        y: order.map((r) => rows[r]),
        xgap: 2,
        ygap: 2,
        showscale: false,
        hoverinfo: 'skip',
        z,
        zmin: 0,
        zmax: 1,
        // Light for the worst of a column, dark blue for the best (Okabe and Ito's blue).
        colorscale: [[0, '#fbe3d6'], [0.5, '#f7f7f7'], [1, '#9ecae1']],
        text,
        texttemplate: '%{text}',
        textfont: { size: 13 },
      },
    ],
    layout: themedLayout(options.title, {
      xaxis: { ...axisStyle(), side: 'top', type: 'category', gridcolor: 'rgba(0,0,0,0)', tickangle: 0, automargin: true },
      yaxis: { ...axisStyle(), type: 'category', gridcolor: 'rgba(0,0,0,0)', automargin: true },
      height: Math.max(260, 90 + 18 * longest + 38 * rows.length),
      margin: { t: 60 + 18 * longest },
      title: { y: 0.99, yanchor: 'top' },
    }),
    config: themedConfig(),
  };
}
