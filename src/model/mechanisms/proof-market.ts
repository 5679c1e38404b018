/**
 * Per-request proof market: Boundless's reverse-Dutch lock (boundless-xyz/boundless contracts
 * Offer.sol; docs zkc/proving-collateral, 2025) with Succinct-style staking (docs.succinct.xyz).
 *
 * Rules: each batch is a request whose price rises linearly from minPrice to maxPrice over the ramp
 * (maxPrice: rewards.feeUsdPerBatch). The first prover to lock it posts collateral of
 * collateralMultiple x maxPrice and has it alone for lockTimeout; it is paid the price at which it
 * locked when it delivers the proof in time. If it misses, the requester is refunded (pays nothing),
 * the collateral is slashed: slashBurnShare burned, the rest a bounty for any prover that delivers
 * before the request's timeout (burned too if nobody does). To bid at all a prover keeps a standing
 * stake, returned after the unstake delay.
 *
 * Locking: provers know each other's costs (complete information). A prover's reservation price
 * covers its attempt, the expected slash of its collateral and the collateral's capital cost for the
 * proof's duration; the cheapest prover locks when the price reaches the second-cheapest one's
 * reservation (just before that one would), or waits for maxPrice if it is alone: the outcome of a
 * Dutch auction. A request nobody can serve at maxPrice goes unproven.
 *
 * Simplifications: no capacity limits (a prover serves requests in parallel), so under equal
 * conditions the cheapest prover locks every request; outages that start after the lock do not
 * interrupt the proof; the capital cost of collateral counts from lock to proof.
 */
import { HOURS_PER_DAY, DAYS_PER_YEAR } from '../environment';
import type { MechanismConfig } from '../scenario/schema';
import { payProofsAtFee, proverShare, type World } from '../world';
import { FallbackRace } from './fallback-race';
import type { DayOutcome, Mechanism } from './mechanism';
import { mechanismCostOfStake } from './stakes';
import { readyAt } from './up-set';
import { exp } from '../math';

type ProofMarketConfig = Extract<MechanismConfig, { kind: 'proof-market' }>;

const HOURS_PER_YEAR = HOURS_PER_DAY * DAYS_PER_YEAR;

/** Price of a request `elapsedHours` after it opened: linear from min to max over the ramp, max afterwards. */
export function rampPriceUsd(minUsd: number, maxUsd: number, rampHours: number, elapsedHours: number): number {
  if (elapsedHours <= 0) return minUsd;
  if (rampHours <= 0 || elapsedHours >= rampHours) return maxUsd;
  return minUsd + ((maxUsd - minUsd) * elapsedHours) / rampHours;
}

/** Hours after opening at which the ramp reaches `priceUsd` (0 below the minimum). */
export function rampHoursToPrice(minUsd: number, maxUsd: number, rampHours: number, priceUsd: number): number {
  if (priceUsd <= minUsd || maxUsd <= minUsd) return 0;
  return (rampHours * (Math.min(priceUsd, maxUsd) - minUsd)) / (maxUsd - minUsd);
}

export class ProofMarketMechanism implements Mechanism {
  readonly kind = 'proof-market';
  readonly openEntry = true;
  readonly withdrawalDelayDays: number;
  private readonly lockTimeoutHours: number;
  private readonly timeoutHours: number;
  private readonly rampHours: number;
  /** At decision time: the cheapest and second-cheapest active provers' reservations. */
  private cheapest = -1;
  private cheapestUsd = Infinity;
  private secondUsd = Infinity;
  private reservation!: Float64Array;
  private ranked!: Int32Array;
  private rankedCount = 0;
  private fallback!: FallbackRace;

  constructor(private readonly config: ProofMarketConfig) {
    this.withdrawalDelayDays = config.withdrawalDelayDays;
    this.lockTimeoutHours = config.lockTimeoutMinutes / 60;
    this.timeoutHours = config.timeoutMinutes / 60;
    this.rampHours = config.rampUpMinutes / 60;
  }

  init(w: World): void {
    this.reservation = new Float64Array(w.provers.n);
    this.ranked = new Int32Array(w.provers.n);
    this.fallback = new FallbackRace(w.provers.n);
  }

  standingBondTokens(w: World, i: number): number {
    return w.provers.slotPool[i] >= 0 ? 0 : this.config.minStakeTokens;
  }

  private maxPriceUsd(w: World): number {
    return w.env.feeUsdPerBatch[w.day];
  }

  private minPriceUsd(w: World): number {
    return this.config.minPriceShare * this.maxPriceUsd(w);
  }

  /** Collateral locked per request, in tokens. */
  private collateralTokens(w: World): number {
    const price = w.env.tokenPriceUsd[w.day];
    return price > 0 ? (this.config.collateralMultiple * this.maxPriceUsd(w)) / price : 0;
  }

  entryBondUsd(w: World): number {
    return this.config.minStakeTokens * w.env.tokenPriceUsd[w.day] + this.config.collateralMultiple * this.maxPriceUsd(w);
  }

