/**
 * The headline numbers of a report: which run-level numbers it shows, in what order, how each is
 * named and printed, and which direction is "better" (for comparisons). Most are RunSummary fields;
 * a few (first-year activity, profit per class) are computed here from the same run.
 */
import type { RunResult } from '../../model/result';
import { summarize, type RunSummary } from '../../model/summary';

/** What a number measures, which decides how it is printed (write/format). */
export type QuantityKind = 'count' | 'share' | 'usd' | 'hours' | 'index';

export interface HeadlineMetric {
  /** Key in summary.json (a RunSummary field where there is one). */
  key: string;
  /** Name in tables and sentences. */
  label: string;
  /** Name in small chart panels. */
  short: string;
  kind: QuantityKind;
  /** Which way is better for the rollup and its users; undefined where it depends on who asks. */
  better?: 'higher' | 'lower';
  /** Column of a sweep's runs.csv and points.csv holding the same number, if any. */
  sweepColumn?: string;
}

/** One run's headline numbers, by metric key. */
export type HeadlineValues = Record<string, number>;

const m = (key: string, label: string, short: string, kind: QuantityKind, better?: 'higher' | 'lower', sweepColumn?: string): HeadlineMetric => ({
  key, label, short, kind, better, sweepColumn,
});

/** The metrics every report shows, in table order. */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  m('activeProversFirstYear', 'Active provers, first year (mean)', 'Active provers, 1st year', 'count', 'higher'),
  m('activeProversLastYear', 'Active provers, last year (mean)', 'Active provers, last year', 'count', 'higher', 'active_provers_last_year'),
  m('nakamoto30dLastYear', 'Nakamoto coefficient of proofs, last year (30-day windows)', 'Nakamoto coefficient', 'count', 'higher', 'nakamoto_30d_last_year'),
  m('hhi30dLastYear', 'HHI of proofs, last year (30-day windows)', 'HHI of proofs', 'index', 'lower', 'hhi_30d_last_year'),
  m('top1RewardShare30dLastYear', 'Largest prover\'s share of rewards, last year (30-day windows)', 'Top prover\'s reward share', 'share', 'lower', 'top1_reward_share_30d_last_year'),
  m('meanFinalityDelayHours', 'Mean finality delay', 'Mean finality delay', 'hours', 'lower', 'mean_finality_delay_hours'),
  m('p95FinalityDelayHours', '95th percentile finality delay', 'p95 finality delay', 'hours', 'lower', 'p95_finality_delay_hours'),
  m('maxFinalityDelayHours', 'Longest finality delay', 'Longest finality delay', 'hours', 'lower', 'max_finality_delay_hours'),
  m('missedDeadlineShare', 'Batches that missed the proving deadline', 'Missed deadlines', 'share', 'lower', 'missed_deadline_share'),
  m('missedBatches', 'Batches never proven', 'Never proven', 'count', 'lower', 'missed_batches'),
  m('wastedAttemptShare', 'Proof attempts wasted (did not win)', 'Wasted attempts', 'share', 'lower', 'wasted_attempt_share'),
  m('costPerProofUsd', 'Provers\' cost per proof', 'Cost per proof', 'usd', 'lower', 'cost_per_proof_usd'),
  m('proverRevenueUsd', 'Prover revenue, whole run', 'Prover revenue', 'usd', undefined, 'prover_revenue_usd'),
  m('proverCostUsd', 'Prover cost, whole run', 'Prover cost', 'usd', 'lower', 'prover_cost_usd'),
  m('proverProfitUsd', 'Prover profit, whole run', 'Prover profit', 'usd', undefined, 'prover_profit_usd'),
  m('tokenholderIncomeUsd', 'Tokenholder income, whole run', 'Tokenholder income', 'usd', undefined, 'tokenholder_income_usd'),
  m('treasuryUsd', 'Treasury at the end', 'Treasury', 'usd', undefined, 'treasury_usd'),
  m('burnedUsd', 'Burned, whole run', 'Burned', 'usd', undefined, 'burned_usd'),
  m('entryCapitalUsdEnd', 'Capital needed to enter, at the end', 'Entry capital', 'usd', 'lower', 'entry_capital_usd_end'),
];

/** Metrics left out of a table when they are zero in every run (no treasury, nothing burned). */
export const OMIT_WHEN_ZERO: ReadonlySet<string> = new Set(['treasuryUsd', 'burnedUsd', 'missedBatches']);

/** The profit metric of a prover class (its label is scenario text: renderers escape every text). */
export function classProfitMetric(classId: string, classLabel: string): HeadlineMetric {
  const name = classLabel || classId;
  return { key: `profitUsd.${classId}`, label: `Profit of ${name} (${classId}), whole run`, short: `Profit: ${name}`, kind: 'usd', sweepColumn: `profit_usd_${classId}` };
}

/** Mean of a daily column over the first `days` days (or the whole run if shorter). */
function meanOfFirst(values: Float64Array, days: number): number {
  const n = Math.min(days, values.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  return n > 0 ? s / n : NaN;
}

/** The headline numbers of one run (and its RunSummary, which they extend). */
export function headlineValues(result: RunResult): { summary: RunSummary; values: HeadlineValues } {
  const summary = summarize(result);
  const values: HeadlineValues = { activeProversFirstYear: meanOfFirst(result.daily.active_provers, 365) };
  for (const metric of HEADLINE_METRICS) {
    const v = (summary as unknown as Record<string, unknown>)[metric.key];
    if (typeof v === 'number') values[metric.key] = v;
  }
  for (const [id, profit] of Object.entries(summary.profitUsdByClass)) values[`profitUsd.${id}`] = profit;
  return { summary, values };
}
