/**
 * Two-step (commit-reveal) submission: Opside's ZKP two-step submission, later Lumoz's
 * (docs.lumoz.org technical-reference zkp-two-step-submission; docs.opside.network miners-pow, 2023).
 *
 * Rules: provers stake per rollup to register. Every registered prover that is up works on every batch.
 * Step 1: a prover that has its proof commits H(proof, address); if the first commit lands at L1 block
 * T, commits are accepted through T + commitWindowBlocks, none after. Step 2: from the next block any
 * one valid proof is revealed and validates every committed hash; every committer whose proof is valid
 * shares the batch's reward pro rata to its stake. A commit the proof does not validate (wrong hash)
 * pays wrongHashPenalty. If no proof verifies by T + revealDeadlineBlocks, every committer pays
 * noProofPenalty and the batch reopens at step 1. Penalties are burned.
 *
 * Why it exists: the hash binds the proof to the committer's address and the proof is revealed only
 * after the commit window has closed, so a mempool copier has nothing to copy in time (compare the
 * race with frontRunProbability > 0).
 *
 * Sampling: the first commit is the race's winner (probability speed / total, time Exponential(total));
 * by memorylessness every other prover independently commits within the window with probability
 * 1 - exp(-speed x window). A commit is invalid with invalidCommitProbability.
 * Simplifications: the docs leave open how one revealed proof validates hashes of randomized proofs;
 * as they say, every committer whose own proof is valid shares. Every prover pays a full attempt
 * (those who finish after the window wasted theirs); the up-set is fixed between outage boundaries;
 * the reveal lands the block after the window closes.
 */
import { HOURS_PER_DAY } from '../environment';
import type { MechanismConfig } from '../scenario/schema';
import { payProofs, proverShare, type World } from '../world';
import type { DayOutcome, Mechanism } from './mechanism';
import { classStakeTokens, mechanismCostOfStake, stakeTokens } from './stakes';
import { UpSet } from './up-set';
import { exp } from '../math';

type TwoStepConfig = Extract<MechanismConfig, { kind: 'two-step' }>;

/** Most rounds a batch may reopen before it counts as missed (each round every committer was invalid). */
const MAX_ROUNDS = 100;

/**
 * Settles one round's commits, given each committer's stake and whether its commit is valid: when
 * some commit is valid, each valid committer's share of the reward is its stake over the valid
 * committers' stake and each invalid one pays the wrong-hash penalty; when none is, every committer
 * pays the no-proof penalty. Fills `shares` and `penaltiesTokens` (per committer); returns whether
 * the batch is proven.
 */
export function settleCommits(
  stakes: ArrayLike<number>,
  valid: ArrayLike<number>,
  count: number,
  wrongHashPenaltyTokens: number,
  noProofPenaltyTokens: number,
  shares: Float64Array,
  penaltiesTokens: Float64Array,
): boolean {
  let validStake = 0;
  for (let k = 0; k < count; k++) if (valid[k]) validStake += stakes[k];
  const proven = validStake > 0;
  for (let k = 0; k < count; k++) {
    shares[k] = proven && valid[k] ? stakes[k] / validStake : 0;
    penaltiesTokens[k] = !proven ? noProofPenaltyTokens : valid[k] ? 0 : wrongHashPenaltyTokens;
  }
  return proven;
}

export class TwoStepMechanism implements Mechanism {
  readonly kind = 'two-step';
  readonly openEntry = true;
  readonly withdrawalDelayDays: number;
  /** Commit window after the first commit, hours; reveal lands this plus one block after it. */
  readonly commitWindowHours: number;
  readonly revealDelayHours: number;
  readonly deadlineHours: number;
  /** At decision time: total speed of registered active provers, and sum of stake x P(commits in the window). */
  private totalSpeed = 0;
  private stakeInWindow = 0;
  private upSet!: UpSet;
  private inWindow!: Float64Array;
  private stakes!: Float64Array;
  private committers!: Int32Array;
  private valid!: Uint8Array;
  private committerStakes!: Float64Array;
  private shares!: Float64Array;
  private penalties!: Float64Array;
  private cumSpeed!: Float64Array;

  constructor(private readonly config: TwoStepConfig) {
    this.withdrawalDelayDays = config.withdrawalDelayDays;
    const block = config.l1BlockSeconds / 3600;
    this.commitWindowHours = config.commitWindowBlocks * block;
    this.revealDelayHours = (config.commitWindowBlocks + 1) * block;
    this.deadlineHours = config.revealDeadlineBlocks * block;
  }

  init(w: World): void {
    const n = w.provers.n;
    this.upSet = new UpSet(n);
    this.inWindow = new Float64Array(n);
    this.stakes = new Float64Array(n);
    this.committers = new Int32Array(n);
    this.valid = new Uint8Array(n);
    this.committerStakes = new Float64Array(n);
    this.shares = new Float64Array(n);
    this.penalties = new Float64Array(n);
    this.cumSpeed = new Float64Array(n);
  }

  standingBondTokens(w: World, i: number): number {
    return classStakeTokens(w, i, this.config.stakeTokensByClass, this.config.stakeTokens);
  }

  entryBondUsd(w: World): number {
    return this.config.stakeTokens * w.env.tokenPriceUsd[w.day];
  }

  private registered(w: World, i: number, stake: number): boolean {
    return stake >= this.config.stakeTokens && stake > 0 && w.provers.speed[i] > 0;
  }

