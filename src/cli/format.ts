/** Short human-readable formatting of headline numbers for the terminal. */
import type { RunSummary } from '../model/summary';

export function usd(x: number): string {
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)}k`;
  return `${sign}$${a.toFixed(2)}`;
}

export function hours(h: number): string {
  if (h < 1) return `${(h * 60).toFixed(1)} min`;
  if (h < 48) return `${h.toFixed(1)} h`;
  return `${(h / 24).toFixed(1)} days`;
}

export function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** A few lines that say what happened in a run. */
export function summaryLines(name: string, seed: number, s: RunSummary): string[] {
  return [
    `${name} (seed ${seed}, ${s.days} days = ${(s.days / 365).toFixed(1)} years)`,
    `  decentralization (last year): ${s.activeProversLastYear.toFixed(1)} active provers, Nakamoto ${s.nakamoto30dLastYear.toFixed(1)}, HHI ${s.hhi30dLastYear.toFixed(3)}, top prover ${pct(s.top1RewardShare30dLastYear)} of rewards (30-day windows)`,
    `  finality: mean ${hours(s.meanFinalityDelayHours)}, p95 ${hours(s.p95FinalityDelayHours)}, worst ${hours(s.maxFinalityDelayHours)}; ${s.missedDeadlines} batches missed the deadline (${pct(s.missedDeadlineShare)})`,
    `  money: provers earned ${usd(s.proverRevenueUsd)} and spent ${usd(s.proverCostUsd)} (profit ${usd(s.proverProfitUsd)}); tokenholders ${usd(s.tokenholderIncomeUsd)}; cost per proof ${usd(s.costPerProofUsd)}`,
    `  wasted attempts: ${pct(s.wastedAttemptShare)}; entry capital at the end ${usd(s.entryCapitalUsdEnd)}`,
  ];
}
