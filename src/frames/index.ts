/**
 * Run results as danfojs DataFrames (describe, groupby, query) for notebooks. danfojs is loaded on
 * first use: it takes about a second, which the CLI should not pay.
 */
import type { DataFrame } from 'danfojs';
import { CLASS_COLUMNS, DAILY_COLUMN_NAMES } from '../model/columns';
import type { RunResult } from '../model/result';
import { installFrameDisplay } from '../notebook/frame-display';

type Danfo = typeof import('danfojs');
let danfo: Danfo | undefined;
/** The danfojs module (notebooks cannot import it directly: tslab ignores package "exports"). */
export function danfojs(): Danfo {
  if (!danfo) {
    danfo = require('danfojs') as Danfo;
    // In a notebook, a frame left as a cell's last value shows as a table.
    installFrameDisplay(danfo);
  }
  return danfo;
}

/** Builds a DataFrame from named columns. */
export function frameFromColumns(columns: Record<string, ArrayLike<number | string>>): DataFrame {
  const data: Record<string, Array<number | string>> = {};
  for (const [k, v] of Object.entries(columns)) data[k] = Array.from(v);
  return new (danfojs().DataFrame)(data);
}

/** Builds a DataFrame from rows of objects. */
export function frameFromRows(rows: Array<Record<string, number | string>>): DataFrame {
  return new (danfojs().DataFrame)(rows);
}

/** The daily time series: one row per day, columns as in DAILY_COLUMNS. */
export function dailyFrame(r: RunResult): DataFrame {
  const cols: Record<string, Float64Array> = {};
  for (const name of DAILY_COLUMN_NAMES) cols[name] = r.daily[name];
  return frameFromColumns(cols);
}

/** Per-prover ledgers: one row per potential prover. */
export function proversFrame(r: RunResult): DataFrame {
  const p = r.provers;
  return frameFromColumns({
    prover: p.id, class: p.classId, hardware: p.hardware, units: p.units, active_at_end: p.activeAtEnd,
    days_active: p.daysActive, proofs_won: p.proofsWon, reward_value_usd: p.rewardValueUsd,
    attempt_spend_usd: p.attemptSpendUsd, fixed_spend_usd: p.fixedSpendUsd, profit_usd: p.profitUsd,
  });
}

/** Per-class daily series in long form: one row per class and day. */
export function classesFrame(r: RunResult): DataFrame {
  const days = r.days;
  const cols: Record<string, Array<number | string>> = { day: [], class: [] };
  for (const c of CLASS_COLUMNS) cols[c.name] = [];
  r.classes.ids.forEach((id, c) => {
    for (let d = 0; d < days; d++) {
      cols.day.push(d);
      cols.class.push(id);
      for (const col of CLASS_COLUMNS) cols[col.name].push(r.classes.series[col.name][c * days + d]);
    }
  });
  return frameFromColumns(cols);
}
