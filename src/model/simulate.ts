/**
 * One run of the model: a pure function of (scenario, seed). It draws the population and the
 * environment, then steps day by day: prices and costs, entry and exit on expected profit, hardware
 * upgrades, the mechanism's proving of the day's batches, costs, and the day's metrics.
 */
import { Collateral } from './collateral';
import { allocateDaily, CLASS_COLUMNS, type ClassSeries, type DailySeries } from './columns';
import { compileEnvironment, DAYS_PER_YEAR, HOURS_PER_DAY, sampleOutages, type Environment } from './environment';
import { Ledger } from './ledger';
import { createMechanism, type DayOutcome, type Mechanism } from './mechanisms';
import { concentration, RollingAmounts, sortAscending, topShare, type Concentration, type WindowConcentration } from './metrics';
import { Pools, type PoolMoves } from './pools';
import { COST_HARDWARE, createProvers, type Provers } from './provers';
import { Rng } from './random';
import type { ProverLedgers, RunResult } from './result';
import type { HardwareKind, Scenario } from './scenario/schema';
import { DayFinality, DelayHistogram, type World } from './world';
import { log2, pow } from './math';

export interface SimulateOptions {
  /** Seed of every random stream; defaults to scenario.seed. */
  seed?: number;
  /**
   * Names the market stream (entry, exit, race outcomes) on top of the seed. A sweep passes its
   * parameter point here, so runs with the same seed share their environment and population draws
   * (common random numbers) but not their market draws. Default ''.
   */
  streamKey?: string;
  /** Check the ledger and NaN invariants at the end (default true; cheap). */
  checkInvariants?: boolean;
}

/** Runs a validated scenario (see parseScenario) and returns its typed results. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunResult {
  const sim = new Simulation(scenario, options.seed ?? scenario.seed, options.streamKey ?? '');
  for (let d = 0; d < scenario.days; d++) sim.step(d);
  if (options.checkInvariants !== false) sim.checkInvariants();
  return sim.result();
}

/** Speed and costs of a prover under some hardware choice (reused, never allocated per prover). */
interface Candidate {
  speed: number;
  attemptCostUsd: number;
  fixedCostUsdPerDay: number;
}

class Simulation {
  private readonly env: Environment;
  private readonly provers: Provers;
  private readonly ledger: Ledger;
  private readonly collateral: Collateral;
  /** Proving pools (null when the scenario has none). */
  private readonly pools: Pools | null;
  private readonly poolMoves: PoolMoves;
  /** Provers brought in during the day by the mechanism (w.activate), counted with the day's entries. */
  private midDayEntries = 0;
  /** Today's entries into and exits out of proving through pools. */
  private poolEntries = 0;
  private poolExits = 0;
  private readonly world: World;
  private readonly mechanism: Mechanism;
  private readonly histogram = new DelayHistogram();
  private readonly kinds: HardwareKind[];
  private readonly days: number;
  private readonly nClasses: number;
  // Per-class constants.
  private readonly overhead: Float64Array;
  private readonly capitalPerDay: Float64Array;
  private readonly classStakeUsd: Float64Array;
  private readonly electricity: Float64Array;
  private readonly rents: Uint8Array;
  private readonly budget: Float64Array;
  private readonly upgradeKinds: number[][];
  /** True when some class may switch hardware (skips the switch logic otherwise). */
  private readonly anyUpgrades: boolean;
  private readonly proverShare: number;
  // Hardware prices: exponential decline, or Wright's law on cumulative units (world + this market).
  private readonly priceFactor: Float64Array;
  private readonly unitsBought: Float64Array;
  private readonly learningExponent: number;
  private readonly candidate: Candidate = { speed: 0, attemptCostUsd: 0, fixedCostUsdPerDay: 0 };
  // Outputs and scratch.
  private readonly daily: DailySeries;
  private readonly classSeries = {} as ClassSeries;
  private readonly window7: RollingAmounts;
  private readonly window30: RollingAmounts;
  private readonly rewards30: RollingAmounts;
  /** The same windows by member, when there are pools. */
  private readonly memberWindows: { w7: RollingAmounts; w30: RollingAmounts; rewards30: RollingAmounts } | null;
  private readonly scratch: Float64Array;
  private readonly values: Float64Array;
  private readonly flips: Int32Array;
  private readonly profits: Float64Array;
  /** Hardware kind an inactive prover would enter with today (-1: its current kind). */
  private readonly entryKind: Int16Array;
  private readonly entryUnits: Float64Array;
  /** The best hardware switch found by bestSwitch (valid when it returns a kind). */
  private switchUnits = 0;
  private switchCapitalUsd = 0;
  private switchProfitUsdPerDay = 0;
  private readonly switchCandidate: Candidate = { speed: 0, attemptCostUsd: 0, fixedCostUsdPerDay: 0 };
  /** Index range [classStart[c], classStart[c+1]) of each class's provers. */
  private readonly classStart: Int32Array;

