/**
 * Stage 2 of the day, hardware economics: what each prover's hardware costs and delivers at today's
 * prices (speed, cost of an attempt, fixed cost per day), what a purchase costs, and the cheapest
 * ticket into proving.
 */
import { DAYS_PER_YEAR, type Environment } from '../environment';
import type { Mechanism } from '../mechanisms';
import { COST_HARDWARE, type Provers } from '../provers';
import type { HardwareKind, Scenario } from '../scenario/schema';
import type { World } from '../world';
import type { HardwarePrices } from './prices';

/** Speed and costs of a prover under some hardware choice (reused, never allocated per prover). */
export interface Candidate {
  speed: number;
  attemptCostUsd: number;
  fixedCostUsdPerDay: number;
}

export class HardwareEconomics {
  readonly kinds: HardwareKind[];
  readonly nClasses: number;
  // Per-class constants.
  readonly overhead: Float64Array;
  readonly capitalPerDay: Float64Array;
  readonly classStakeUsd: Float64Array;
  private readonly electricity: Float64Array;
  /** 1 for classes that rent their hardware. */
  readonly rents: Uint8Array;
  readonly budget: Float64Array;
  /** Kinds each class may switch to. */
  readonly upgradeKinds: number[][];
  /** Index range [classStart[c], classStart[c+1]) of each class's provers. */
  private readonly classStart: Int32Array;
  /** The last priced candidate (see price). */
  readonly candidate: Candidate = { speed: 0, attemptCostUsd: 0, fixedCostUsdPerDay: 0 };

  constructor(
    private readonly scenario: Scenario,
    private readonly env: Environment,
    private readonly provers: Provers,
    private readonly prices: HardwarePrices,
  ) {
    const classes = scenario.provers.classes;
    this.nClasses = classes.length;
    this.kinds = env.hardwareIds.map((id) => scenario.hardware[id]);
    this.overhead = Float64Array.from(classes, (c) => c.overheadUsdPerDay);
    this.capitalPerDay = Float64Array.from(classes, (c) => (c.stakeUsd * c.capitalCostPerYear) / DAYS_PER_YEAR);
    this.classStakeUsd = Float64Array.from(classes, (c) => c.stakeUsd);
    this.electricity = Float64Array.from(classes, (c) => (c.costModel.model === 'hardware' ? c.costModel.electricityUsdPerKwh : 0));
    this.rents = Uint8Array.from(classes, (c) => (c.costModel.model === 'hardware' && c.costModel.ownership === 'rent' ? 1 : 0));
    this.budget = Float64Array.from(classes, (c) => c.capitalBudgetUsd ?? Infinity);
    this.upgradeKinds = classes.map((c) => (c.costModel.model === 'hardware' ? c.costModel.upgradeTo.map((k) => env.hardwareIds.indexOf(k)) : []));
    this.classStart = new Int32Array(this.nClasses + 1);
    classes.forEach((c, k) => (this.classStart[k + 1] = this.classStart[k] + c.count));
    const p = provers;
    for (let i = 0; i < p.nIndividuals; i++) {
      if (p.costModel[i] !== COST_HARDWARE) {
        const c = p.classIndex[i];
        p.speed[i] = p.speedTrait[i];
        p.fixedCostUsdPerDay[i] = this.overhead[c] + this.capitalPerDay[c];
      }
    }
  }

  /** Price of `units` of kind j bought today, USD (0 for a renting prover). */
  purchasePriceUsd(i: number, j: number, units: number): number {
    return this.rents[this.provers.classIndex[i]] ? 0 : units * this.kinds[j].capexUsdPerUnit * this.prices.priceFactor[j];
  }

  /** Depreciation per day of `units` of kind j bought today by prover i (0 for renters). */
  depreciation(i: number, j: number, units: number): number {
    if (this.rents[this.provers.classIndex[i]]) return 0;
    const k = this.kinds[j];
    return (units * k.capexUsdPerUnit * this.prices.priceFactor[j]) / (k.lifetimeYears * DAYS_PER_YEAR);
  }

