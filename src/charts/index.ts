/**
 * Charts: typed functions turning results into plotly figure specs (plain JSON, no DOM) with one
 * theme, and HTML rendering of those specs (offline: the plotly bundle comes from node_modules).
 */
export * from './figure';
export * from './theme';
export * from './axes';
export * from './stats';
export * from './bands';
export * from './shares';
export * from './lorenz';
export * from './comparison';
export * from './heatmap';
export * from './histogram';
export * from './scorecard';
export * from './html';
export { plotlyBundleSource, plotlyVersion } from './plotly-bundle';
