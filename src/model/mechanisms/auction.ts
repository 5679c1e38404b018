/**
 * Continuous reverse auction for a designated prover: Taiko's ProverAuction (taiko-mono
 * packages/protocol/contracts/layer1/core/impl/AUCTION.md, PR #21074, 2025-12) and OpenZeppelin's
 * minimal-rollup ahead-of-time auction (documentation/prover-incentives.md, 2025).
 *
 * Rules: the prover with the lowest fee per batch holds the seat and proves every batch posted while
 * it holds it; the proposer pays it that fee at proposal. An outsider takes the seat only by bidding at
 * least minFeeReductionBps below the holder's fee; the holder may lower its own fee freely. To bid, a
 * prover locks a bond of livenessBond x maxPendingProposals x 2. A proposal not proven within the
 * proving window opens to anyone; the holder's bond is slashed one liveness bond (best effort): a share
 * goes to whoever proves it late, the rest is burned (nothing is paid when the holder itself proves
 * late). A holder whose bond falls below livenessBond x maxPendingProposals / 2 is forced out. While
 * the seat is vacant, the highest allowed bid starts at the previous holder's fee and doubles every
 * feeDoublingMinutes, up to 2^maxFeeDoublings times. A former holder's bond is returned after the
 * withdrawal delay.
 *
 * Bidding: each prover knows its reservation fee, the lowest fee at which holding the seat pays its
 * attempt cost, expected slashes (from its speed and its expected downtime), fixed costs and the
 * bond's capital cost; every potential prover that
 * is up bids (an outsider that wins buys in at once). Bids are settled at the start of each day and
 * whenever the seat falls vacant: challengers undercut by the minimum step while they can still cover
 * their reservation, so the seat ends with one of the two cheapest provers at a fee within one step of
 * the second-lowest reservation (the outcome of an English reverse auction). On a vacancy the cheapest
 * prover bids the cap as soon as the cap covers its reservation.
 *
 * Simplifications: bids move only at those moments, not continuously; batches posted while the seat is
 * vacant wait for the next holder (missed if nobody takes it that day); the proving window of a batch
 * that waited starts when the holder takes the seat; outages that start during a proof do not
 * interrupt it.
 */
import { HOURS_PER_DAY } from '../environment';
import type { MechanismConfig } from '../scenario/schema';
import { payProofsAtFee, proverShare, type World } from '../world';
import { FallbackRace } from './fallback-race';
import type { DayOutcome, Mechanism } from './mechanism';
import { downtimeShare, readyAt } from './up-set';
import { exp, log2, pow } from '../math';

type AuctionConfig = Extract<MechanismConfig, { kind: 'auction' }>;

const BPS = 10_000;

/** Highest fee with which an outsider takes a held seat: the holder's fee less `minFeeReductionBps`. */
export function maxOutsiderBidUsd(holderFeeUsd: number, minFeeReductionBps: number): number {
  return (holderFeeUsd * (BPS - minFeeReductionBps)) / BPS;
}

/** Whether a bid takes a held seat: the holder may bid any lower fee, an outsider must undercut by at least `minFeeReductionBps`. */
export function bidTakesSeat(bidUsd: number, holderFeeUsd: number, fromHolder: boolean, minFeeReductionBps: number): boolean {
  if (fromHolder) return bidUsd < holderFeeUsd;
  return bidUsd <= maxOutsiderBidUsd(holderFeeUsd, minFeeReductionBps);
}

/** Highest bid allowed while the seat has been vacant for `elapsedHours`: base x 2^min(floor(elapsed / doubling), max doublings). */
export function vacancyFeeCapUsd(baseFeeUsd: number, elapsedHours: number, doublingMinutes: number, maxDoublings: number): number {
  const periods = Math.min(maxDoublings, Math.floor((Math.max(0, elapsedHours) * 60) / doublingMinutes));
  return baseFeeUsd * pow(2, periods);
}

/** Bond a bidder must hold: livenessBond x maxPendingProposals x 2 (AUCTION.md "Required Bond"). */
export function requiredBondTokens(livenessBondTokens: number, maxPendingProposals: number): number {
  return livenessBondTokens * maxPendingProposals * 2;
}

/** A holder whose bond falls below livenessBond x maxPendingProposals / 2 is forced out. */
export function forcedExitThresholdTokens(livenessBondTokens: number, maxPendingProposals: number): number {
  return (livenessBondTokens * maxPendingProposals) / 2;
}

export class AuctionMechanism implements Mechanism {
  readonly kind = 'auction';
  readonly openEntry = true;
  readonly withdrawalDelayDays: number;
  /** The seat: its holder (-1: vacant), fee per batch, and when the holder took it (hours since day 0). */
  holder = -1;
  feeUsd = 0;
  private takenAtHours = 0;
  /** When the current holder's tenure ends (a forced exit still to happen), hours; Infinity otherwise. */
  private tenureEndHours = Infinity;
  /** Vacancy: since when, and the base of the fee cap (the previous holder's fee). */
  private vacantSinceHours = 0;
  private baseFeeUsd = NaN;
  /** A prover forced out today may not bid again until tomorrow. */
  private barred = -1;
  private readonly bondTokens: number;
  private readonly thresholdTokens: number;
  private reservation!: Float64Array;
  private fallback!: FallbackRace;

