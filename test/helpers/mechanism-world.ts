/**
 * A hand-built World for mechanism rule tests: the scenario's provers with their perAttempt speeds and
 * costs, no fixed costs, and the day set by hand, so that a test can place provers, call a
 * mechanism's runDay and read the ledger.
 */
import { Collateral } from '../../src/model/collateral';
import { compileEnvironment, HOURS_PER_DAY, sampleOutages } from '../../src/model/environment';
import { Ledger } from '../../src/model/ledger';
import { createMechanism, type Mechanism } from '../../src/model/mechanisms';
import { createProvers } from '../../src/model/provers';
import { Rng } from '../../src/model/random';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/model';
import { DayFinality, type World } from '../../src/model/world';
import { proverClass, type ClassInput } from './scenarios';

export { proverClass };

/** A scenario with a constant fee, no redistribution, and nobody entering or leaving. */
export function fixedScenario(mechanism: ScenarioInput['mechanism'], classes: ClassInput[], extra: Partial<ScenarioInput> = {}): Scenario {
  return parseScenario({
    name: 'mechanism-test',
    days: 10,
    demand: { batchesPerDay: 144 },
    rewards: { feeUsdPerBatch: 20, redistributionShare: 0, treasuryShare: 0 },
    costs: { proofEfficiencyGainPerYear: 0 },
    behaviour: { entryProbabilityPerDay: 0, exitProbabilityPerDay: 0, upgradeProbabilityPerDay: 0 },
    provers: { classes },
    mechanism,
    ...extra,
  });
}

export interface TestWorld {
  w: World;
  mechanism: Mechanism;
  /** Runs day d: sets the day, resets the day's records, runs the mechanism. */
  runDay(d: number): void;
}

/** Builds the world of a scenario; provers active at start are active, with their stakes locked. */
export function buildWorld(scenario: Scenario, seed = 1): TestWorld {
  const env = compileEnvironment(scenario);
  const provers = createProvers(scenario, env.hardwareIds, new Rng(seed, 'provers'));
  env.outages = sampleOutages(scenario, provers, new Rng(seed, 'outages'));
  for (let i = 0; i < provers.nIndividuals; i++) {
    provers.speed[i] = provers.speedTrait[i];
    provers.attemptCostUsd[i] = provers.attemptCostTrait[i];
  }
  const ledger = new Ledger(provers, scenario.rewards.redistributionShare, scenario.rewards.treasuryShare);
  const collateral = new Collateral(provers.n, scenario.provers.classes.length);
  const mechanism = createMechanism(scenario.mechanism);
  const w: World = {
    scenario,
    env,
    provers,
    ledger,
    collateral,
    rng: new Rng(seed, 'market', ''),
    finality: new DayFinality(1024, scenario.finality.deadlineHours),
    day: 0,
    dayStartHours: 0,
    batchesToday: 0,
    proverRewardPerBatchUsd: 0,
    activate: (i: number) => {
      if (provers.active[i]) return;
      provers.active[i] = 1;
      provers.refreshActiveList();
    },
  };
  mechanism.init(w);
  for (let i = 0; i < provers.n; i++) {
    if (!provers.active[i]) continue;
    const stake = mechanism.standingBondTokens?.(w, i) ?? 0;
    if (stake > 0) collateral.lock(i, stake);
  }
  provers.refreshActiveList();
  return {
    w,
    mechanism,
    runDay(d: number) {
      w.day = d;
      w.dayStartHours = d * HOURS_PER_DAY;
      w.batchesToday = env.batchesPerDay[d];
      w.proverRewardPerBatchUsd = (1 - scenario.rewards.redistributionShare - scenario.rewards.treasuryShare) * env.feeUsdPerBatch[d];
      w.finality.reset();
      ledger.resetDay();
      collateral.resetDay();
      provers.resetDay();
      mechanism.beginDecisions(w);
      mechanism.runDay(w);
    },
  };
}