  constructor(private readonly scenario: Scenario, private readonly seed: number, private readonly streamKey: string) {
    this.days = scenario.days;
    this.env = compileEnvironment(scenario);
    this.provers = createProvers(scenario, this.env.hardwareIds, new Rng(seed, 'provers'));
    this.env.outages = sampleOutages(scenario, this.provers, new Rng(seed, 'outages'));
    this.ledger = new Ledger(this.provers, scenario.rewards.redistributionShare, scenario.rewards.treasuryShare);
    this.collateral = new Collateral(this.provers.n, scenario.provers.classes.length);
    this.pools = scenario.pools.list.length > 0 ? new Pools(scenario, this.provers) : null;
    this.poolMoves = {
      join: (i, q) => {
        if (!this.provers.active[i] && this.provers.poolOf[i] < 0) {
          this.buyIn(i);
          this.poolEntries++;
        }
        this.provers.active[i] = 0;
        this.provers.poolOf[i] = q;
      },
      leave: (i) => {
        this.provers.poolOf[i] = -1;
        this.sellOut(i);
        this.poolExits++;
      },
      intoPool: (i, q) => {
        this.provers.active[i] = 0;
        this.provers.poolOf[i] = q;
      },
      goSolo: (i) => {
        this.provers.poolOf[i] = -1;
        this.provers.active[i] = 1;
      },
    };
    let maxBatches = 16;
    for (const b of this.env.batchesPerDay) maxBatches = Math.max(maxBatches, b);
    this.world = {
      scenario,
      env: this.env,
      provers: this.provers,
      ledger: this.ledger,
      collateral: this.collateral,
      rng: new Rng(seed, 'market', streamKey),
      finality: new DayFinality(maxBatches, scenario.finality.deadlineHours),
      day: 0,
      dayStartHours: 0,
      batchesToday: 0,
      proverRewardPerBatchUsd: 0,
      activate: (i: number) => {
        if (this.provers.active[i] || this.provers.poolOf[i] >= 0 || this.provers.slotPool[i] >= 0) return;
        this.enter(i);
        this.midDayEntries++;
        this.provers.refreshActiveList();
      },
    };
    this.mechanism = createMechanism(scenario.mechanism);
    this.mechanism.init(this.world);
    this.provers.refreshActiveList();

    const classes = scenario.provers.classes;
    this.nClasses = classes.length;
    this.kinds = this.env.hardwareIds.map((id) => scenario.hardware[id]);
    this.overhead = Float64Array.from(classes, (c) => c.overheadUsdPerDay);
    this.capitalPerDay = Float64Array.from(classes, (c) => (c.stakeUsd * c.capitalCostPerYear) / DAYS_PER_YEAR);
    this.classStakeUsd = Float64Array.from(classes, (c) => c.stakeUsd);
    this.electricity = Float64Array.from(classes, (c) => (c.costModel.model === 'hardware' ? c.costModel.electricityUsdPerKwh : 0));
    this.rents = Uint8Array.from(classes, (c) => (c.costModel.model === 'hardware' && c.costModel.ownership === 'rent' ? 1 : 0));
    this.budget = Float64Array.from(classes, (c) => c.capitalBudgetUsd ?? Infinity);
    this.upgradeKinds = classes.map((c) => (c.costModel.model === 'hardware' ? c.costModel.upgradeTo.map((k) => this.env.hardwareIds.indexOf(k)) : []));
    this.anyUpgrades = this.upgradeKinds.some((u) => u.length > 0);
    this.proverShare = 1 - scenario.rewards.redistributionShare - scenario.rewards.treasuryShare;
    this.priceFactor = new Float64Array(this.kinds.length);
    this.unitsBought = new Float64Array(this.kinds.length);
    this.learningExponent = -log2(1 - scenario.costs.experienceLearningRate);

    const n = this.provers.n;
    this.daily = allocateDaily(this.days);
    for (const c of CLASS_COLUMNS) this.classSeries[c.name] = new Float64Array(this.nClasses * this.days);
    this.window7 = new RollingAmounts(n, 7);
    this.window30 = new RollingAmounts(n, 30);
    this.rewards30 = new RollingAmounts(n, 30);
    this.memberWindows = this.pools ? { w7: new RollingAmounts(n, 7), w30: new RollingAmounts(n, 30), rewards30: new RollingAmounts(n, 30) } : null;
    this.scratch = new Float64Array(n);
    this.values = new Float64Array(n);
    this.flips = new Int32Array(n);
    this.profits = new Float64Array(n);
    this.entryKind = new Int16Array(n).fill(-1);
    this.entryUnits = new Float64Array(n);
    this.classStart = new Int32Array(this.nClasses + 1);
    classes.forEach((c, k) => (this.classStart[k + 1] = this.classStart[k] + c.count));

    for (let i = 0; i < this.provers.nIndividuals; i++) {
      if (this.provers.costModel[i] !== COST_HARDWARE) {
        const c = this.provers.classIndex[i];
        this.provers.speed[i] = this.provers.speedTrait[i];
        this.provers.fixedCostUsdPerDay[i] = this.overhead[c] + this.capitalPerDay[c];
      }
    }
    // Provers active on day 0 bought their hardware on day 0.
    this.updatePrices(0);
    for (let i = 0; i < n; i++) if (this.provers.active[i]) this.enter(i);
    this.provers.refreshActiveList();
    this.pools?.refresh(this.provers);
  }

