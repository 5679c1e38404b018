/**
 * Stage 1 of the day, environment and prices: sets the day's demand and reward on the world, and the
 * price of new hardware of every kind (an exponential decline, or Wright's law on the units installed
 * worldwide plus those bought in this market).
 */
import { DAYS_PER_YEAR, HOURS_PER_DAY, type Environment } from '../environment';
import type { HardwareKind, Scenario } from '../scenario/schema';
import { log2, pow } from '../math';
import type { World } from '../world';

export class HardwarePrices {
  /** Today's price of new hardware of kind j relative to its day-0 price. */
  readonly priceFactor: Float64Array;
  /** Units of each kind bought in this market so far (they move the experience curve). */
  private readonly unitsBought: Float64Array;
  private readonly learningExponent: number;

  constructor(private readonly scenario: Scenario, private readonly kinds: HardwareKind[]) {
    this.priceFactor = new Float64Array(kinds.length);
    this.unitsBought = new Float64Array(kinds.length);
    this.learningExponent = -log2(1 - scenario.costs.experienceLearningRate);
  }

  /** Records a purchase of `units` of kind j (for the experience curve). */
  recordPurchase(j: number, units: number): void {
    this.unitsBought[j] += units;
  }

  /** Sets today's price factors. */
  update(d: number): void {
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
}

/** Puts day d's clock, demand and prover reward per batch on the world. */
export function beginDay(w: World, env: Environment, d: number, proverShare: number): void {
  w.day = d;
  w.dayStartHours = d * HOURS_PER_DAY;
  w.batchesToday = env.batchesPerDay[d];
  w.proverRewardPerBatchUsd = proverShare * (env.feeUsdPerBatch[d] + env.issuanceTokensPerBatch[d] * env.tokenPriceUsd[d]);
}
