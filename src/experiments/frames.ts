/**
 * A sweep's tables as danfojs DataFrames for notebooks: points (statistics per parameter point),
 * tornado rows, runs (one row per run) and daily rows (filtered, as daily.csv can be very large).
 */
import type { DataFrame } from 'danfojs';
import * as path from 'path';
import { frameFromRows } from '../frames';
import { DAILY_FILE, POINTS_FILE, RUNS_FILE } from './layout';
import { readTable, type TableRow } from './tables';
import type { TornadoRow } from './tornado';

/** Something that holds a sweep's output folder: a SweepResult or MergeResult, or the folder path. */
export type SweepSource = string | { outDir: string };

const dirOf = (source: SweepSource) => (typeof source === 'string' ? source : source.outDir);

/** points.csv: one row per parameter point with mean, median, p5 and p95 of every metric. */
export function pointsFrame(source: SweepSource | { points?: TableRow[]; outDir: string }): DataFrame {
  const rows = typeof source !== 'string' && 'points' in source && source.points ? source.points : readTable(path.join(dirOf(source), POINTS_FILE));
  return frameFromRows(rows);
}

/** The tornado table (one row per metric and parameter, longest swing first within a metric). */
export function tornadoFrame(rows: readonly TornadoRow[], metric?: string): DataFrame {
  return frameFromRows(rows.filter((r) => metric === undefined || r.metric === metric).map((r) => ({ ...r, low: String(r.low), baseline: String(r.baseline), high: String(r.high) })));
}

/** runs.csv: one row per run (identity, parameters, headline numbers). */
export function runsFrame(source: SweepSource): DataFrame {
  return frameFromRows(readTable(path.join(dirOf(source), RUNS_FILE)));
}

/** daily.csv rows that pass `filter` (e.g. one point: `(r) => r.point === 3`). */
export function sweepDailyFrame(source: SweepSource, filter: (row: TableRow) => boolean): DataFrame {
  return frameFromRows(readTable(path.join(dirOf(source), DAILY_FILE), filter));
}
