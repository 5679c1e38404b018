/**
 * Stake-weighted selection: Taiko's alpha-4 staking-pool design (taiko-mono packages/protocol/docs/
 * tokenomics_staking.md, 2023).
 *
 * Rules: provers stake to register; the K largest stakes among the active provers are eligible. Each
 * prover sets a fee multiplier m in [min, max] once a day: it is paid m x the base fee for a batch it
 * proves, and is drawn for each batch with weight sqrt(stake) / m^2. The drawn prover must prove
 * within a deadline of deadlineAverageDelayMultiple x the average proof delay; if it misses, a share
 * of its stake is slashed (burned, or partly paid to the actual prover) and the batch opens to every
 * active prover; whoever proves it first (the drawn one included) is paid its fee.
 *
 * Each prover picks the multiplier that maximises its expected profit per day against the others'
 * weights: with selection odds proportional to 1/m^2 and profit ((1 - q) sigma (m F + I) - c - q S)
 * per drawn batch (a missed batch pays whoever proves it), the best response is
 * m = 2 (c + q S - (1 - q) sigma I) / ((1 - q) sigma F), clamped to the allowed range (sigma: prover
 * share of rewards, F: base fee, I: issuance value, c: attempt cost, q: miss probability, S: slash).
 *
 * Simplifications: the draw ignores whether the prover is up (as keccak(parent_hash, block_id) does;
 * a prover that is down starts when it is back, and likely misses); no per-prover capacity; slashed
 * stake is topped back up at once; outages that start during a proof do not interrupt it; the
 * average delay is an exponential moving average of every proven batch's delay.
 */
import { HOURS_PER_DAY } from '../environment';
import type { MechanismConfig } from '../scenario/schema';
import { payProofsAtFee, proverShare, type World } from '../world';
import { FallbackRace } from './fallback-race';
import type { DayOutcome, Mechanism } from './mechanism';
import { classStakeTokens, mechanismCostOfStake, stakeTokens } from './stakes';
import { downtimeShare, readyAt } from './up-set';
import { exp } from '../math';

type StakingConfig = Extract<MechanismConfig, { kind: 'staking' }>;

/**
 * The fee multiplier that maximises expected profit per day for a prover whose selection odds fall
 * with 1/m^2: m = 2 (cost - share x issuance) / (share x baseFee), clamped to [min, max]. `costUsd`
 * is the cost per selected batch (attempt plus expected slash), `share` the part of the fee the
 * prover expects to keep (its reward share times the chance it proves in time).
 */
export function bestFeeMultiplier(costUsd: number, baseFeeUsd: number, issuanceUsd: number, share: number, min: number, max: number): number {
  if (!(share * baseFeeUsd > 0)) return max;
  const m = (2 * (costUsd - share * issuanceUsd)) / (share * baseFeeUsd);
  return Math.min(max, Math.max(min, m));
}

export class StakingMechanism implements Mechanism {
  readonly kind = 'staking';
  readonly openEntry = true;
  readonly withdrawalDelayDays: number;
  /** Today's eligible provers (top K stakers) and their cumulative selection weights. */
  private eligible!: Int32Array;
  private eligibleCount = 0;
  private cumWeight!: Float64Array;
  private totalWeight = 0;
  /** Today's fee multiplier and selection weight of each prover (set for the eligible ones). */
  private multiplier!: Float64Array;
  private weight!: Float64Array;
  private isEligible!: Uint8Array;
  /** The K-th eligible prover when all K places are taken (a newcomer must outrank it), else -1. */
  private last = -1;
  /** At decision time: probability that a batch opens to anyone (the drawn prover misses), the mean fee multiplier of drawn provers, and the active provers' total speed. */
  private openProbability = 0;
  private meanMultiplier = 1;
  private activeSpeed = 0;
  /**
   * Moving average of proof delays, hours. NaN while there is no proof to average: before the first
   * day, and again after a day on which no prover was eligible (see runDay).
   */
  private averageDelayHours = NaN;
  private readonly emaWeight: number;
  private order!: Int32Array;
  private stakes!: Float64Array;
  private fallback!: FallbackRace;

  constructor(private readonly config: StakingConfig) {
    this.withdrawalDelayDays = config.withdrawalDelayDays;
    this.emaWeight = 2 / (config.averageDelayWindowBatches + 1);
  }

  init(w: World): void {
    const n = w.provers.n;
    this.eligible = new Int32Array(Math.min(n, this.config.eligibleProvers));
    this.cumWeight = new Float64Array(this.eligible.length);
    this.multiplier = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.isEligible = new Uint8Array(n);
    this.order = new Int32Array(n);
    this.stakes = new Float64Array(n);
    this.fallback = new FallbackRace(n);
  }

