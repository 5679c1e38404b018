/**
 * Plotly figure specs as plain JSON: what every chart function returns. Nothing here touches a DOM,
 * so figures can be built in Node (notebooks, reports, tests) and drawn wherever plotly.js runs.
 * The types are deliberately loose (plotly has hundreds of attributes) but name the ones we use.
 */

/** One plotly trace. Arrays are plain arrays: JSON.stringify turns typed arrays into objects. */
export interface Trace {
  type: string;
  name?: string;
  x?: Array<number | string | null>;
  y?: Array<number | string | null>;
  z?: Array<Array<number | null>>;
  [attribute: string]: unknown;
}

/** Plotly layout (title, axes, legend, shapes, annotations, ...). */
export type Layout = Record<string, unknown>;

/** Plotly config (interaction options). */
export type PlotConfig = Record<string, unknown>;

/** A chart: what `Plotly.newPlot(element, data, layout, config)` takes. */
export interface Figure {
  data: Trace[];
  layout: Layout;
  config?: PlotConfig;
}

/** A plain array of finite numbers or null (plotly's gap), from any array-like of numbers. */
export function plainNumbers(values: ArrayLike<number>): Array<number | null> {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isFinite(values[i]) ? values[i] : null;
  return out;
}

/**
 * Whether every line of a figure is flat: each scatter trace with at least two finite y values holds
 * one value throughout (its band edges included). A chart of flat lines says nothing a sentence
 * would not. Bars, heatmaps and figures without such traces are not "flat".
 */
export function everySeriesFlat(figure: Figure): boolean {
  const lines = figure.data
    .filter((t) => t.type === 'scatter' && Array.isArray(t.y))
    .map((t) => (t.y as Array<number | string | null>).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))
    .filter((ys) => ys.length >= 2);
  return lines.length > 0 && lines.every((ys) => ys.every((v) => v === ys[0]));
}