  /**
   * Lowest price at which locking a request pays prover i: its prover share of price plus issuance
   * covers the attempt, the expected slash and the collateral's capital cost while the proof runs.
   */
  reservationUsd(w: World, i: number, speed: number, attemptCostUsd: number): number {
    const share = proverShare(w);
    if (!(speed > 0) || !(share > 0)) return Infinity;
    const e = w.env;
    const collateralUsd = this.config.collateralMultiple * this.maxPriceUsd(w);
    const miss = exp(-speed * this.lockTimeoutHours);
    const lockedHours = Math.min(1 / speed, this.lockTimeoutHours);
    const capital = (collateralUsd * w.provers.capitalCostPerYear[i] * lockedHours) / HOURS_PER_YEAR;
    return (attemptCostUsd + miss * collateralUsd + capital) / share - e.issuanceTokensPerBatch[w.day] * e.tokenPriceUsd[w.day];
  }

  beginDecisions(w: World): void {
    const p = w.provers;
    this.cheapest = -1;
    this.cheapestUsd = Infinity;
    this.secondUsd = Infinity;
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      const r = this.reservationUsd(w, i, p.speed[i], p.attemptCostUsd[i]);
      if (r < this.cheapestUsd) {
        this.secondUsd = this.cheapestUsd;
        this.cheapestUsd = r;
        this.cheapest = i;
      } else if (r < this.secondUsd) this.secondUsd = r;
    }
  }

  /**
   * Expected profit: a prover cheaper than every other active one locks every request, at the price
   * where the next-cheapest would lock (or the maximum); anyone else locks nothing.
   */
  expectedProfitUsdPerDay(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    const fixed = fixedCostUsdPerDay + mechanismCostOfStake(w, this, i);
    const r = this.reservationUsd(w, i, speed, attemptCostUsd);
    const rival = w.provers.active[i] && i === this.cheapest ? this.secondUsd : this.cheapestUsd;
    const max = this.maxPriceUsd(w);
    if (!(r <= max) || r > rival) return -fixed;
    const price = Math.min(max, Math.max(this.minPriceUsd(w), rival));
    const wonShare = r === rival ? 0.5 : 1;
    return w.batchesToday * wonShare * proverShare(w) * (price - r) - fixed;
  }

  expectedProfitsUsdPerDay(w: World, out: Float64Array): void {
    const p = w.provers;
    for (let i = 0; i < p.n; i++) out[i] = this.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
  }

  /** Ranks today's active provers by reservation (cheapest first). */
  private rank(w: World): void {
    const p = w.provers;
    let n = 0;
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      const r = this.reservationUsd(w, i, p.speed[i], p.attemptCostUsd[i]);
      this.reservation[i] = r;
      if (r < Infinity) this.ranked[n++] = i;
    }
    const sorted = Array.from(this.ranked.subarray(0, n)).sort((a, b) => this.reservation[a] - this.reservation[b] || a - b);
    this.ranked.set(sorted);
    this.rankedCount = n;
  }

  runDay(w: World): DayOutcome {
    const p = w.provers;
    const f = w.finality;
    const o = w.env.outages;
    const batches = w.batchesToday;
    const spacing = batches > 0 ? HOURS_PER_DAY / batches : 0;
    const dayEnd = w.dayStartHours + HOURS_PER_DAY;
    const max = this.maxPriceUsd(w);
    const min = this.minPriceUsd(w);
    const collateral = this.collateralTokens(w);
    this.rank(w);
    let openHours = 0;
    for (let b = 0; b < batches; b++) {
      const posted = w.dayStartHours + b * spacing;
      let a = -1;
      let rival = -1;
      for (let k = 0; k < this.rankedCount && rival < 0; k++) {
        const i = this.ranked[k];
        if (!o.none && readyAt(w, i, posted) > posted) continue;
        if (a < 0) a = i;
        else rival = i;
      }
      if (a < 0 || !(this.reservation[a] <= max)) {
        f.missedBatch();
        continue;
      }
      const price = rival >= 0 ? Math.min(max, Math.max(min, this.reservation[rival])) : max;
      const lockAt = posted + rampHoursToPrice(min, max, this.rampHours, price);
      const lockEnd = lockAt + this.lockTimeoutHours;
      const proofAt = readyAt(w, a, lockAt) + w.rng.exponential32(p.speed[a]);
      p.chargeAttempts(a, 1);
      w.collateral.chargeLock(w, a, collateral, Math.min(proofAt, lockEnd) - lockAt);
      let prover = a;
      let provenAt = proofAt;
      if (proofAt <= lockEnd) {
        payProofsAtFee(w, a, 1, price);
      } else {
        // Missed: the requester is refunded; the collateral is slashed, part of it a bounty.
        this.fallback.run(w, lockEnd, a);
        if (this.fallback.winner >= 0 && this.fallback.atHours < proofAt) {
          prover = this.fallback.winner;
          provenAt = this.fallback.atHours;
        }
        const bounty = prover !== a && provenAt <= posted + this.timeoutHours ? prover : -1;
        w.collateral.slashLocked(w, a, collateral, bounty, 1 - this.config.slashBurnShare);
        openHours += Math.max(0, Math.min(provenAt, dayEnd) - lockEnd);
      }
      p.recordWins(prover, 1);
      f.proven(provenAt - posted);
    }
    return { activeProvers: p.activeCount, openHours: Math.min(HOURS_PER_DAY, openHours), openToAnyoneShare: 1 };
  }
}
