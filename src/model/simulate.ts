/**
 * One run of the model: a pure function of (scenario, seed). It draws the population and the
 * environment, then steps day by day through the stages in `stages/`: prices, hardware economics,
 * market decisions (entry, exit, upgrades), proving (through the mechanism) and recording.
 */
import { Collateral } from './collateral';
import { compileEnvironment, sampleOutages } from './environment';
import { Ledger } from './ledger';
import { createMechanism, type Mechanism } from './mechanisms';
import { Pools } from './pools';
import { createProvers } from './provers';
import { Rng } from './random';
import type { RunResult } from './result';
import type { Scenario } from './scenario/schema';
import { HardwareEconomics } from './stages/hardware';
import { Market } from './stages/market';
import { beginDay, HardwarePrices } from './stages/prices';
import { proveDay } from './stages/proving';
import { Recorder } from './stages/recording';
import { DayFinality, type World } from './world';

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
  if (options.checkInvariants !== false) sim.recorder.checkInvariants();
  return sim.recorder.result();
}

class Simulation {
  private readonly world: World;
  private readonly mechanism: Mechanism;
  private readonly pools: Pools | null;
  private readonly prices: HardwarePrices;
  private readonly hardware: HardwareEconomics;
  private readonly market: Market;
  readonly recorder: Recorder;
  private readonly proverShare: number;

  constructor(scenario: Scenario, seed: number, streamKey: string) {
    const env = compileEnvironment(scenario);
    const provers = createProvers(scenario, env.hardwareIds, new Rng(seed, 'provers'));
    env.outages = sampleOutages(scenario, provers, new Rng(seed, 'outages'));
    this.pools = scenario.pools.list.length > 0 ? new Pools(scenario, provers) : null;
    let maxBatches = 16;
    for (const b of env.batchesPerDay) maxBatches = Math.max(maxBatches, b);
    this.world = {
      scenario,
      env,
      provers,
      ledger: new Ledger(provers, scenario.rewards.redistributionShare, scenario.rewards.treasuryShare),
      collateral: new Collateral(provers.n, scenario.provers.classes.length),
      rng: new Rng(seed, 'market', streamKey),
      finality: new DayFinality(maxBatches, scenario.finality.deadlineHours),
      day: 0,
      dayStartHours: 0,
      batchesToday: 0,
      proverRewardPerBatchUsd: 0,
      activate: (i: number) => this.market.activate(i),
    };
    this.mechanism = createMechanism(scenario.mechanism);
    this.mechanism.init(this.world);
    provers.refreshActiveList();
    this.proverShare = 1 - scenario.rewards.redistributionShare - scenario.rewards.treasuryShare;
    this.prices = new HardwarePrices(scenario, env.hardwareIds.map((id) => scenario.hardware[id]));
    this.hardware = new HardwareEconomics(scenario, env, provers, this.prices);
    this.market = new Market(scenario, this.world, this.mechanism, this.hardware, this.pools);
    this.recorder = new Recorder(scenario, this.world, env, this.mechanism, this.hardware, this.pools, seed, streamKey);
    // Provers active on day 0 bought their hardware on day 0.
    this.prices.update(0);
    for (let i = 0; i < provers.n; i++) if (provers.active[i]) this.market.enter(i);
    provers.refreshActiveList();
    this.pools?.refresh(provers);
  }

  /** One day, stage by stage. */
  step(d: number): void {
    const w = this.world;
    beginDay(w, w.env, d, this.proverShare);
    this.prices.update(d);
    this.hardware.updateCosts(d);
    if (this.pools?.aggregate(w)) w.provers.refreshActiveList();
    const decisions = this.market.decide(d);
    const upgrades = d > 0 ? this.market.upgrade(d) : 0;
    const outcome = proveDay(w, this.mechanism, this.pools);
    decisions.entries += this.market.takeMidDayEntries();
    this.recorder.record(d, decisions, upgrades, outcome);
    w.provers.resetDay();
  }
}
