/**
 * Experiments: Monte Carlo seeds and parameter sweeps (grid, Latin hypercube, design tables) run
 * in worker threads, streamed to CSV, resumable, shardable across machines, and summarized per point.
 */
export { runSweep, type RunnerOptions, type SweepHooks, type SweepResult } from './sweep';
export { planSweep, replicateSeed, runSpec, type SweepOptions, type SweepPlan } from './plan';
export { mergeShards, type MergeResult } from './merge';
export { buildDesign, type DesignOptions, type DesignSpec, type SweepDesign } from './design';
export { cartesian, parseGridOption } from './grid';
export { latinHypercube, parseRangeOption, parseSampleOption, type ParamRange } from './lhs';
export { parseShard, type Shard } from './shard';
export { pointKey, type ParamValue } from './params';
export { consoleProgress, progressLine, type ProgressListener, type SweepProgress } from './progress';
export { paramLevels, tornadoRows, type TornadoRow } from './tornado';
export { readTable, type TableRow } from './tables';
export { pointsFrame, runsFrame, sweepDailyFrame, tornadoFrame, type SweepSource } from './frames';
export { SweepError } from './errors';
export { DAILY_FILE, MANIFEST_FILE, POINTS_FILE, RUNS_FILE, TORNADO_FILE } from './layout';
export type { SweepManifest } from './manifest';
