/**
 * Open multi-proof with activity-score shares: Aztec's current prover rewards (docs.aztec.network
 * prover claiming-rewards, RewardLib; AztecProtocol/engineering-designs docs/prover-reward-boost/dd.md,
 * 2025; AZIP-5 parameters, 2026).
 *
 * Rules: every batch is an epoch. Any prover may submit the epoch's proof before the submission
 * deadline; the epoch is proven by the first submission, and its reward is split among all who
 * submitted in time: yourShares x epochReward / totalShares. A prover's shares come from its activity
 * score x, which loses scoreDecayPerEpoch every epoch (not below 0) and gains scoreIncrement for every
 * epoch it proves (capped at maxScore); shares y = max(k - a ((maxScore - x) / 1e5)^2, minShares), the
 * RewardBooster curve with h = maxScore. An epoch nobody proves in time is pruned (a missed batch).
 * Every submitter pays its proving and its L1 verification: with M submitters users pay for proving
 * M times (Aztec's prover-submission-cost PRD).
 *
 * Scores are kept as the contract keeps them: a value and the epoch it was written, decayed lazily.
 * Entry and exit look ahead to a prover's steady score: one that submits with probability p settles at
 * maxScore if p x increment >= decay (AZIP-5: 98.6% coverage), else near p x increment.
 * Simplifications: every active prover that is up works on every epoch (no strategic skipping); the
 * "longest proven range" is one epoch; the up-set is fixed between outage boundaries.
 */
import { HOURS_PER_DAY } from '../environment';
import type { MechanismConfig } from '../scenario/schema';
import { payProofs, proverShare, type World } from '../world';
import type { DayOutcome, Mechanism } from './mechanism';
import { UpSet } from './up-set';
import { exp } from '../math';

type MultiProofConfig = Extract<MechanismConfig, { kind: 'multi-proof' }>;

/** Score precision of the RewardBooster contract: 1e5 points are one unit of the shares curve. */
const SCORE_UNIT = 1e5;

/** Shares of a prover with activity score x: the RewardBooster curve (AztecProtocol RewardBooster._toShares). */
export function activityShares(score: number, c: Pick<MultiProofConfig, 'maxScore' | 'curveA' | 'minShares' | 'maxShares'>): number {
  if (score > c.maxScore) return c.maxShares;
  const t = (c.maxScore - score) / SCORE_UNIT;
  return Math.max(c.maxShares - c.curveA * t * t, c.minShares);
}

/** Score after `epochs` epochs without proving, then one proven epoch if `proved`. */
export function nextActivityScore(score: number, epochs: number, proved: boolean, c: Pick<MultiProofConfig, 'scoreDecayPerEpoch' | 'scoreIncrement' | 'maxScore'>): number {
  const decayed = Math.max(0, score - c.scoreDecayPerEpoch * epochs);
  return proved ? Math.min(decayed + c.scoreIncrement, c.maxScore) : decayed;
}

export class MultiProofMechanism implements Mechanism {
  readonly kind = 'multi-proof';
  readonly openEntry = true;
  /** Epochs so far (the clock of the activity scores). */
  private epoch = 0;
  private score!: Float64Array;
  private scoreEpoch!: Float64Array;
  /** Expected shares of the active provers in an epoch, summed (at decision time). */
  private expectedShares = 0;
  /** Today's share of epochs won by each prover, and who has one. */
  private dayShare!: Float64Array;
  private winners!: Int32Array;
  private winnerCount = 0;
  private submitters!: Int32Array;
  private shares!: Float64Array;
  private upSet!: UpSet;

  constructor(private readonly config: MultiProofConfig) {}

  init(w: World): void {
    const n = w.provers.n;
    this.score = new Float64Array(n);
    this.scoreEpoch = new Float64Array(n);
    this.dayShare = new Float64Array(n);
    this.winners = new Int32Array(n);
    this.submitters = new Int32Array(n);
    this.shares = new Float64Array(n);
    this.upSet = new UpSet(n);
  }