  step(d: number): void {
    const w = this.world;
    const env = this.env;
    w.day = d;
    w.dayStartHours = d * HOURS_PER_DAY;
    w.batchesToday = env.batchesPerDay[d];
    w.proverRewardPerBatchUsd = this.proverShare * (env.feeUsdPerBatch[d] + env.issuanceTokensPerBatch[d] * env.tokenPriceUsd[d]);
    this.updatePrices(d);
    this.updateCosts(d);
    if (this.pools?.aggregate(w)) this.provers.refreshActiveList();
    const decisions = this.decide(d);
    const upgrades = d > 0 ? this.upgrade(d) : 0;
    w.finality.reset();
    this.ledger.resetDay();
    this.collateral.resetDay();
    this.midDayEntries = 0;
    const outcome = this.mechanism.runDay(w);
    this.pools?.settle(w);
    this.collateral.endOfDay(w);
    decisions.entries += this.midDayEntries;
    this.record(d, decisions, upgrades, outcome);
    this.provers.resetDay();
  }

  private updatePrices(d: number): void {
    const t = d / DAYS_PER_YEAR;
    const costs = this.scenario.costs;
    for (let j = 0; j < this.kinds.length; j++) {
      const k = this.kinds[j];
      this.priceFactor[j] =
        costs.hardwareDeclineModel === 'exponential'
          ? pow(1 - costs.hardwareYearlyDecline, t)
          : pow((k.initialInstalledUnits + k.globalUnitsPerYear * t + this.unitsBought[j]) / k.initialInstalledUnits, -this.learningExponent);
    }
  }

  /** Depreciation per day of `units` of kind j bought today by prover i (0 for renters). */
  private depreciation(i: number, j: number, units: number): number {
    if (this.rents[this.provers.classIndex[i]]) return 0;
    const k = this.kinds[j];
    return (units * k.capexUsdPerUnit * this.priceFactor[j]) / (k.lifetimeYears * DAYS_PER_YEAR);
  }

  /** Sets `candidate` to prover i's speed and costs running `units` of kind j today. */
  private priceHardware(i: number, j: number, units: number, efficiency: number, depreciation: number): void {
    const c = this.provers.classIndex[i];
    const k = this.kinds[j];
    const speed = units * k.proofsPerHourPerUnit * this.provers.speedTrait[i] * efficiency;
    const hourly = units * (k.powerKwPerUnit * this.electricity[c] + (this.rents[c] ? k.rentalUsdPerHourPerUnit * this.priceFactor[j] : 0));
    this.candidate.speed = speed;
    this.candidate.attemptCostUsd = hourly / speed;
    this.candidate.fixedCostUsdPerDay = this.overhead[c] + this.capitalPerDay[c] + depreciation;
  }

  /** Prover i starts proving alone. */
  private enter(i: number): void {
    this.buyIn(i);
    this.provers.active[i] = 1;
  }

  /** Prover i starts proving (alone or in a pool): buys its hardware and locks the mechanism's stake. */
  private buyIn(i: number): void {
    const p = this.provers;
    p.entries[i]++;
    const stake = this.mechanism.standingBondTokens?.(this.world, i) ?? 0;
    if (stake > 0) this.collateral.lock(i, stake);
    if (p.costModel[i] === COST_HARDWARE && !this.rents[p.classIndex[i]]) {
      const j = p.kind[i];
      p.depreciationUsdPerDay[i] = this.depreciation(i, j, p.units[i]);
      p.capexSpendUsd[i] += p.units[i] * this.kinds[j].capexUsdPerUnit * this.priceFactor[j];
      this.unitsBought[j] += p.units[i];
    }
    p.fixedCostUsdPerDay[i] = this.overhead[p.classIndex[i]] + this.capitalPerDay[p.classIndex[i]] + p.depreciationUsdPerDay[i];
  }