  beginDecisions(w: World): void {
    const p = w.provers;
    let speed = 0;
    let inWindow = 0;
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      const stake = stakeTokens(w, this, i);
      this.stakes[i] = stake;
      if (!this.registered(w, i, stake)) continue;
      speed += p.speed[i];
      inWindow += stake * (1 - exp(-p.speed[i] * this.commitWindowHours));
    }
    this.totalSpeed = speed;
    this.stakeInWindow = inWindow;
  }

  /**
   * Expected profit: the prover commits if it is first (probability s / S) or finishes within the
   * window after the first (1 - exp(-s x window)); a committer's expected share is approximated by its
   * stake over its stake plus the others' stake weighted by their chance to commit in the window.
   */
  expectedProfitUsdPerDay(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    const p = w.provers;
    const fixed = fixedCostUsdPerDay + mechanismCostOfStake(w, this, i);
    const stake = stakeTokens(w, this, i);
    if (stake < this.config.stakeTokens || !(stake > 0) || !(speed > 0)) return -fixed;
    const counted = p.active[i] && this.registered(w, i, stake);
    const otherSpeed = Math.max(0, this.totalSpeed - (counted ? p.speed[i] : 0));
    const otherStake = Math.max(0, this.stakeInWindow - (counted ? stake * (1 - exp(-p.speed[i] * this.commitWindowHours)) : 0));
    const first = speed / (otherSpeed + speed);
    const commits = first + (1 - first) * (1 - exp(-speed * this.commitWindowHours));
    const share = stake / (stake + otherStake);
    const e = w.env;
    const price = e.tokenPriceUsd[w.day];
    const reward = proverShare(w) * (e.feeUsdPerBatch[w.day] + e.issuanceTokensPerBatch[w.day] * price);
    const bad = this.config.invalidCommitProbability;
    const perBatch = commits * ((1 - bad) * share * reward - bad * this.config.wrongHashPenaltyTokens * price) - attemptCostUsd;
    return w.batchesToday * perBatch - fixed;
  }

  expectedProfitsUsdPerDay(w: World, out: Float64Array): void {
    const p = w.provers;
    for (let i = 0; i < p.n; i++) out[i] = this.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
  }

  runDay(w: World): DayOutcome {
    const p = w.provers;
    const batches = w.batchesToday;
    const f = w.finality;
    this.beginDecisions(w);
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      this.inWindow[i] = 1 - exp(-p.speed[i] * this.commitWindowHours);
    }
    this.upSet.beginDay(w);
    const spacing = batches > 0 ? HOURS_PER_DAY / batches : 0;
    for (let b = 0; b < batches; b++) {
      const posted = w.dayStartHours + b * spacing;
      let start = posted;
      let provenAt = -1;
      for (let round = 0; round < MAX_ROUNDS && provenAt < 0; round++) {
        const firstCommit = this.round(w, start);
        if (firstCommit < 0) break;
        if (this.settle(w)) provenAt = firstCommit + this.revealDelayHours;
        else start = firstCommit + this.deadlineHours;
      }
      if (provenAt >= 0) f.proven(provenAt - posted);
      else f.missedBatch();
    }
    return { activeProvers: p.activeCount, openHours: HOURS_PER_DAY, openToAnyoneShare: 1 };
  }

  /** Number of committers of the current round (set by `round`). */
  private nCommitters = 0;

  /**
   * One round from `startHours`: every registered prover up then works; draws the first commit and who
   * else commits within the window, and which commits are valid. Returns the first commit's time, or
   * -1 when nobody is up.
   */
  private round(w: World, startHours: number): number {
    const p = w.provers;
    const rng = w.rng;
    const nUp = this.upSet.at(w, Math.min(startHours, w.dayStartHours + HOURS_PER_DAY - 1e-9));
    const up = this.upSet.list;
    let total = 0;
    let n = 0;
    for (let k = 0; k < nUp; k++) {
      const i = up[k];
      if (!this.registered(w, i, this.stakes[i])) continue;
      total += p.speed[i];
      this.cumSpeed[n] = total;
      this.committers[n++] = i;
    }
    if (n === 0 || !(total > 0)) return -1;
    const u = rng.uniform32() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumSpeed[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const firstAt = startHours + rng.exponential32(total);
    // Everyone works on the batch; the committers are the first plus those finishing within the window.
    let m = 0;
    for (let k = 0; k < n; k++) {
      const i = this.committers[k];
      p.chargeAttempts(i, 1);
      if (k === lo || rng.uniform32() < this.inWindow[i]) this.committers[m++] = i;
    }
    const bad = this.config.invalidCommitProbability;
    for (let k = 0; k < m; k++) this.valid[k] = bad > 0 && rng.uniform32() < bad ? 0 : 1;
    this.nCommitters = m;
    return firstAt;
  }

  /** Settles the round's commits (see settleCommits): pays shares, burns penalties; false when the batch reopens. */
  private settle(w: World): boolean {
    const p = w.provers;
    const m = this.nCommitters;
    for (let k = 0; k < m; k++) this.committerStakes[k] = this.stakes[this.committers[k]];
    const c = this.config;
    const proven = settleCommits(this.committerStakes, this.valid, m, c.wrongHashPenaltyTokens, c.noProofPenaltyTokens, this.shares, this.penalties);
    for (let k = 0; k < m; k++) {
      const i = this.committers[k];
      if (this.penalties[k] > 0) w.collateral.slash(w, i, this.penalties[k], -1, 0, true);
      if (this.shares[k] > 0) {
        p.recordWins(i, this.shares[k]);
        payProofs(w, i, this.shares[k]);
      }
    }
    return proven;
  }
}
