/**
 * The interface every mechanism implements. A mechanism decides who may prove each batch, who wins,
 * who pays what, and when proofs land; the simulation around it handles entry, exit, costs, outages
 * and metrics. Mechanisms are chosen by `scenario.mechanism.kind`; one file each in this folder.
 */
import type { World } from '../world';

/** What a mechanism reports about its day besides wins, attempts, payments and finality. */
export interface DayOutcome {
  /** Provers taking part today. */
  activeProvers: number;
  /** Hours of the day during which anyone (or a fallback pool) could prove. */
  openHours: number;
  /**
   * Share of the day during which anyone may prove, when the mechanism says so itself (a designated
   * prover's mechanism opens batches only after a miss); otherwise 1 for open entry, 0 if closed.
   */
  openToAnyoneShare?: number;
  /** Batches whose prover reward a front-running copier took (race with copiers). */
  frontRunBatches?: number;
}

export interface Mechanism {
  readonly kind: string;
  /**
   * True when provers decide themselves to enter and exit on expected profit (permissionless);
   * false when the mechanism fixes who proves (set in `init`).
   */
  readonly openEntry: boolean;
  /** Sets the initial active set and anything the mechanism keeps for the run. */
  init(w: World): void;
  /** Computes the aggregates `expectedProfitUsdPerDay` reads; called once a day before decisions. */
  beginDecisions(w: World): void;
  /**
   * Expected profit per day of prover i if it proves with the given speed and costs against the
   * current active set (the same snapshot for everyone deciding today).
   */
  expectedProfitUsdPerDay(w: World, i: number, speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number;
  /**
   * The same for every prover at once with its own speed and costs of today, into out[0..n): the
   * daily entry and exit decisions read this (one tight loop instead of a call per prover).
   */
  expectedProfitsUsdPerDay(w: World, out: Float64Array): void;
  /** Capital a newcomer must lock to take part (stake, bonds), USD, on top of hardware. */
  entryBondUsd(w: World): number;
  /**
   * Stake or bond (tokens) prover i locks while it takes part, from entry until its withdrawal delay
   * after exit (see collateral.ts); none when absent.
   */
  standingBondTokens?(w: World, i: number): number;
  /** Days a leaving prover's standing stake stays locked; 0 when absent. */
  readonly withdrawalDelayDays?: number;
  /** Proves today's batches: records wins, attempts, payments and finality through the world. */
  runDay(w: World): DayOutcome;
}
