/** The model: scenario types and validation, the simulation, metrics. Pure, no I/O. */
export * from './scenario/schema';
export { parseScenario, ScenarioError } from './scenario/validate';
export { evaluateCurve, tabulateCurve, type Curve } from './scenario/curves';
export { allFigures, calibrated, figure, provenance, type CalibrationFigure } from './scenario/calibration';
export { simulate, type SimulateOptions } from './simulate';
export type { RunResult, ProverLedgers } from './result';
export { DAILY_COLUMNS, DAILY_COLUMN_NAMES, CLASS_COLUMNS, type DailyColumn, type DailySeries, type ClassColumn, type ClassSeries, type ColumnDef } from './columns';
export * as metrics from './metrics';
export { Rng, deriveSeed, hashString } from './random';
export { createMechanism, type Mechanism, type DayOutcome } from './mechanisms';
export { summarize, type RunSummary } from './summary';