  /** Sets `candidate` to prover i's speed and costs running `units` of kind j today. */
  price(i: number, j: number, units: number, efficiency: number, depreciation: number): Candidate {
    const c = this.provers.classIndex[i];
    const k = this.kinds[j];
    const speed = units * k.proofsPerHourPerUnit * this.provers.speedTrait[i] * efficiency;
    const hourly = units * (k.powerKwPerUnit * this.electricity[c] + (this.rents[c] ? k.rentalUsdPerHourPerUnit * this.prices.priceFactor[j] : 0));
    const cand = this.candidate;
    cand.speed = speed;
    cand.attemptCostUsd = hourly / speed;
    cand.fixedCostUsdPerDay = this.overhead[c] + this.capitalPerDay[c] + depreciation;
    return cand;
  }

  /** Today's speed and costs of every prover (prospective fixed costs for those not holding hardware). */
  updateCosts(d: number): void {
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
        const cand = this.price(i, j, p.units[i], efficiency, holds ? p.depreciationUsdPerDay[i] : this.depreciation(i, j, p.units[i]));
        speed[i] = cand.speed;
        attemptCostUsd[i] = cand.attemptCostUsd;
        fixedCostUsdPerDay[i] = cand.fixedCostUsdPerDay;
      }
    }
  }

  /** Prover i buys its hardware at today's prices (owners only) and takes on its fixed costs. */
  buy(i: number): void {
    const p = this.provers;
    if (p.costModel[i] === COST_HARDWARE && !this.rents[p.classIndex[i]]) {
      const j = p.kind[i];
      p.depreciationUsdPerDay[i] = this.depreciation(i, j, p.units[i]);
      p.capexSpendUsd[i] += this.purchasePriceUsd(i, j, p.units[i]);
      this.prices.recordPurchase(j, p.units[i]);
    }
    p.fixedCostUsdPerDay[i] = this.overhead[p.classIndex[i]] + this.capitalPerDay[p.classIndex[i]] + p.depreciationUsdPerDay[i];
  }

  /** Prover i gives up its hardware. */
  sell(i: number): void {
    this.provers.depreciationUsdPerDay[i] = 0;
  }

  /** Prover i replaces its hardware by `units` of kind j, priced as `cand` (from `price`). */
  switchTo(i: number, j: number, units: number, capitalUsd: number, cand: Candidate): void {
    const p = this.provers;
    p.kind[i] = j;
    p.units[i] = units;
    p.speed[i] = cand.speed;
    p.attemptCostUsd[i] = cand.attemptCostUsd;
    p.fixedCostUsdPerDay[i] = cand.fixedCostUsdPerDay;
    if (!this.rents[p.classIndex[i]]) {
      p.depreciationUsdPerDay[i] = this.depreciation(i, j, units);
      p.capexSpendUsd[i] += capitalUsd;
      this.prices.recordPurchase(j, units);
    }
  }

  /** Cheapest ticket into proving today: hardware at today's prices plus stake and bonds. */
  entryCapitalUsd(w: World, mechanism: Mechanism): number {
    const classes = this.scenario.provers.classes;
    let best = Infinity;
    for (let c = 0; c < this.nClasses; c++) {
      const m = classes[c].costModel;
      if (classes[c].count === 0) continue;
      let hardware = 0;
      if (m.model === 'hardware' && m.ownership === 'own') {
        const j = this.env.hardwareIds.indexOf(m.hardware);
        hardware = m.minUnits * this.kinds[j].capexUsdPerUnit * this.prices.priceFactor[j];
      }
      best = Math.min(best, hardware + classes[c].stakeUsd + mechanism.entryBondUsd(w));
    }
    return Number.isFinite(best) ? best : 0;
  }
}
