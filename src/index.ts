/**
 * prover-sim: an agent-based model of ZK-rollup prover reward markets.
 *
 * - model: scenarios, the simulation, metrics (pure, no I/O)
 * - io: loading presets and overrides, writing CSV and manifests
 * - frames: results as danfojs DataFrames
 */
export * from './model';
export * from './io';
export * from './frames';
export * from './charts';
export * from './notebook';
export { exportReport, ReportError, DEFAULT_REPORT_SEEDS, type ReportOptions, type ReportResult } from './report';