  /** Prover i stops proving: its hardware goes, its stake starts the mechanism's withdrawal delay. */
  private sellOut(i: number): void {
    const p = this.provers;
    p.active[i] = 0;
    p.exits[i]++;
    p.depreciationUsdPerDay[i] = 0;
    this.collateral.release(i, this.world.day + (this.mechanism.withdrawalDelayDays ?? 0));
  }

  /** Today's speed and costs of every prover (prospective fixed costs for those not active). */
  private updateCosts(d: number): void {
    const p = this.provers;
    const { speed, attemptCostUsd, fixedCostUsdPerDay, attemptCostTrait, active } = p;
    const efficiency = this.env.efficiency[d];
    for (let c = 0; c < this.nClasses; c++) {
      const from = this.classStart[c];
      const to = this.classStart[c + 1];
      if (this.scenario.provers.classes[c].costModel.model === 'perAttempt') {
        // Provers of a class are contiguous: one tight loop per class. Speed and fixed cost of
        // perAttempt provers never change (set in the constructor); only the attempt cost declines.
        const factor = this.env.classCostFactor[c][d];
        for (let i = from; i < to; i++) attemptCostUsd[i] = attemptCostTrait[i] * factor;
        continue;
      }
      for (let i = from; i < to; i++) {
        const j = p.kind[i];
        const holds = active[i] || p.poolOf[i] >= 0;
        this.priceHardware(i, j, p.units[i], efficiency, holds ? p.depreciationUsdPerDay[i] : this.depreciation(i, j, p.units[i]));
        speed[i] = this.candidate.speed;
        attemptCostUsd[i] = this.candidate.attemptCostUsd;
        fixedCostUsdPerDay[i] = this.candidate.fixedCostUsdPerDay;
      }
    }
  }

  /** Entry and exit, all deciding on the same snapshot (BENCHMARK.md); none on day 0. */
  private decide(d: number): { entries: number; exits: number; profitableEntrants: number } {
    const p = this.provers;
    const w = this.world;
    const m = this.mechanism;
    const rng = w.rng;
    const open = d > 0 && m.openEntry;
    const pEnter = this.scenario.behaviour.entryProbabilityPerDay;
    const pExit = this.scenario.behaviour.exitProbabilityPerDay;
    const active = p.active;
    const profits = this.profits;
    m.beginDecisions(w);
    m.expectedProfitsUsdPerDay(w, profits);
    // A newcomer may enter with any hardware its class can switch to (an ASIC once on sale).
    if (this.anyUpgrades) {
      for (let i = 0; i < p.nIndividuals; i++) {
        this.entryKind[i] = -1;
        if (active[i] || p.poolOf[i] >= 0 || p.costModel[i] !== COST_HARDWARE) continue;
        const j = this.bestSwitch(i, d, profits[i]);
        if (j >= 0) {
          this.entryKind[i] = j;
          this.entryUnits[i] = this.switchUnits;
          profits[i] = this.switchProfitUsdPerDay;
        }
      }
    }
    let nFlips = 0;
    let profitableEntrants = 0;
    // Pool slots and members decide through the pools (below).
    const poolOf = p.poolOf;
    for (let i = 0; i < p.nIndividuals; i++) {
      if (poolOf[i] >= 0) continue;
      const profit = profits[i];
      if (active[i]) {
        if (open && profit < 0 && rng.uniform32() < pExit) this.flips[nFlips++] = i;
      } else if (profit > 0) {
        profitableEntrants++;
        if (open && rng.uniform32() < pEnter) this.flips[nFlips++] = i;
      }
    }
    let entries = 0;
    let exits = 0;
    for (let k = 0; k < nFlips; k++) {
      const i = this.flips[k];
      if (active[i]) {
        this.sellOut(i);
        exits++;
      } else {
        if (this.anyUpgrades && this.entryKind[i] >= 0) {
          p.kind[i] = this.entryKind[i];
          p.units[i] = this.entryUnits[i];
          this.priceHardware(i, p.kind[i], p.units[i], this.env.efficiency[d], 0);
          p.speed[i] = this.candidate.speed;
          p.attemptCostUsd[i] = this.candidate.attemptCostUsd;
        }
        this.enter(i);
        entries++;
      }
    }
    if (nFlips > 0) p.refreshActiveList();
    if (open && this.pools) {
      this.poolEntries = 0;
      this.poolExits = 0;
      if (this.pools.decide(w, m, profits, rng, this.poolMoves) > 0) {
        this.pools.refresh(p);
        this.pools.aggregate(w);
        p.refreshActiveList();
        entries += this.poolEntries;
        exits += this.poolExits;
      }
    }
    return { entries, exits, profitableEntrants };
  }

