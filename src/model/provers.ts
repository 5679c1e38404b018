/**
 * The prover population as a table of typed arrays (one entry per potential prover), so that the
 * daily loop over a thousand provers allocates nothing. Static traits are drawn once per run from the
 * "provers" stream; dynamic state (active, hardware, ledgers) changes as the run goes.
 */
import type { Rng } from './random';
import type { Scenario } from './scenario/schema';
import { log } from './math';

export const COST_PER_ATTEMPT = 0;
export const COST_HARDWARE = 1;

export class Provers {
  /** Number of entries: the individual provers, then one entity slot per proving pool. */
  readonly n: number;
  /** Number of individual (potential) provers; indices from here to n are pool slots. */
  readonly nIndividuals: number;
  /** Class index of each prover (into scenario.provers.classes); pool slots hold the number of classes. */
  readonly classIndex: Uint16Array;
  /** COST_PER_ATTEMPT or COST_HARDWARE. */
  readonly costModel: Uint8Array;
  /** perAttempt: speed in proofs/h. hardware: operator efficiency multiplier (log-normal, median 1). */
  readonly speedTrait: Float64Array;
  /** perAttempt: attempt cost on day 0 in USD. hardware: unused (0). */
  readonly attemptCostTrait: Float64Array;
  /** Hardware kind index (into hardwareIds), -1 for perAttempt provers. */
  readonly kind: Int16Array;
  /** Hardware units run (1 for perAttempt provers). */
  readonly units: Float64Array;
  /** Opportunity cost of locked capital, 1/year (the class's; a pool slot's is its members' speed-weighted mean). */
  readonly capitalCostPerYear: Float64Array;
  /** Pool whose entity this slot is (-1 for individual provers). */
  readonly slotPool: Int16Array;
  /** Pool an individual prover has joined as a member (-1: none). Members are not active themselves. */
  readonly poolOf: Int16Array;

  // Dynamic state ------------------------------------------------------------------------------
  /** 1 when the prover is in the active set. */
  readonly active: Uint8Array;
  /** Today's proving speed, proofs/h. */
  readonly speed: Float64Array;
  /** Today's cost of one attempt, USD. */
  readonly attemptCostUsd: Float64Array;
  /** Today's fixed cost if active (overhead, depreciation, capital), USD/day. */
  readonly fixedCostUsdPerDay: Float64Array;
  /** Depreciation of owned hardware, locked at purchase, USD/day (0 when not holding hardware). */
  readonly depreciationUsdPerDay: Float64Array;

  /** Indices of active provers (rebuilt by refreshActiveList after the active set changes). */
  readonly activeList: Int32Array;
  activeCount = 0;

  // Ledgers (cumulative over the run) -----------------------------------------------------------
  readonly wins: Float64Array;
  readonly attempts: Float64Array;
  readonly rewardUsd: Float64Array;
  readonly rewardTokens: Float64Array;
  readonly rewardValueUsd: Float64Array;
  readonly attemptSpendUsd: Float64Array;
  readonly fixedSpendUsd: Float64Array;
  readonly capexSpendUsd: Float64Array;
  /** Tokens slashed from the prover's stake and bonds, and their value on the day slashed. */
  readonly slashedTokens: Float64Array;
  readonly slashedValueUsd: Float64Array;
  /** Opportunity cost of the prover's mechanism stake, bonds and collateral, USD. */
  readonly capitalSpendUsd: Float64Array;
  readonly daysActive: Float64Array;
  readonly entries: Float64Array;
  readonly exits: Float64Array;
  readonly upgrades: Float64Array;

  // Today's scratch (reset through the participant list) ---------------------------------------
  readonly dayWins: Float64Array;
  readonly dayAttempts: Float64Array;
  readonly dayRewardValueUsd: Float64Array;
  /** Costs of proving today besides attempts (an L1 verification fee per submission), USD. */
  readonly dayExtraCostUsd: Float64Array;
  /** Provers that attempted or won today, in first-touched order. */
  readonly dayParticipants: Int32Array;
  dayParticipantCount = 0;

