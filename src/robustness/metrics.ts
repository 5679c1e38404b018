/**
 * The metrics a claim may compare: every number of the comparison summary (ComparisonSummary, the
 * keys of summary.json and of the robustness runs.csv), with a label and a format for claims.md.
 */
import { dollars, fixed, percent, type ComparisonSummary } from '../compare/compare';

/** A number of the comparison summary (the per-class profit table and the run length are not claims). */
export type ClaimMetric = Exclude<keyof ComparisonSummary, 'profitUsdByClass' | 'days'>;

export interface MetricInfo {
  /** Words for a delegate, e.g. "active provers (last year)". */
  label: string;
  /** How a value (or a difference of two values) is written. */
  format: (x: number) => string;
  /** Differences of shares read as percentage points, not as percentages. */
  share?: boolean;
}

const hours = (x: number) => `${x.toFixed(2)} h`;
const count = fixed(1);

/**
 * Typed as a full record, so that a number added to the comparison summary does not compile until it
 * is named here (and so becomes available to claims).
 */
export const CLAIM_METRICS: Record<ClaimMetric, MetricInfo> = {
  activeProversLastYear: { label: 'active provers (last year)', format: count },
  nakamoto30dLastYear: { label: 'Nakamoto coefficient (30 d, last year)', format: count },
  nakamoto30dByMemberLastYear: { label: 'Nakamoto coefficient by pool member (30 d, last year)', format: count },
  hhi30dLastYear: { label: 'HHI of wins (30 d, last year)', format: fixed(3) },
  top1RewardShare30dLastYear: { label: 'top prover\'s reward share (30 d, last year)', format: percent, share: true },
  wastedAttemptShare: { label: 'share of proof attempts wasted', format: percent, share: true },
  meanFinalityDelayHours: { label: 'mean finality delay', format: hours },
  p95FinalityDelayHours: { label: '95th percentile finality delay', format: hours },
  maxFinalityDelayHours: { label: 'longest finality delay', format: hours },
  missedDeadlines: { label: 'batches that missed the deadline', format: fixed(0) },
  missedDeadlineShare: { label: 'share of batches that missed the deadline', format: percent, share: true },
  missedBatches: { label: 'batches never proven', format: fixed(0) },
  costPerProofUsd: { label: 'provers\' cost per proof', format: dollars },
  rollupCostPerBatchUsd: { label: 'what the rollup pays per batch', format: dollars },
  proverRevenueUsd: { label: 'prover revenue', format: dollars },
  proverCostUsd: { label: 'prover cost', format: dollars },
  proverProfitUsd: { label: 'prover profit', format: dollars },
  tokenholderIncomeUsd: { label: 'tokenholder income', format: dollars },
  treasuryUsd: { label: 'treasury at the end', format: dollars },
  burnedUsd: { label: 'value burned', format: dollars },
  entryCapitalUsdEnd: { label: 'entry capital at the end', format: dollars },
  slashedUsd: { label: 'value slashed', format: dollars },
  copierIncomeUsd: { label: 'rewards taken by copiers', format: dollars },
};

/** The metric names, in the order of the record (runs.csv columns). */
export const CLAIM_METRIC_NAMES = Object.keys(CLAIM_METRICS) as ClaimMetric[];

export function isClaimMetric(name: string): name is ClaimMetric {
  return Object.prototype.hasOwnProperty.call(CLAIM_METRICS, name);
}
