/** Small hand-built scenarios for tests. */
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/model';

export type ClassInput = NonNullable<NonNullable<ScenarioInput['provers']>['classes']>[number];

/** A class of `count` identical perAttempt provers with no fixed or capital costs. */
export function proverClass(id: string, count: number, speed: number, costUsd: number, extra: Partial<ClassInput> = {}): ClassInput {
  return {
    id,
    count,
    costModel: { model: 'perAttempt', speedMedianProofsPerHour: speed, speedSigma: 0, attemptCostMedianUsd: costUsd, attemptCostSigma: 0, yearlyCostDecline: 0 },
    capitalCostPerYear: 0,
    ...extra,
  } as ClassInput;
}

/** A race among the given classes with a constant fee and no other moving parts. */
export function raceScenario(classes: ClassInput[], overrides: Partial<ScenarioInput> = {}): Scenario {
  return parseScenario({
    name: 'test-race',
    days: 100,
    demand: { batchesPerDay: 144 },
    rewards: { feeUsdPerBatch: 100, redistributionShare: 0, treasuryShare: 0 },
    costs: { proofEfficiencyGainPerYear: 0 },
    provers: { classes },
    mechanism: { kind: 'race' },
    ...overrides,
  });
}