  standingBondTokens(w: World, i: number): number {
    return classStakeTokens(w, i, this.config.stakeTokensByClass, this.config.minStakeTokens);
  }

  entryBondUsd(w: World): number {
    return this.config.minStakeTokens * w.env.tokenPriceUsd[w.day];
  }

  /** Today's deadline after posting, hours. */
  deadlineHours(): number {
    return this.config.deadlineAverageDelayMultiple * this.averageDelayHours;
  }

  /** Ranks the active provers by stake, keeps the top K, and sets their multipliers and weights. */
  beginDecisions(w: World): void {
    const p = w.provers;
    for (let k = 0; k < this.eligibleCount; k++) this.isEligible[this.eligible[k]] = 0;
    let n = 0;
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      const s = stakeTokens(w, this, i);
      if (s < this.config.minStakeTokens || !(s > 0) || !(p.speed[i] > 0)) continue;
      this.stakes[i] = s;
      this.order[n++] = i;
    }
    const ranked = Array.from(this.order.subarray(0, n)).sort((a, b) => this.stakes[b] - this.stakes[a] || a - b);
    const K = Math.min(this.eligible.length, ranked.length);
    if (Number.isNaN(this.averageDelayHours) && K > 0) {
      // Before any proof: the delay a stake-weighted draw among today's eligible provers would give.
      let num = 0;
      let den = 0;
      for (let k = 0; k < K; k++) {
        const root = Math.sqrt(this.stakes[ranked[k]]);
        num += root / p.speed[ranked[k]];
        den += root;
      }
      this.averageDelayHours = den > 0 ? num / den : w.scenario.finality.deadlineHours / this.config.deadlineAverageDelayMultiple;
    }
    let speed = 0;
    for (let k = 0; k < p.activeCount; k++) speed += p.speed[p.activeList[k]];
    this.activeSpeed = speed;
    let total = 0;
    for (let k = 0; k < K; k++) {
      const i = ranked[k];
      this.eligible[k] = i;
      this.isEligible[i] = 1;
      const m = this.multiplierFor(w, i, p.speed[i], p.attemptCostUsd[i], this.stakes[i], this.otherSpeed(w, i));
      this.multiplier[i] = m;
      this.weight[i] = Math.sqrt(this.stakes[i]) / (m * m);
      total += this.weight[i];
      this.cumWeight[k] = total;
    }
    this.eligibleCount = K;
    this.totalWeight = total;
    this.last = K === this.eligible.length ? ranked[K - 1] : -1;
    let open = 0;
    let multiplier = 0;
    for (let k = 0; k < K; k++) {
      const i = ranked[k];
      const odds = this.weight[i] / total;
      open += odds * this.missProbability(w, i, p.speed[i]);
      multiplier += odds * this.multiplier[i];
    }
    this.openProbability = open;
    this.meanMultiplier = K > 0 ? multiplier : 1;
  }

  /** Total speed of the active provers other than i. */
  private otherSpeed(w: World, i: number): number {
    const p = w.provers;
    return Math.max(0, this.activeSpeed - (p.active[i] ? p.speed[i] : 0));
  }

  private slashUsd(w: World, stake: number): number {
    return this.config.slashShare * stake * w.env.tokenPriceUsd[w.day];
  }

  /**
   * Probability that prover i, drawn at this speed, misses its deadline: too slow, or down. With no
   * average to go by (nobody has proved since the set was last empty), the average a prover expects is
   * its own proof delay, which its proofs set within a day when it proves alone.
   */
  private missProbability(w: World, i: number, speed: number): number {
    const down = downtimeShare(w, i);
    const deadline = Number.isNaN(this.averageDelayHours) ? this.config.deadlineAverageDelayMultiple / speed : this.deadlineHours();
    return down + (1 - down) * exp(-speed * deadline);
  }

  /**
   * Chance that prover i is paid for a batch it is drawn for: it proves in time, or it misses and its
   * late proof still lands before the open race among the others (speed / (speed + their speed)).
   */
  private paidProbability(miss: number, speed: number, otherSpeed: number): number {
    return 1 - miss + (miss * speed) / (speed + otherSpeed);
  }

  private multiplierFor(w: World, i: number, speed: number, attemptCostUsd: number, stake: number, otherSpeed: number): number {
    const e = w.env;
    const miss = this.missProbability(w, i, speed);
    const cost = attemptCostUsd + miss * this.slashUsd(w, stake);
    const paid = this.paidProbability(miss, speed, otherSpeed);
    return bestFeeMultiplier(cost, e.feeUsdPerBatch[w.day], e.issuanceTokensPerBatch[w.day] * e.tokenPriceUsd[w.day], proverShare(w) * paid, this.config.feeMultiplierMin, this.config.feeMultiplierMax);
  }

  /**
   * Expected profit: the batches the prover is drawn for (if it ranks among the top K), at its best
   * multiplier, less expected slashes; plus the open races after others' misses, in which every active
   * prover pays an attempt and wins with its share of the active speed.
   */
  expectedProfitUsdPerDay(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    const fixed = fixedCostUsdPerDay + mechanismCostOfStake(w, this, i);
    const stake = stakeTokens(w, this, i);
    if (stake < this.config.minStakeTokens || !(stake > 0) || !(speed > 0)) return -fixed;
    const e = w.env;
    const share = proverShare(w);
    const issuance = e.issuanceTokensPerBatch[w.day] * e.tokenPriceUsd[w.day];
    const otherSpeed = this.otherSpeed(w, i);
    const openRace = this.openProbability * ((speed / (otherSpeed + speed)) * share * (this.meanMultiplier * e.feeUsdPerBatch[w.day] + issuance) - attemptCostUsd);
    let others: number;
    if (this.isEligible[i]) others = this.totalWeight - this.weight[i];
    else if (this.last < 0) others = this.totalWeight;
    else if (stake > this.stakes[this.last] || (stake === this.stakes[this.last] && i < this.last)) others = this.totalWeight - this.weight[this.last];
    else return w.batchesToday * openRace - fixed;
    const m = this.multiplierFor(w, i, speed, attemptCostUsd, stake, otherSpeed);
    const weight = Math.sqrt(stake) / (m * m);
    const odds = weight / (Math.max(0, others) + weight);
    const miss = this.missProbability(w, i, speed);
    const paid = this.paidProbability(miss, speed, otherSpeed);
    const drawn = paid * share * (m * e.feeUsdPerBatch[w.day] + issuance) - attemptCostUsd - miss * this.slashUsd(w, stake);
    return w.batchesToday * (odds * drawn + openRace) - fixed;
  }

  expectedProfitsUsdPerDay(w: World, out: Float64Array): void {
    const p = w.provers;
    for (let i = 0; i < p.n; i++) out[i] = this.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
  }

  runDay(w: World): DayOutcome {
    const p = w.provers;
    const batches = w.batchesToday;
    const f = w.finality;
    const rng = w.rng;
    const baseFee = w.env.feeUsdPerBatch[w.day];
    const spacing = batches > 0 ? HOURS_PER_DAY / batches : 0;
    let openHours = 0;
    // Eligibility and weights of today's active set (after entries and exits); multipliers change once a day.
    this.beginDecisions(w);
    // Nobody eligible: today's batches go unproven, and the average proof delay of the provers that
    // left no longer says how fast the next ones are (on chain the waiting batches' long delays would
    // lift it); it restarts from the next eligible set, as before the first proof.
    if (this.eligibleCount === 0) this.averageDelayHours = NaN;
    for (let b = 0; b < batches; b++) {
      const posted = w.dayStartHours + b * spacing;
      if (this.eligibleCount === 0 || !(this.totalWeight > 0)) {
        f.missedBatch();
        continue;
      }
      const u = rng.uniform32() * this.totalWeight;
      let lo = 0;
      let hi = this.eligibleCount - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.cumWeight[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      const a = this.eligible[lo];
      const fee = this.multiplier[a] * baseFee;
      const proofAt = readyAt(w, a, posted) + rng.exponential32(p.speed[a]);
      const deadline = posted + this.deadlineHours();
      p.chargeAttempts(a, 1);
      let prover = a;
      let provenAt = proofAt;
      if (proofAt > deadline) {
        // Missed: the batch opens to anyone; the drawn prover keeps working on it.
        this.fallback.run(w, deadline, a);
        if (this.fallback.winner >= 0 && this.fallback.atHours < proofAt) {
          prover = this.fallback.winner;
          provenAt = this.fallback.atHours;
        }
        w.collateral.slash(w, a, this.config.slashShare * this.stakes[a], prover === a ? -1 : prover, this.config.slashToProverShare, true);
        openHours += Math.min(provenAt, w.dayStartHours + HOURS_PER_DAY) - deadline;
      }
      p.recordWins(prover, 1);
      payProofsAtFee(w, prover, 1, fee);
      const delay = provenAt - posted;
      f.proven(delay);
      this.averageDelayHours += this.emaWeight * (delay - this.averageDelayHours);
    }
    const open = Math.min(HOURS_PER_DAY, Math.max(0, openHours));
    return { activeProvers: p.activeCount, openHours: open, openToAnyoneShare: open / HOURS_PER_DAY };
  }
}