  constructor(private readonly config: AuctionConfig) {
    this.withdrawalDelayDays = config.bondWithdrawalDelayHours / HOURS_PER_DAY;
    this.bondTokens = requiredBondTokens(config.livenessBondTokens, config.maxPendingProposals);
    this.thresholdTokens = forcedExitThresholdTokens(config.livenessBondTokens, config.maxPendingProposals);
  }

  init(w: World): void {
    this.reservation = new Float64Array(w.provers.n);
    this.fallback = new FallbackRace(w.provers.n);
    this.vacantSinceHours = 0;
  }

  beginDecisions(): void {}

  entryBondUsd(w: World): number {
    return this.bondTokens * w.env.tokenPriceUsd[w.day];
  }

  /** Probability that prover i, at this speed, misses the proving window: too slow, or down. */
  private missProbability(w: World, i: number, speed: number): number {
    const down = downtimeShare(w, i);
    return down + (1 - down) * exp(-speed * this.config.provingWindowHours);
  }

  /** Daily cost of holding the seat besides attempts: slashes expected per batch are in the reservation. */
  private bondCostUsdPerDay(w: World, i: number): number {
    return w.collateral.dailyCostUsd(w, i, this.bondTokens);
  }

  /**
   * Lowest fee per batch at which holding the seat today pays prover i: its prover share of fee plus
   * issuance covers the attempt, the expected liveness slash, and its fixed and bond costs spread over
   * the day's batches.
   */
  reservationFeeUsd(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    const batches = w.batchesToday;
    const share = proverShare(w);
    if (!(batches > 0) || !(speed > 0) || !(share > 0)) return Infinity;
    const e = w.env;
    const price = e.tokenPriceUsd[w.day];
    const perBatch = attemptCostUsd + this.missProbability(w, i, speed) * this.config.livenessBondTokens * price + (fixedCostUsdPerDay + this.bondCostUsdPerDay(w, i)) / batches;
    return perBatch / share - e.issuanceTokensPerBatch[w.day] * price;
  }

  expectedProfitUsdPerDay(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    if (i !== this.holder) return -fixedCostUsdPerDay;
    const e = w.env;
    const price = e.tokenPriceUsd[w.day];
    const perBatch = proverShare(w) * (this.feeUsd + e.issuanceTokensPerBatch[w.day] * price) - attemptCostUsd - this.missProbability(w, i, speed) * this.config.livenessBondTokens * price;
    return w.batchesToday * perBatch - fixedCostUsdPerDay - this.bondCostUsdPerDay(w, i);
  }

  expectedProfitsUsdPerDay(w: World, out: Float64Array): void {
    const p = w.provers;
    for (let i = 0; i < p.n; i++) out[i] = this.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
  }

