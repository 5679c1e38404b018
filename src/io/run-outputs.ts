/** The files a run writes: timeseries.csv, provers.csv, classes.csv, summary.json, manifest.json. */
import { CLASS_COLUMNS, DAILY_COLUMN_NAMES } from '../model/columns';
import type { RunResult } from '../model/result';
import { summarize } from '../model/summary';
import { columnsToCsv } from './csv';
import { writeFiles } from './files';
import { environmentInfo, gitCommit, packageVersion } from './manifest';

/** timeseries.csv: one row per day, columns as in DAILY_COLUMNS. */
export function timeseriesCsv(r: RunResult): string {
  const cols: Record<string, Float64Array> = {};
  for (const name of DAILY_COLUMN_NAMES) cols[name] = r.daily[name];
  return columnsToCsv(cols);
}

/** provers.csv: one row per potential prover (its ledger over the run). */
export function proversCsv(r: RunResult): string {
  const p = r.provers;
  return columnsToCsv({
    prover: p.id, class: p.classId, hardware: p.hardware, units: p.units, speed_proofs_per_hour: p.speedProofsPerHour,
    attempt_cost_usd: p.attemptCostUsd, active_at_end: p.activeAtEnd, days_active: p.daysActive, entries: p.entries,
    exits: p.exits, upgrades: p.upgrades, attempts: p.attempts, proofs_won: p.proofsWon, reward_usd: p.rewardUsd,
    reward_tokens: p.rewardTokens, reward_value_usd: p.rewardValueUsd, attempt_spend_usd: p.attemptSpendUsd,
    fixed_spend_usd: p.fixedSpendUsd, capex_spend_usd: p.capexSpendUsd, profit_usd: p.profitUsd,
    pool: p.pool, slashed_value_usd: p.slashedValueUsd, capital_spend_usd: p.capitalSpendUsd,
  });
}

/** classes.csv: one row per class and day. */
export function classesCsv(r: RunResult): string {
  const n = r.classes.ids.length * r.days;
  const day = new Float64Array(n);
  const cls: string[] = new Array(n);
  r.classes.ids.forEach((id, c) => {
    for (let d = 0; d < r.days; d++) {
      day[c * r.days + d] = d;
      cls[c * r.days + d] = id;
    }
  });
  const cols: Record<string, ArrayLike<number | string>> = { day, class: cls };
  for (const c of CLASS_COLUMNS) cols[c.name] = r.classes.series[c.name];
  return columnsToCsv(cols);
}

export interface RunProvenance {
  /** The scenario as the user named it (preset or path). */
  scenarioRef: string;
  /** The command line, for the manifest's "reproduce" entry. */
  command: string;
  durationMs: number;
}

export function manifestJson(r: RunResult, prov: RunProvenance): string {
  return `${JSON.stringify(
    {
      tool: 'prover-sim',
      version: packageVersion(),
      gitCommit: gitCommit(),
      command: prov.command,
      scenarioRef: prov.scenarioRef,
      seed: r.seed,
      days: r.days,
      durationMs: Math.round(prov.durationMs),
      environment: environmentInfo(),
      scenario: r.scenario,
    },
    null,
    2,
  )}\n`;
}

/** Writes every output of a run into `dir`; returns the files written. */
export function writeRunOutputs(dir: string, r: RunResult, prov: RunProvenance): string[] {
  return writeFiles(dir, {
    'timeseries.csv': timeseriesCsv(r),
    'provers.csv': proversCsv(r),
    'classes.csv': classesCsv(r),
    'summary.json': `${JSON.stringify({ scenario: r.scenario.name, seed: r.seed, ...summarize(r) }, null, 2)}\n`,
    'manifest.json': manifestJson(r, prov),
  });
}