  entryBondUsd(): number {
    return 0;
  }

  /** Current activity score of prover i (decayed to this epoch). */
  scoreOf(i: number): number {
    return nextActivityScore(this.score[i], this.epoch - this.scoreEpoch[i], false, this.config);
  }

  private submitProbability(speed: number): number {
    return 1 - exp(-speed * this.config.submissionWindowHours);
  }

  /** Shares a prover that submits with probability p settles at. */
  private steadyShares(p: number): number {
    const c = this.config;
    const score = p * c.scoreIncrement >= c.scoreDecayPerEpoch ? c.maxScore : p * c.scoreIncrement;
    return activityShares(score, c);
  }

  beginDecisions(w: World): void {
    const p = w.provers;
    let total = 0;
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      const q = this.submitProbability(p.speed[i]);
      total += q * this.steadyShares(q);
    }
    this.expectedShares = total;
  }

  expectedProfitUsdPerDay(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    const p = w.provers;
    if (!(speed > 0)) return -fixedCostUsdPerDay;
    const q = this.submitProbability(speed);
    const y = this.steadyShares(q);
    const own = p.active[i] ? this.submitProbability(p.speed[i]) * this.steadyShares(this.submitProbability(p.speed[i])) : 0;
    const others = Math.max(0, this.expectedShares - own);
    const e = w.env;
    const reward = proverShare(w) * (e.feeUsdPerBatch[w.day] + e.issuanceTokensPerBatch[w.day] * e.tokenPriceUsd[w.day]);
    const perEpoch = (q * reward * y) / (y + others) - attemptCostUsd - q * this.config.submissionCostUsd;
    return w.batchesToday * perEpoch - fixedCostUsdPerDay;
  }

  expectedProfitsUsdPerDay(w: World, out: Float64Array): void {
    const p = w.provers;
    for (let i = 0; i < p.n; i++) out[i] = this.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
  }

  runDay(w: World): DayOutcome {
    const p = w.provers;
    const f = w.finality;
    const rng = w.rng;
    const c = this.config;
    const batches = w.batchesToday;
    const spacing = batches > 0 ? HOURS_PER_DAY / batches : 0;
    this.upSet.beginDay(w);
    for (let b = 0; b < batches; b++) {
      const posted = w.dayStartHours + b * spacing;
      this.epoch++;
      const nUp = this.upSet.at(w, posted);
      const up = this.upSet.list;
      let first = Infinity;
      let m = 0;
      let totalShares = 0;
      for (let k = 0; k < nUp; k++) {
        const i = up[k];
        if (!(p.speed[i] > 0)) continue;
        p.chargeAttempts(i, 1);
        const latency = rng.exponential32(p.speed[i]);
        if (latency > c.submissionWindowHours) continue;
        p.chargeCost(i, c.submissionCostUsd);
        const score = nextActivityScore(this.score[i], this.epoch - this.scoreEpoch[i], true, c);
        this.score[i] = score;
        this.scoreEpoch[i] = this.epoch;
        const y = activityShares(score, c);
        this.submitters[m] = i;
        this.shares[m] = y;
        m++;
        totalShares += y;
        if (latency < first) first = latency;
      }
      if (m === 0) {
        f.missedBatch();
        continue;
      }
      f.proven(first);
      for (let k = 0; k < m; k++) {
        const i = this.submitters[k];
        if (this.dayShare[i] === 0) this.winners[this.winnerCount++] = i;
        this.dayShare[i] += this.shares[k] / totalShares;
      }
    }
    // The day's fee, issuance and price are constant: pay each prover's epochs at once.
    for (let k = 0; k < this.winnerCount; k++) {
      const i = this.winners[k];
      p.recordWins(i, this.dayShare[i]);
      payProofs(w, i, this.dayShare[i]);
      this.dayShare[i] = 0;
    }
    this.winnerCount = 0;
    return { activeProvers: p.activeCount, openHours: HOURS_PER_DAY, openToAnyoneShare: 1 };
  }
}