  /** Every potential bidder's reservation fee of today (Infinity for those who cannot bid: pool members, empty pools). */
  private computeReservations(w: World): void {
    const p = w.provers;
    for (let i = 0; i < p.n; i++) {
      const bids = p.poolOf[i] < 0 && (p.slotPool[i] < 0 || p.active[i] === 1);
      this.reservation[i] = bids ? this.reservationFeeUsd(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]) : Infinity;
    }
  }

  /** The two lowest reservations among bidders up at `hours` (ties: lower index first). */
  private cheapestTwo(w: World, hours: number): [number, number] {
    const p = w.provers;
    const o = w.env.outages;
    let first = -1;
    let second = -1;
    for (let i = 0; i < p.n; i++) {
      const r = this.reservation[i];
      if (!(r < Infinity) || i === this.barred) continue;
      if (second >= 0 && r >= this.reservation[second]) continue;
      if (!o.none && readyAt(w, i, hours) > hours) continue;
      if (first < 0 || r < this.reservation[first]) {
        second = first;
        first = i;
      } else second = i;
    }
    return [first, second];
  }

  /** Gives the seat to prover i at `feeUsd` from `atHours`: it buys in if needed and locks the bond. */
  private seat(w: World, i: number, feeUsd: number, atHours: number): void {
    if (this.holder >= 0 && this.holder !== i) this.releaseBond(w, this.holder, atHours);
    w.activate(i);
    w.collateral.lock(i, this.bondTokens);
    this.holder = i;
    this.feeUsd = feeUsd;
    this.takenAtHours = atHours;
    this.tenureEndHours = Infinity;
  }

  private releaseBond(w: World, i: number, atHours: number): void {
    w.collateral.release(i, Math.ceil((atHours + this.config.bondWithdrawalDelayHours) / HOURS_PER_DAY));
  }

  /** The holder leaves at `atHours` (exit or forced out): the seat is vacant, its fee the base of the cap. */
  private vacate(w: World, atHours: number): void {
    this.releaseBond(w, this.holder, atHours);
    this.baseFeeUsd = this.feeUsd;
    this.vacantSinceHours = atHours;
    this.holder = -1;
    this.tenureEndHours = Infinity;
  }

  /**
   * Outsiders undercut by the minimum step while the undercut still covers their reservation; only
   * the two cheapest provers matter (anyone else gives up first).
   */
  private settleBids(w: World, atHours: number): void {
    const [first, second] = this.cheapestTwo(w, atHours);
    let holder = this.holder;
    let fee = this.feeUsd;
    for (;;) {
      const challenger = holder === first ? second : first;
      if (challenger < 0) break;
      const bid = maxOutsiderBidUsd(fee, this.config.minFeeReductionBps);
      if (!(this.reservation[challenger] <= bid) || !bidTakesSeat(bid, fee, false, this.config.minFeeReductionBps)) break;
      holder = challenger;
      fee = bid;
      // Fees that fall towards zero (issuance covers the costs) end the war at zero.
      if (fee < 1e-9) {
        fee = 0;
        break;
      }
    }
    if (holder !== this.holder) this.seat(w, holder, fee, atHours);
    // The same holder may come out of the war at a lower fee (it won back the seat).
    this.feeUsd = fee;
  }

  /**
   * Fills a vacant seat from `fromHours`: the cheapest prover up bids the cap once the cap covers its
   * reservation, then the others may undercut. Leaves the seat vacant if nobody takes it today.
   */
  private fill(w: World, fromHours: number): void {
    const [first] = this.cheapestTwo(w, fromHours);
    if (first < 0) return;
    const base = Number.isNaN(this.baseFeeUsd) ? this.config.initialMaxFeeUsd ?? w.env.feeUsdPerBatch[0] : this.baseFeeUsd;
    const r = this.reservation[first];
    const doublings = r <= base ? 0 : base > 0 ? Math.ceil(log2(r / base)) : Infinity;
    if (doublings > this.config.maxFeeDoublings) return;
    const takeAt = Math.max(fromHours, this.vacantSinceHours + (doublings * this.config.feeDoublingMinutes) / 60);
    if (takeAt >= w.dayStartHours + HOURS_PER_DAY) return;
    const cap = vacancyFeeCapUsd(base, takeAt - this.vacantSinceHours, this.config.feeDoublingMinutes, this.config.maxFeeDoublings);
    this.seat(w, first, cap, takeAt);
    this.settleBids(w, takeAt);
  }

  runDay(w: World): DayOutcome {
    const p = w.provers;
    const f = w.finality;
    const rng = w.rng;
    const dayStart = w.dayStartHours;
    const dayEnd = dayStart + HOURS_PER_DAY;
    this.barred = -1;
    this.computeReservations(w);
    if (this.holder >= 0 && !p.active[this.holder]) this.vacate(w, dayStart);
    if (this.holder >= 0) this.settleBids(w, dayStart);
    else this.fill(w, dayStart);
    const batches = w.batchesToday;
    const spacing = batches > 0 ? HOURS_PER_DAY / batches : 0;
    let openHours = 0;
    for (let b = 0; b < batches; b++) {
      const posted = dayStart + b * spacing;
      if (this.holder >= 0 && this.tenureEndHours <= posted) {
        const out = this.holder;
        const at = this.tenureEndHours;
        this.vacate(w, at);
        this.barred = out;
        this.fill(w, at);
      }
      const h = this.holder;
      if (h < 0) {
        f.missedBatch();
        continue;
      }
      const assigned = Math.max(posted, this.takenAtHours);
      const proofAt = readyAt(w, h, assigned) + rng.exponential32(p.speed[h]);
      const windowEnd = assigned + this.config.provingWindowHours;
      p.chargeAttempts(h, 1);
      payProofsAtFee(w, h, 1, this.feeUsd);
      let prover = h;
      let provenAt = proofAt;
      if (proofAt > windowEnd) {
        this.fallback.run(w, windowEnd, h);
        if (this.fallback.winner >= 0 && this.fallback.atHours < proofAt) {
          prover = this.fallback.winner;
          provenAt = this.fallback.atHours;
        }
        w.collateral.slash(w, h, this.config.livenessBondTokens, prover === h ? -1 : prover, this.config.lateProverShare, false);
        if (w.collateral.bondTokens[h] < this.thresholdTokens && this.tenureEndHours === Infinity) this.tenureEndHours = windowEnd;
        openHours += Math.max(0, Math.min(provenAt, dayEnd) - windowEnd);
      }
      p.recordWins(prover, 1);
      f.proven(provenAt - posted);
    }
    const open = Math.min(HOURS_PER_DAY, openHours);
    return { activeProvers: p.activeCount, openHours: open, openToAnyoneShare: open / HOURS_PER_DAY };
  }
}
