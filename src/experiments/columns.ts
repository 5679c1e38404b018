/**
 * Columns of the sweep's result tables. Every row starts with the run's identity (run, point,
 * replicate, seed) and the swept parameters' values, so any row can be traced and reproduced alone.
 */
import { formatText } from '../io/csv';
import { DAILY_COLUMN_NAMES } from '../model/columns';
import type { RunSummary } from '../model/summary';

/** Identity of a run: its index in the sweep, its point's index, its replicate and its seed. */
export const RUN_ID_COLUMNS = ['run', 'point', 'replicate', 'seed'] as const;

type ScalarMetric = Exclude<keyof RunSummary, 'profitUsdByClass'>;

/**
 * CSV names of the headline numbers. Typed as a full record so that a metric added to RunSummary
 * does not compile until it is named here too.
 */
const SUMMARY_COLUMN_NAMES: Record<ScalarMetric, string> = {
  days: 'days',
  activeProversLastYear: 'active_provers_last_year',
  nakamoto30dLastYear: 'nakamoto_30d_last_year',
  hhi30dLastYear: 'hhi_30d_last_year',
  top1RewardShare30dLastYear: 'top1_reward_share_30d_last_year',
  wastedAttemptShare: 'wasted_attempt_share',
  meanFinalityDelayHours: 'mean_finality_delay_hours',
  p95FinalityDelayHours: 'p95_finality_delay_hours',
  maxFinalityDelayHours: 'max_finality_delay_hours',
  missedDeadlines: 'missed_deadlines',
  missedDeadlineShare: 'missed_deadline_share',
  missedBatches: 'missed_batches',
  costPerProofUsd: 'cost_per_proof_usd',
  proverRevenueUsd: 'prover_revenue_usd',
  proverCostUsd: 'prover_cost_usd',
  proverProfitUsd: 'prover_profit_usd',
  tokenholderIncomeUsd: 'tokenholder_income_usd',
  treasuryUsd: 'treasury_usd',
  burnedUsd: 'burned_usd',
  entryCapitalUsdEnd: 'entry_capital_usd_end',
};

/** One column of runs.csv after the identity and parameters: a headline number of the run. */
export interface MetricColumn {
  name: string;
  /** False for bookkeeping columns (days) that per-point statistics skip. */
  aggregate: boolean;
  /** The value in a run's summary (undefined when a point lacks that prover class). */
  read(s: RunSummary): number | undefined;
}

/** The headline columns of runs.csv: the summary's numbers, then profit per prover class. */
export function metricColumns(classIds: readonly string[]): MetricColumn[] {
  const scalar = (Object.keys(SUMMARY_COLUMN_NAMES) as ScalarMetric[]).map((key) => ({
    name: SUMMARY_COLUMN_NAMES[key],
    aggregate: key !== 'days',
    read: (s: RunSummary) => s[key],
  }));
  const byClass = classIds.map((id) => ({
    name: `profit_usd_${id}`,
    aggregate: true,
    read: (s: RunSummary) => s.profitUsdByClass[id],
  }));
  return [...scalar, ...byClass];
}

/** Header of daily.csv: identity, parameters, then the model's daily columns (day first). */
export function dailyHeader(paths: readonly string[]): string[] {
  return [...RUN_ID_COLUMNS, ...paths, ...DAILY_COLUMN_NAMES];
}

/** Header of runs.csv: identity, parameters, then the headline numbers. */
export function runsHeader(paths: readonly string[], classIds: readonly string[]): string[] {
  return [...RUN_ID_COLUMNS, ...paths, ...metricColumns(classIds).map((c) => c.name)];
}

export function headerLine(names: readonly string[]): string {
  return `${names.map(formatText).join(',')}\n`;
}
