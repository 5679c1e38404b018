/**
 * The one look shared by every chart: a colour-blind-safe palette (Okabe and Ito's eight colours,
 * then four of Paul Tol's muted ones for comparisons of many mechanisms), quiet grids, titles on the
 * left, legends under the plot so long labels do not squeeze it.
 */
import type { Layout, PlotConfig } from './figure';

/** Series colours, in order of use. */
export const PALETTE: readonly string[] = [
  '#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000',
  '#882255', '#44AA99', '#999933', '#AA4499',
];

/** Colour of the i-th series (the palette repeats beyond twelve). */
export function seriesColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** A `#rrggbb` colour with transparency, for uncertainty bands and fills. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`withAlpha: expected a #rrggbb colour, got "${hex}"`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return `rgba(${r},${g},${b},${alpha})`;
}

const FONT = { family: 'Inter, "Helvetica Neue", Arial, sans-serif', size: 13, color: '#222222' };
const GRID = '#e6e6e6';

/** Axis style shared by every cartesian axis. */
export function axisStyle(title?: string): Record<string, unknown> {
  return {
    title: title === undefined ? undefined : { text: title, standoff: 8 },
    gridcolor: GRID,
    linecolor: '#999999',
    zeroline: false,
    ticks: 'outside',
    tickcolor: '#999999',
    automargin: true,
  };
}

/** Default figure height in pixels; charts with subplots or long legends ask for more. */
export const DEFAULT_HEIGHT_PX = 440;

/** The base layout of every chart; `extra` is merged over it (nested objects merged, not replaced). */
export function themedLayout(title: string, extra: Layout = {}): Layout {
  const base: Layout = {
    // Aligned with the plot area, not the figure's edge (where the first letter would be clipped).
    title: { text: title, x: 0, xref: 'paper', xanchor: 'left', font: { size: 16 } },
    font: FONT,
    colorway: [...PALETTE],
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    height: DEFAULT_HEIGHT_PX,
    autosize: true,
    margin: { l: 64, r: 24, t: 56, b: 48 },
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.18, yanchor: 'top' },
    hoverlabel: { font: { family: FONT.family } },
    xaxis: axisStyle(),
    yaxis: axisStyle(),
  };
  return mergeLayout(base, extra);
}

/** Deep merge of plain objects; arrays and other values in `over` replace those in `base`. */
export function mergeLayout(base: Layout, over: Layout): Layout {
  const out: Layout = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeLayout(current, value) : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Interaction options: resize with the page, no plotly logo, PNG export at report resolution. */
export function themedConfig(): PlotConfig {
  return { responsive: true, displaylogo: false, toImageButtonOptions: { format: 'png', scale: 2 } };
}
