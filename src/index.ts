/**
 * prover-sim: an agent-based model of ZK-rollup prover reward markets.
 *
 * - model: scenarios, the simulation, metrics (pure, no I/O)
 * - io: loading presets and overrides, writing CSV and manifests
 * - frames: results as danfojs DataFrames
 * - experiments: Monte Carlo and parameter sweeps in worker threads, shards, merge, summaries
 * - compare: mechanisms side by side on the same random environment (common random numbers)
 * - robustness: where each conclusion of the comparison holds as its assumptions move
 * - charts, notebook: plotly figure specs and tslab display helpers
 * - report: forum-ready reports (Markdown, HTML, PNG/SVG charts, data)
 */
export * from './model';
export * from './io';
export * from './frames';
export * from './experiments';
export * from './compare';
export * from './robustness';
export * from './charts';
export * from './notebook';
export { exportReport, ReportError, DEFAULT_REPORT_SEEDS, type ReportOptions, type ReportResult } from './report';
