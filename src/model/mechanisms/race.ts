/**
 * Permissionless proving race, as Taiko ran it in 2023 (alpha-3: "the fastest valid proof is paid,
 * redundant work is unpaid", taiko-mono tokenomics_staking.md) and as BENCHMARK.md specifies it.
 *
 * Rules: every active prover that is up attempts every batch; proof latency is exponential with the
 * prover's speed; the first proof wins the whole prover reward; every attempt costs its prover.
 * A batch posted while no prover is up is missed.
 *
 * Simplifications: no capacity limit (a prover proves batches in parallel); losers pay for the whole
 * attempt (they cannot know in time that they lost); the up-set is fixed between outage boundaries.
 * Sampling: the winner of an exponential race is drawn directly with probability s_i / S and the
 * winning latency as Exponential(S), which has exactly the distribution of the minimum.
 *
 * Front-running (frontRunProbability > 0), the attack two-step submission exists to stop (Opside,
 * 2023): the winning proof is revealed in the public mempool before it lands; a copier who resubmits it
 * with a higher gas price lands first with this probability and takes the prover reward, at no proving
 * cost (its gas is paid on L1, outside the model). The batch is proven as before; the prover who did
 * the work is paid nothing. Provers expect to keep (1 - probability) of what they win.
 */
import { outageBoundaries, downUntil, HOURS_PER_DAY } from '../environment';
import type { MechanismConfig } from '../scenario/schema';
import type { World } from '../world';
import { payProofs } from '../world';
import type { DayOutcome, Mechanism } from './mechanism';

type RaceConfig = Extract<MechanismConfig, { kind: 'race' }>;

export class RaceMechanism implements Mechanism {
  readonly kind = 'race';
  readonly openEntry = true;
  /** Probability that a copier takes a won batch's reward. */
  private readonly frontRun: number;
  /** Batches whose reward copiers took today. */
  private copied = 0;
  /** Sum of the active provers' speeds at decision time. */
  private activeSpeed = 0;
  private up!: Int32Array;
  /** Wins of each up prover in the current segment (indexed like `up`). */
  private segmentWins!: Float64Array;
  private cumSpeed!: Float64Array;
  private points!: Float64Array;

  constructor(config: RaceConfig = { kind: 'race', frontRunProbability: 0 }) {
    this.frontRun = config.frontRunProbability;
  }

  init(w: World): void {
    const n = w.provers.n;
    this.up = new Int32Array(n);
    this.segmentWins = new Float64Array(n);
    this.cumSpeed = new Float64Array(n);
    this.points = new Float64Array(16);
  }

  beginDecisions(w: World): void {
    const p = w.provers;
    let s = 0;
    for (let k = 0; k < p.activeCount; k++) s += p.speed[p.activeList[k]];
    this.activeSpeed = s;
  }

  expectedProfitUsdPerDay(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    const others = w.provers.active[i] ? this.activeSpeed - w.provers.speed[i] : this.activeSpeed;
    const share = speed / (Math.max(0, others) + speed);
    return w.batchesToday * (w.proverRewardPerBatchUsd * (1 - this.frontRun) * share - attemptCostUsd) - fixedCostUsdPerDay;
  }

  expectedProfitsUsdPerDay(w: World, out: Float64Array): void {
    const { active, speed, attemptCostUsd, fixedCostUsdPerDay, n } = w.provers;
    const batches = w.batchesToday;
    const reward = w.proverRewardPerBatchUsd * (1 - this.frontRun);
    const total = this.activeSpeed;
    for (let i = 0; i < n; i++) {
      const s = speed[i];
      const others = active[i] ? total - s : total;
      out[i] = batches * ((reward * s) / (Math.max(0, others) + s) - attemptCostUsd[i]) - fixedCostUsdPerDay[i];
    }
  }

  entryBondUsd(): number {
    return 0;
  }

  runDay(w: World): DayOutcome {
    const p = w.provers;
    const nActive = p.activeCount;
    const batches = w.batchesToday;
    this.copied = 0;
    if (batches === 0) return { activeProvers: nActive, openHours: HOURS_PER_DAY };
    const dayStart = w.dayStartHours;
    const dayEnd = dayStart + HOURS_PER_DAY;
    const outages = w.env.outages;

    // Times at which some active prover goes down or comes back split the day into segments.
    let nPoints = 0;
    if (!outages.none) {
      for (let k = 0; k < nActive; k++) {
        if (this.points.length - nPoints < 64) this.growPoints();
        nPoints = outageBoundaries(outages, p.activeList[k], dayStart, dayEnd, this.points, nPoints);
      }
    }
    const points = this.points.subarray(0, nPoints).sort();

    const spacing = HOURS_PER_DAY / batches;
    let b = 0;
    let segStart = dayStart;
    for (let s = 0; s <= nPoints && b < batches; s++) {
      const segEnd = s < nPoints ? points[s] : dayEnd;
      let inSegment = 0;
      while (b + inSegment < batches && dayStart + (b + inSegment) * spacing < segEnd) inSegment++;
      if (inSegment > 0) this.raceSegment(w, nActive, segStart, inSegment);
      b += inSegment;
      segStart = segEnd;
    }
    for (let k = 0; k < p.dayParticipantCount; k++) {
      const i = p.dayParticipants[k];
      payProofs(w, i, p.dayWins[i]);
    }
    if (this.copied > 0) {
      const e = w.env;
      w.ledger.payCopier(this.copied, e.feeUsdPerBatch[w.day], e.issuanceTokensPerBatch[w.day], e.tokenPriceUsd[w.day]);
    }
    return { activeProvers: nActive, openHours: HOURS_PER_DAY, frontRunBatches: this.copied };
  }

  private growPoints(): void {
    const grown = new Float64Array(this.points.length * 2);
    grown.set(this.points);
    this.points = grown;
  }

  /** Races `count` batches among the active provers that are up at `atHours`. */
  private raceSegment(w: World, nActive: number, atHours: number, count: number): void {
    const p = w.provers;
    const outages = w.env.outages;
    let nUp = 0;
    let total = 0;
    for (let k = 0; k < nActive; k++) {
      const i = p.activeList[k];
      if (!outages.none && downUntil(outages, i, atHours) >= 0) continue;
      total += p.speed[i];
      this.up[nUp] = i;
      this.cumSpeed[nUp] = total;
      this.segmentWins[nUp] = 0;
      nUp++;
    }
    const f = w.finality;
    if (nUp === 0 || total <= 0) {
      for (let j = 0; j < count; j++) f.missedBatch();
      return;
    }
    const rng = w.rng;
    const cum = this.cumSpeed;
    for (let j = 0; j < count; j++) {
      const u = rng.uniform32() * total;
      let lo = 0;
      let hi = nUp - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      if (this.frontRun > 0 && rng.uniform32() < this.frontRun) this.copied++;
      else this.segmentWins[lo]++;
      f.proven(rng.exponential32(total));
    }
    for (let k = 0; k < nUp; k++) {
      p.chargeAttempts(this.up[k], count);
      p.recordWins(this.up[k], this.segmentWins[k]);
    }
  }
}