  constructor(individuals: number, pools = 0) {
    const n = individuals + pools;
    this.n = n;
    this.nIndividuals = individuals;
    this.classIndex = new Uint16Array(n);
    this.costModel = new Uint8Array(n);
    this.speedTrait = new Float64Array(n);
    this.attemptCostTrait = new Float64Array(n);
    this.kind = new Int16Array(n);
    this.units = new Float64Array(n);
    this.capitalCostPerYear = new Float64Array(n);
    this.slotPool = new Int16Array(n).fill(-1);
    for (let k = 0; k < pools; k++) this.slotPool[individuals + k] = k;
    this.poolOf = new Int16Array(n).fill(-1);
    this.active = new Uint8Array(n);
    this.activeList = new Int32Array(n);
    this.speed = new Float64Array(n);
    this.attemptCostUsd = new Float64Array(n);
    this.fixedCostUsdPerDay = new Float64Array(n);
    this.depreciationUsdPerDay = new Float64Array(n);
    this.wins = new Float64Array(n);
    this.attempts = new Float64Array(n);
    this.rewardUsd = new Float64Array(n);
    this.rewardTokens = new Float64Array(n);
    this.rewardValueUsd = new Float64Array(n);
    this.attemptSpendUsd = new Float64Array(n);
    this.fixedSpendUsd = new Float64Array(n);
    this.capexSpendUsd = new Float64Array(n);
    this.slashedTokens = new Float64Array(n);
    this.slashedValueUsd = new Float64Array(n);
    this.capitalSpendUsd = new Float64Array(n);
    this.daysActive = new Float64Array(n);
    this.entries = new Float64Array(n);
    this.exits = new Float64Array(n);
    this.upgrades = new Float64Array(n);
    this.dayWins = new Float64Array(n);
    this.dayAttempts = new Float64Array(n);
    this.dayRewardValueUsd = new Float64Array(n);
    this.dayExtraCostUsd = new Float64Array(n);
    this.dayParticipants = new Int32Array(n);
  }

  /** Rebuilds activeList from the active flags. */
  refreshActiveList(): void {
    let m = 0;
    for (let i = 0; i < this.n; i++) if (this.active[i]) this.activeList[m++] = i;
    this.activeCount = m;
  }

  /** Marks a prover as taking part today (idempotent). */
  touch(i: number): void {
    if (this.dayAttempts[i] === 0 && this.dayWins[i] === 0 && this.dayExtraCostUsd[i] === 0) this.dayParticipants[this.dayParticipantCount++] = i;
  }

  /** Records `count` attempts by prover i at today's attempt cost. */
  chargeAttempts(i: number, count: number): void {
    if (count <= 0) return;
    this.touch(i);
    this.dayAttempts[i] += count;
    this.attempts[i] += count;
    this.attemptSpendUsd[i] += count * this.attemptCostUsd[i];
  }

  /** Charges prover i a proving cost other than an attempt (counted with its attempt spending). */
  chargeCost(i: number, usd: number): void {
    if (usd <= 0) return;
    this.touch(i);
    this.dayExtraCostUsd[i] += usd;
    this.attemptSpendUsd[i] += usd;
  }

  /** Records `count` proofs won by prover i (payment goes through the Ledger). */
  recordWins(i: number, count: number): void {
    if (count <= 0) return;
    this.touch(i);
    this.dayWins[i] += count;
    this.wins[i] += count;
  }

  /** Clears today's scratch arrays. */
  resetDay(): void {
    for (let k = 0; k < this.dayParticipantCount; k++) {
      const i = this.dayParticipants[k];
      this.dayWins[i] = 0;
      this.dayAttempts[i] = 0;
      this.dayRewardValueUsd[i] = 0;
      this.dayExtraCostUsd[i] = 0;
    }
    this.dayParticipantCount = 0;
  }
}

/**
 * Draws the population: provers are laid out class by class in scenario order (so the first class's
 * first prover has index 0), each with its static traits; one entity slot per pool follows them.
 */
export function createProvers(scenario: Scenario, hardwareIds: string[], rng: Rng): Provers {
  const classes = scenario.provers.classes;
  const n = classes.reduce((sum, c) => sum + c.count, 0);
  const p = new Provers(n, scenario.pools.list.length);
  for (let k = n; k < p.n; k++) {
    p.classIndex[k] = classes.length;
    p.kind[k] = -1;
  }
  let i = 0;
  classes.forEach((c, ci) => {
    for (let k = 0; k < c.count; k++, i++) {
      p.classIndex[i] = ci;
      const m = c.costModel;
      if (m.model === 'perAttempt') {
        p.costModel[i] = COST_PER_ATTEMPT;
        p.speedTrait[i] = rng.logNormal(log(m.speedMedianProofsPerHour), m.speedSigma);
        p.attemptCostTrait[i] = rng.logNormal(log(m.attemptCostMedianUsd), m.attemptCostSigma);
        p.kind[i] = -1;
        p.units[i] = 1;
      } else {
        p.costModel[i] = COST_HARDWARE;
        p.speedTrait[i] = rng.logNormal(0, m.speedSigma);
        p.kind[i] = hardwareIds.indexOf(m.hardware);
        p.units[i] = rng.integer(m.minUnits, m.maxUnits);
      }
      p.capitalCostPerYear[i] = c.capitalCostPerYear;
      if (k < c.activeAtStart) p.active[i] = 1;
    }
  });
  return p;
}
