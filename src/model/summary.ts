/**
 * Headline numbers of a run: what summary.json holds, what the CLI prints, and what sweeps and reports
 * aggregate over seeds. Each is defined from the daily series so that it can be checked against them.
 */
import type { RunResult } from './result';

export interface RunSummary {
  days: number;
  /** Mean active provers over the last 365 days (or the whole run if shorter). */
  activeProversLastYear: number;
  /** Mean 30-day Nakamoto coefficient of wins over the last 365 days. */
  nakamoto30dLastYear: number;
  /** Mean 30-day HHI of wins over the last 365 days. */
  hhi30dLastYear: number;
  /** Mean 30-day top-1 share of prover rewards over the last 365 days. */
  top1RewardShare30dLastYear: number;
  /** 1 - proven / attempts over the run. */
  wastedAttemptShare: number;
  /** Mean finality delay over all proven batches, hours. */
  meanFinalityDelayHours: number;
  /** Run-level 95th percentile of finality delay (log-binned, upper bound within 12%), hours. */
  p95FinalityDelayHours: number;
  /** Longest finality delay of the run, hours. */
  maxFinalityDelayHours: number;
  /** Batches proven after the deadline or never, over the run. */
  missedDeadlines: number;
  /** Share of posted batches that missed the deadline. */
  missedDeadlineShare: number;
  /** Batches nobody proved. */
  missedBatches: number;
  /** Provers' total cost divided by batches proven, USD. */
  costPerProofUsd: number;
  proverRevenueUsd: number;
  proverCostUsd: number;
  proverProfitUsd: number;
  tokenholderIncomeUsd: number;
  /** Treasury holdings at the end, USD. */
  treasuryUsd: number;
  burnedUsd: number;
  /** Entry capital on the last day, USD. */
  entryCapitalUsdEnd: number;
  /** Profit over the run per prover class, USD. */
  profitUsdByClass: Record<string, number>;
}

const sum = (a: Float64Array, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
};

export function summarize(r: RunResult): RunSummary {
  const D = r.daily;
  const days = r.days;
  const from = Math.max(0, days - 365);
  const lastYear = (a: Float64Array) => sum(a, from) / (days - from);
  const proven = sum(D.batches_proven);
  const attempts = sum(D.attempts);
  const posted = sum(D.batches_posted);
  let delaySum = 0;
  let maxDelay = 0;
  for (let d = 0; d < days; d++) {
    delaySum += D.mean_finality_delay_hours[d] * D.batches_proven[d];
    maxDelay = Math.max(maxDelay, D.max_finality_delay_hours[d]);
  }
  const cost = sum(D.prover_cost_usd);
  const profitUsdByClass: Record<string, number> = {};
  r.classes.ids.forEach((id, c) => {
    profitUsdByClass[id] = sum(r.classes.series.profit_usd, c * days, (c + 1) * days);
  });
  const missedDeadlines = sum(D.missed_deadlines);
  return {
    days,
    activeProversLastYear: lastYear(D.active_provers),
    nakamoto30dLastYear: lastYear(D.nakamoto_coefficient_30d),
    hhi30dLastYear: lastYear(D.hhi_30d),
    top1RewardShare30dLastYear: lastYear(D.top1_reward_share_30d),
    wastedAttemptShare: attempts > 0 ? 1 - proven / attempts : 0,
    meanFinalityDelayHours: proven > 0 ? delaySum / proven : 0,
    p95FinalityDelayHours: r.p95FinalityDelayHours,
    maxFinalityDelayHours: maxDelay,
    missedDeadlines,
    missedDeadlineShare: posted > 0 ? missedDeadlines / posted : 0,
    missedBatches: sum(D.missed_batches),
    costPerProofUsd: proven > 0 ? cost / proven : 0,
    proverRevenueUsd: sum(D.prover_revenue_usd),
    proverCostUsd: cost,
    proverProfitUsd: sum(D.prover_profit_usd),
    tokenholderIncomeUsd: sum(D.tokenholder_income_usd),
    treasuryUsd: D.treasury_balance_usd[days - 1],
    burnedUsd: sum(D.burned_usd),
    entryCapitalUsdEnd: D.entry_capital_usd[days - 1],
    profitUsdByClass,
  };
}