  /**
   * The most profitable hardware switch for prover i today, among the kinds its class may switch to
   * that are on sale and fit its capital budget, keeping at least its current speed. Returns the kind
   * when it beats `baselineUsdPerDay` (and sets switchUnits, switchCapitalUsd, switchProfitUsdPerDay,
   * switchCandidate), else -1.
   */
  private bestSwitch(i: number, d: number, baselineUsdPerDay: number): number {
    const p = this.provers;
    const c = p.classIndex[i];
    const t = d / DAYS_PER_YEAR;
    const from = this.kinds[p.kind[i]];
    let best = -1;
    let bestProfit = baselineUsdPerDay;
    for (const j of this.upgradeKinds[c]) {
      const k = this.kinds[j];
      // Renters can only move to hardware that is rented out (rental price above zero).
      if (j === p.kind[i] || t < k.availableFromYear || (this.rents[c] && k.rentalUsdPerHourPerUnit <= 0)) continue;
      const units = Math.max(k.minUnits, Math.ceil((p.units[i] * from.proofsPerHourPerUnit) / k.proofsPerHourPerUnit));
      const capital = this.rents[c] ? 0 : units * k.capexUsdPerUnit * this.priceFactor[j];
      if (capital > this.budget[c]) continue;
      this.priceHardware(i, j, units, this.env.efficiency[d], this.depreciation(i, j, units));
      const cand = this.candidate;
      const profit = this.mechanism.expectedProfitUsdPerDay(this.world, i, cand.speed, cand.attemptCostUsd, cand.fixedCostUsdPerDay);
      if (profit > bestProfit) {
        best = j;
        bestProfit = profit;
        this.switchUnits = units;
        this.switchCapitalUsd = capital;
        this.switchProfitUsdPerDay = profit;
        this.switchCandidate.speed = cand.speed;
        this.switchCandidate.attemptCostUsd = cand.attemptCostUsd;
        this.switchCandidate.fixedCostUsdPerDay = cand.fixedCostUsdPerDay;
      }
    }
    return best;
  }

  /** Hardware upgrades: an active prover switches kind when the switch pays and fits its budget. */
  private upgrade(d: number): number {
    if (!this.anyUpgrades) return 0;
    const p = this.provers;
    const w = this.world;
    const m = this.mechanism;
    const pUpgrade = this.scenario.behaviour.upgradeProbabilityPerDay;
    m.beginDecisions(w);
    let upgrades = 0;
    for (let a = 0; a < p.activeCount; a++) {
      const i = p.activeList[a];
      if (p.costModel[i] !== COST_HARDWARE || this.upgradeKinds[p.classIndex[i]].length === 0) continue;
      const current = m.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
      const j = this.bestSwitch(i, d, current);
      if (j < 0 || w.rng.uniform32() >= pUpgrade) continue;
      const c = p.classIndex[i];
      p.kind[i] = j;
      p.units[i] = this.switchUnits;
      p.upgrades[i]++;
      upgrades++;
      p.speed[i] = this.switchCandidate.speed;
      p.attemptCostUsd[i] = this.switchCandidate.attemptCostUsd;
      p.fixedCostUsdPerDay[i] = this.switchCandidate.fixedCostUsdPerDay;
      if (!this.rents[c]) {
        p.depreciationUsdPerDay[i] = this.depreciation(i, j, this.switchUnits);
        p.capexSpendUsd[i] += this.switchCapitalUsd;
        this.unitsBought[j] += this.switchUnits;
      }
    }
    return upgrades;
  }

  /** Cheapest ticket into proving today: hardware at today's prices plus stake and bonds. */
  private entryCapital(): number {
    const classes = this.scenario.provers.classes;
    let best = Infinity;
    for (let c = 0; c < this.nClasses; c++) {
      const m = classes[c].costModel;
      if (classes[c].count === 0) continue;
      let hardware = 0;
      if (m.model === 'hardware' && m.ownership === 'own') {
        const j = this.env.hardwareIds.indexOf(m.hardware);
        hardware = m.minUnits * this.kinds[j].capexUsdPerUnit * this.priceFactor[j];
      }
      best = Math.min(best, hardware + classes[c].stakeUsd + this.mechanism.entryBondUsd(this.world));
    }
    return Number.isFinite(best) ? best : 0;
  }

