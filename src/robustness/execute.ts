/**
 * Running robustness runs: the same code in a worker thread and in this thread, so where a run
 * happens cannot change its result. A run is one distinct scenario (a setting of the assumptions for
 * one mechanism) on one seed, exactly `prover-sim run` of that scenario with that seed.
 */
import { comparisonSummary, type ComparisonSummary } from '../compare/compare';
import type { Scenario } from '../model/scenario/schema';
import { simulate } from '../model/simulate';

/** What every worker holds: the distinct scenarios of the plan. */
export interface RobustnessContext {
  scenarios: Scenario[];
}

/** A batch of runs: [scenario index, seed] pairs. */
export type RobustnessTask = Array<[number, number]>;

export function runRobustnessTask(context: RobustnessContext, task: RobustnessTask): ComparisonSummary[] {
  return task.map(([i, seed]) => {
    try {
      return comparisonSummary(simulate(context.scenarios[i], { seed }));
    } catch (err) {
      throw new Error(`robustness run of scenario ${i} (mechanism ${context.scenarios[i].mechanism.kind}) with seed ${seed} failed: ${(err as Error).message}`);
    }
  });
}
