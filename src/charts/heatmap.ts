/**
 * Sweep heatmaps: a metric over a grid of two parameters. Inputs are plain arrays (or points), so
 * any sweep, in-process or from the experiments module, can feed them.
 */
import type { Figure } from './figure';
import { quantile } from '../stats';
import { axisStyle, themedConfig, themedLayout } from './theme';

/** A parameter value on a heatmap axis. */
export type HeatmapValue = number | string;

/** A metric on a grid: z[j][i] is the value at x = xValues[i], y = yValues[j] (NaN where missing). */
export interface HeatmapGrid {
  xValues: HeatmapValue[];
  yValues: HeatmapValue[];
  z: number[][];
}

/**
 * Collects scattered points (possibly several per grid cell, e.g. one per seed) into a grid, each
 * cell holding the median (or mean) of its points. Axis values are sorted (numbers numerically).
 */
export function gridFromPoints(points: ReadonlyArray<{ x: HeatmapValue; y: HeatmapValue; value: number }>, aggregate: 'median' | 'mean' = 'median'): HeatmapGrid {
  const xValues = sortedUnique(points.map((p) => p.x));
  const yValues = sortedUnique(points.map((p) => p.y));
  const cells = new Map<string, number[]>();
  for (const p of points) {
    const key = `${xValues.indexOf(p.x)},${yValues.indexOf(p.y)}`;
    const list = cells.get(key);
    if (list) list.push(p.value);
    else cells.set(key, [p.value]);
  }
  const z = yValues.map((_, j) =>
    xValues.map((_, i) => {
      const values = cells.get(`${i},${j}`);
      if (!values) return NaN;
      return aggregate === 'median' ? quantile(values, 0.5) : values.reduce((a, v) => a + v, 0) / values.length;
    }),
  );
  return { xValues, yValues, z };
}

function sortedUnique(values: HeatmapValue[]): HeatmapValue[] {
  const unique = [...new Set(values)];
  const numeric = unique.every((v) => typeof v === 'number');
  return numeric ? (unique as number[]).sort((a, b) => a - b) : unique.map(String).sort();
}

export interface HeatmapOptions {
  title: string;
  xName: string;
  yName: string;
  /** Name and unit of the metric, for the colour bar. */
  metric: string;
  /** "higher is worse" metrics (delays, concentration) read better with the scale reversed. */
  reverseScale?: boolean;
  /** d3 format of the numbers written in the cells (default 3 significant digits, no exponents); null: none. */
  cellFormat?: string | null;
  /**
   * The values the colour scale spans (default: this grid's own). Heatmaps meant to be read side by
   * side take one range (heatmapRange over all their grids), so a colour means one value in all.
   */
  zRange?: [number, number];
}

/** The range of the finite values of several grids: one colour scale for heatmaps shown together. */
export function heatmapRange(grids: readonly HeatmapGrid[]): [number, number] {
  const values = grids.flatMap((g) => g.z.flat()).filter(Number.isFinite);
  if (values.length === 0) return [0, 1];
  return [Math.min(...values), Math.max(...values)];
}

/** A heatmap of a metric over two swept parameters, values written in the cells. */
export function sweepHeatmap(grid: HeatmapGrid, options: HeatmapOptions): Figure {
  if (grid.z.length !== grid.yValues.length) throw new Error(`sweepHeatmap: z has ${grid.z.length} rows for ${grid.yValues.length} y values`);
  grid.z.forEach((row, j) => {
    if (row.length !== grid.xValues.length) throw new Error(`sweepHeatmap: z row ${j} has ${row.length} cells for ${grid.xValues.length} x values`);
  });
  const cellFormat = options.cellFormat === undefined ? ',.3~r' : options.cellFormat;
  return {
    data: [
      {
        type: 'heatmap',
        // Category axes: swept values are often uneven (1, 3, 10, 30) and should get equal cells.
        x: grid.xValues.map(String),
        y: grid.yValues.map(String),
        z: grid.z.map((row) => row.map((v) => (Number.isFinite(v) ? v : null))),
        colorscale: 'Viridis',
        ...(options.zRange ? { zmin: options.zRange[0], zmax: options.zRange[1], zauto: false } : {}),
        reversescale: options.reverseScale ?? false,
        colorbar: { title: { text: options.metric, side: 'right' }, thickness: 14 },
        texttemplate: cellFormat === null ? undefined : `%{z:${cellFormat}}`,
        hovertemplate: `${options.xName} %{x}<br>${options.yName} %{y}<br>${options.metric}: %{z:.4~g}<extra></extra>`,
        xgap: 1,
        ygap: 1,
      },
    ],
    layout: themedLayout(options.title, {
      xaxis: { ...axisStyle(options.xName), type: 'category', gridcolor: 'rgba(0,0,0,0)' },
      yaxis: { ...axisStyle(options.yName), type: 'category', gridcolor: 'rgba(0,0,0,0)' },
    }),
    config: themedConfig(),
  };
}