  /** Charges fixed costs and writes the day's row and per-class rows. */
  private record(d: number, decisions: { entries: number; exits: number; profitableEntrants: number }, upgrades: number, outcome: DayOutcome): void {
    const p = this.provers;
    const days = this.days;
    const cs = this.classSeries;
    const pools = this.pools;
    let attempts = 0;
    let attemptSpend = 0;
    let winningSpend = 0;
    let fixedSpend = 0;
    let lockedClassStakeUsd = 0;
    // Fixed costs of the active set and of pool members, then attempts and wins of everyone who took
    // part today (a pool's go to its members' classes, through the pools).
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      if (p.slotPool[i] >= 0) continue;
      fixedSpend += this.chargeFixed(i, d);
    }
    if (pools) {
      const members = pools.members();
      for (let k = 0; k < pools.memberTotal; k++) fixedSpend += this.chargeFixed(members[k], d);
    }
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      if (p.slotPool[i] < 0) lockedClassStakeUsd += this.classStakeUsd[p.classIndex[i]];
    }
    if (pools) {
      const members = pools.members();
      for (let k = 0; k < pools.memberTotal; k++) lockedClassStakeUsd += this.classStakeUsd[p.classIndex[members[k]]];
    }
    for (let k = 0; k < p.dayParticipantCount; k++) {
      const i = p.dayParticipants[k];
      const a = p.dayAttempts[i];
      const attemptCost = a * p.attemptCostUsd[i] + p.dayExtraCostUsd[i];
      attempts += a;
      attemptSpend += attemptCost;
      winningSpend += p.dayWins[i] * p.attemptCostUsd[i];
      if (p.slotPool[i] >= 0) continue;
      const row = p.classIndex[i] * days + d;
      cs.proofs_won[row] += p.dayWins[i];
      cs.revenue_usd[row] += p.dayRewardValueUsd[i];
      cs.cost_usd[row] += attemptCost;
    }
    const collateral = this.collateral;
    const ledger = this.ledger;
    // Slashes of individual provers (pools' went to their members' classes through the pools).
    if (ledger.daySlashedUsd > 0) this.slashesByClass(d);
    for (let c = 0; c < this.nClasses; c++) {
      const row = c * days + d;
      cs.cost_usd[row] += collateral.dayCapitalCostByClass[c];
      if (pools) {
        cs.revenue_usd[row] += pools.revenueByClass[c];
        cs.cost_usd[row] += pools.costByClass[c];
        cs.proofs_won[row] += pools.winsByClass[c];
      }
      cs.profit_usd[row] = cs.revenue_usd[row] - cs.cost_usd[row];
    }

    // Concentration of today's wins and rewards among the provers taking part (a pool counting once),
    // and over windows; then the same with pools spread over their members.
    const entity = this.concentrations(p.dayParticipants, p.dayParticipantCount, p.dayWins, p.dayRewardValueUsd, this.window7, this.window30, this.rewards30);
    const D = this.daily;
    if (pools && this.memberWindows) {
      pools.expandByMember(p);
      const mw = this.memberWindows;
      const member = this.concentrations(pools.byMemberList, pools.byMemberCount, pools.byMemberWins, pools.byMemberReward, mw.w7, mw.w30, mw.rewards30);
      this.writeByMember(d, member);
    } else {
      this.writeByMember(d, entity);
    }

    const f = this.world.finality;
    const env = this.env;
    const proven = f.count;
    const proverCost = attemptSpend + fixedSpend + collateral.dayCapitalCostUsd + ledger.daySlashedUsd;
    const tokenPrice = env.tokenPriceUsd[d];
    const delays = f.delays;
    sortAscending(delays, proven);
    this.histogram.addSorted(delays, proven);
    const wins = entity.wins;
    D.day[d] = d;
    D.active_provers[d] = outcome.activeProvers;
    D.nakamoto_coefficient[d] = wins.nakamoto;
    D.hhi[d] = wins.hhi;
    D.wasted_attempt_share[d] = attempts > 0 ? 1 - proven / attempts : 0;
    D.mean_finality_delay_hours[d] = proven > 0 ? f.sum / proven : 0;
    D.missed_batches[d] = f.missed;
    D.prover_profit_usd[d] = ledger.dayProverRewardUsd - proverCost;
    D.tokenholder_income_usd[d] = ledger.dayTokenholderUsd;
    D.batches_posted[d] = this.world.batchesToday;
    D.batches_proven[d] = proven;
    D.attempts[d] = attempts;
    D.gini[d] = wins.gini;
    D.entropy_bits[d] = wins.entropyBits;
    D.top1_win_share[d] = wins.topShare;
    D.top1_reward_share[d] = entity.rewardTop;
    D.nakamoto_coefficient_7d[d] = entity.w7.nakamoto;
    D.hhi_7d[d] = entity.w7.hhi;
    D.nakamoto_coefficient_30d[d] = entity.w30.nakamoto;
    D.hhi_30d[d] = entity.w30.hhi;
    D.top1_reward_share_30d[d] = entity.rewardTop30;
    D.open_to_anyone_share[d] = outcome.openToAnyoneShare ?? (this.mechanism.openEntry ? 1 : 0);
    D.entry_capital_usd[d] = this.entryCapital();
    D.profitable_entrants[d] = decisions.profitableEntrants;
    D.wasted_cost_share[d] = attemptSpend > 0 ? 1 - winningSpend / attemptSpend : 0;
    D.p95_finality_delay_hours[d] = proven > 0 ? delays[Math.ceil(0.95 * proven) - 1] : 0;
    D.max_finality_delay_hours[d] = f.max;
    D.missed_deadlines[d] = f.missedDeadlines;
    D.cost_per_proof_usd[d] = proven > 0 ? proverCost / proven : 0;
    D.prover_revenue_usd[d] = ledger.dayProverRewardUsd;
    D.prover_cost_usd[d] = proverCost;
    D.treasury_income_usd[d] = ledger.dayTreasuryUsd;
    D.treasury_balance_usd[d] = ledger.usd.treasury + ledger.tokens.treasury * tokenPrice;
    D.burned_usd[d] = ledger.dayBurnedUsd;
    D.reward_per_batch_usd[d] = env.feeUsdPerBatch[d] + env.issuanceTokensPerBatch[d] * tokenPrice;
    D.token_price_usd[d] = tokenPrice;
    D.entries[d] = decisions.entries;
    D.exits[d] = decisions.exits;
    D.upgrades[d] = upgrades;
    const ownHours = outcome.openToAnyoneShare !== undefined;
    D.backup_open_hours[d] = this.mechanism.openEntry && !ownHours ? HOURS_PER_DAY : outcome.openHours;
    D.rollup_paid_usd[d] = ledger.dayPaidInUsd;
    D.rollup_cost_per_batch_usd[d] = proven > 0 ? ledger.dayPaidInUsd / proven : 0;
    D.slashed_usd[d] = ledger.daySlashedUsd;
    D.bounties_usd[d] = ledger.dayBountyUsd;
    D.capital_cost_usd[d] = collateral.dayCapitalCostUsd;
    D.locked_capital_usd[d] = collateral.dayLockedUsd + lockedClassStakeUsd;
    D.copier_income_usd[d] = ledger.dayCopierUsd;
    D.front_run_batches[d] = outcome.frontRunBatches ?? 0;
    D.pools_active[d] = pools ? pools.activeCount() : 0;
    D.pool_members[d] = pools ? pools.memberTotal : 0;
    D.pooled_speed_share[d] = pools ? pools.pooledSpeedShare : 0;
    D.pool_fees_usd[d] = ledger.dayPoolFeesUsd;
    D.active_provers_by_member[d] = outcome.activeProvers - (pools ? pools.activeCount() - pools.memberTotal : 0);
  }

  /** Charges prover i its fixed cost of the day and counts it as active in its class; returns the cost. */
  private chargeFixed(i: number, d: number): number {
    const p = this.provers;
    const row = p.classIndex[i] * this.days + d;
    const fixed = p.fixedCostUsdPerDay[i];
    p.fixedSpendUsd[i] += fixed;
    p.daysActive[i]++;
    this.classSeries.active_provers[row]++;
    this.classSeries.cost_usd[row] += fixed;
    return fixed;
  }

  /** Adds today's slashes of individual provers to their classes' costs. */
  private slashesByClass(d: number): void {
    const p = this.provers;
    const l = this.ledger;
    for (let k = 0; k < l.slashedTodayCount; k++) {
      const i = l.slashedToday[k];
      if (p.slotPool[i] < 0) this.classSeries.cost_usd[p.classIndex[i] * this.days + d] += l.daySlashedValueUsd[i];
    }
  }

  /** Day and window concentration of wins and rewards among `holders[0..n)`, with the windows pushed. */
  private concentrations(
    holders: Int32Array,
    n: number,
    wins: Float64Array,
    rewards: Float64Array,
    w7: RollingAmounts,
    w30: RollingAmounts,
    rewards30: RollingAmounts,
  ): { wins: Concentration; rewardTop: number; w7: WindowConcentration; w30: WindowConcentration; rewardTop30: number } {
    const values = this.values;
    for (let k = 0; k < n; k++) values[k] = wins[holders[k]];
    const day = concentration(values, n, this.scratch);
    for (let k = 0; k < n; k++) values[k] = rewards[holders[k]];
    const rewardTop = topShare(values, n);
    w7.push(holders, n, wins);
    w30.push(holders, n, wins);
    rewards30.push(holders, n, rewards);
    const c7 = w7.concentration(values);
    const c30 = w30.concentration(values);
    for (let k = 0; k < rewards30.holderCount; k++) values[k] = rewards30.sums[rewards30.holders[k]];
    return { wins: day, rewardTop, w7: c7, w30: c30, rewardTop30: topShare(values, rewards30.holderCount) };
  }

  private writeByMember(d: number, c: { wins: Concentration; rewardTop: number; w7: WindowConcentration; w30: WindowConcentration; rewardTop30: number }): void {
    const D = this.daily;
    D.nakamoto_coefficient_by_member[d] = c.wins.nakamoto;
    D.hhi_by_member[d] = c.wins.hhi;
    D.gini_by_member[d] = c.wins.gini;
    D.entropy_bits_by_member[d] = c.wins.entropyBits;
    D.top1_win_share_by_member[d] = c.wins.topShare;
    D.top1_reward_share_by_member[d] = c.rewardTop;
    D.nakamoto_coefficient_7d_by_member[d] = c.w7.nakamoto;
    D.hhi_7d_by_member[d] = c.w7.hhi;
    D.nakamoto_coefficient_30d_by_member[d] = c.w30.nakamoto;
    D.hhi_30d_by_member[d] = c.w30.hhi;
    D.top1_reward_share_30d_by_member[d] = c.rewardTop30;
  }

  /** Throws when money was created or lost, a balance is negative, or a daily value is NaN. */
  checkInvariants(): void {
    this.ledger.check();
    for (const [name, col] of Object.entries(this.daily)) {
      for (let d = 0; d < this.days; d++) if (Number.isNaN(col[d])) throw new Error(`invariant: daily column ${name} is NaN on day ${d}`);
    }
  }

  result(): RunResult {
    const classes = this.scenario.provers.classes;
    return {
      scenario: this.scenario,
      seed: this.seed,
      streamKey: this.streamKey,
      days: this.days,
      daily: this.daily,
      classes: { ids: classes.map((c) => c.id), labels: classes.map((c) => c.label || c.id), series: this.classSeries },
      provers: this.proverLedgers(),
      flows: { usd: { ...this.ledger.usd }, tokens: { ...this.ledger.tokens } },
      finalityHistogram: { edgesHours: this.histogram.edgesHours, counts: this.histogram.counts },
      p95FinalityDelayHours: this.histogram.quantile(0.95),
    };
  }

  private proverLedgers(): ProverLedgers {
    const p = this.provers;
    const classIds = [...this.scenario.provers.classes.map((c) => c.id), 'pool'];
    const poolIds = this.scenario.pools.list.map((q) => q.id);
    const profit = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) profit[i] = p.rewardValueUsd[i] - p.attemptSpendUsd[i] - p.fixedSpendUsd[i] - p.slashedValueUsd[i] - p.capitalSpendUsd[i];
    return {
      id: Int32Array.from({ length: p.n }, (_, i) => i),
      classId: Array.from(p.classIndex, (c) => classIds[c]),
      pool: Array.from({ length: p.n }, (_, i) => (p.slotPool[i] >= 0 ? poolIds[p.slotPool[i]] : p.poolOf[i] >= 0 ? poolIds[p.poolOf[i]] : '')),
      hardware: Array.from(p.kind, (k) => (k >= 0 ? this.env.hardwareIds[k] : '')),
      units: p.units,
      speedProofsPerHour: p.speed,
      attemptCostUsd: p.attemptCostUsd,
      activeAtEnd: p.active,
      daysActive: p.daysActive,
      entries: p.entries,
      exits: p.exits,
      upgrades: p.upgrades,
      attempts: p.attempts,
      proofsWon: p.wins,
      rewardUsd: p.rewardUsd,
      rewardTokens: p.rewardTokens,
      rewardValueUsd: p.rewardValueUsd,
      attemptSpendUsd: p.attemptSpendUsd,
      fixedSpendUsd: p.fixedSpendUsd,
      capexSpendUsd: p.capexSpendUsd,
      slashedValueUsd: p.slashedValueUsd,
      capitalSpendUsd: p.capitalSpendUsd,
      profitUsd: profit,
    };
  }
}
