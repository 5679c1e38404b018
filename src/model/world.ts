/**
 * The state a mechanism works on during one day: the provers, the ledger, today's prices, the market's
 * random stream and the finality record of the batches posted today.
 */
import type { Collateral } from './collateral';
import type { Environment } from './environment';
import type { Ledger } from './ledger';
import type { Provers } from './provers';
import type { Rng } from './random';
import type { Scenario } from './scenario/schema';
import { log10, pow } from './math';

/** Log-spaced histogram of finality delays over the whole run (for run-level quantiles and charts). */
export class DelayHistogram {
  /** Bin edges in hours: bin k holds delays in [edges[k], edges[k+1]); the first bin also holds smaller ones. */
  readonly edgesHours: Float64Array;
  readonly counts: Float64Array;
  private readonly logMin: number;
  private readonly binsPerDecade: number;

  constructor(minHours = 1e-3, maxHours = 1e5, binsPerDecade = 20) {
    const bins = Math.round(log10(maxHours / minHours) * binsPerDecade);
    this.edgesHours = new Float64Array(bins + 1);
    for (let k = 0; k <= bins; k++) this.edgesHours[k] = minHours * pow(10, k / binsPerDecade);
    this.counts = new Float64Array(bins);
    this.logMin = log10(minHours);
    this.binsPerDecade = binsPerDecade;
  }

  private bin(delayHours: number): number {
    const k = Math.floor((log10(Math.max(delayHours, 1e-300)) - this.logMin) * this.binsPerDecade);
    return Math.min(this.counts.length - 1, Math.max(0, k));
  }

  /** Adds delays sorted in increasing order, walking the bins instead of taking a log per delay. */
  addSorted(sorted: ArrayLike<number>, n: number): void {
    if (n === 0) return;
    const last = this.counts.length - 1;
    let k = this.bin(sorted[0]);
    for (let i = 0; i < n; i++) {
      while (k < last && sorted[i] >= this.edgesHours[k + 1]) k++;
      this.counts[k]++;
    }
  }

  /** Upper edge of the bin holding quantile q (0 when empty): an upper bound within one bin width (12%). */
  quantile(q: number): number {
    let n = 0;
    for (let k = 0; k < this.counts.length; k++) n += this.counts[k];
    if (n === 0) return 0;
    const target = Math.max(1, Math.ceil(q * n));
    let cum = 0;
    for (let k = 0; k < this.counts.length; k++) {
      cum += this.counts[k];
      if (cum >= target) return this.edgesHours[k + 1];
    }
    return this.edgesHours[this.edgesHours.length - 1];
  }
}

/** Finality of the batches posted today. */
export class DayFinality {
  delays: Float64Array;
  count = 0;
  missed = 0;
  missedDeadlines = 0;
  sum = 0;
  max = 0;

  constructor(capacity: number, private readonly deadlineHours: number) {
    this.delays = new Float64Array(Math.max(16, capacity));
  }

  /** A batch proven `delayHours` after it was posted. */
  proven(delayHours: number): void {
    if (this.count === this.delays.length) {
      const grown = new Float64Array(this.delays.length * 2);
      grown.set(this.delays);
      this.delays = grown;
    }
    this.delays[this.count++] = delayHours;
    this.sum += delayHours;
    if (delayHours > this.max) this.max = delayHours;
    if (delayHours > this.deadlineHours) this.missedDeadlines++;
  }

  /** A batch nobody proved. */
  missedBatch(): void {
    this.missed++;
    this.missedDeadlines++;
  }

  reset(): void {
    this.count = 0;
    this.missed = 0;
    this.missedDeadlines = 0;
    this.sum = 0;
    this.max = 0;
  }
}

export interface World {
  readonly scenario: Scenario;
  readonly env: Environment;
  readonly provers: Provers;
  readonly ledger: Ledger;
  /** Stakes, bonds and collateral locked by provers. */
  readonly collateral: Collateral;
  /** The market's random stream (proof latencies, winners, entry and exit draws). */
  readonly rng: Rng;
  readonly finality: DayFinality;
  /** Today. */
  day: number;
  /** Hours since the start of day 0 at which today starts. */
  dayStartHours: number;
  /** Batches posted today. */
  batchesToday: number;
  /** What a winning prover receives per proof today, after redistribution and treasury (USD value). */
  proverRewardPerBatchUsd: number;
  /**
   * Brings an inactive prover into the active set during the day (an outsider taking an auction
   * seat): it buys in like a daily entrant, hardware and stake included.
   */
  activate(i: number): void;
}

/** Share of every reward that goes to the prover (the rest to tokenholders and the treasury). */
export function proverShare(w: World): number {
  const r = w.scenario.rewards;
  return 1 - r.redistributionShare - r.treasuryShare;
}

/** Pays prover i for `count` proofs at `feeUsd` each (a bid price), with today's issuance and token price. */
export function payProofsAtFee(w: World, i: number, count: number, feeUsd: number): void {
  const e = w.env;
  w.ledger.payProofs(i, count, feeUsd, e.issuanceTokensPerBatch[w.day], e.tokenPriceUsd[w.day]);
}

/** Pays prover i for `count` proofs at today's fee, issuance and token price. */
export function payProofs(w: World, i: number, count: number): void {
  const e = w.env;
  w.ledger.payProofs(i, count, e.feeUsdPerBatch[w.day], e.issuanceTokensPerBatch[w.day], e.tokenPriceUsd[w.day]);
}
