/** What a run returns: typed daily series, per-class series, per-prover ledgers and totals. */
import type { ClassSeries, DailySeries } from './columns';
import type { Flows } from './ledger';
import type { Scenario } from './scenario/schema';

/**
 * One row per potential prover, then one per proving pool: who it is and what it earned and spent over
 * the run. A pool's row keeps its wins and attempts; its rewards and costs are passed on to the rows
 * of its members.
 */
export interface ProverLedgers {
  /** Prover index (0 is the first prover of the first class); pools follow the provers. */
  id: Int32Array;
  /** Class id of each prover ("pool" for a pool's row). */
  classId: string[];
  /** Pool a prover proves through at the end of the run, or the pool of a pool's row ("" otherwise). */
  pool: string[];
  /** Hardware kind at the end of the run ("" for perAttempt provers). */
  hardware: string[];
  units: Float64Array;
  /** Speed on the last day, proofs/h. */
  speedProofsPerHour: Float64Array;
  /** Attempt cost on the last day, USD. */
  attemptCostUsd: Float64Array;
  activeAtEnd: Uint8Array;
  daysActive: Float64Array;
  entries: Float64Array;
  exits: Float64Array;
  upgrades: Float64Array;
  attempts: Float64Array;
  proofsWon: Float64Array;
  rewardUsd: Float64Array;
  rewardTokens: Float64Array;
  /** Rewards valued in USD on the day received. */
  rewardValueUsd: Float64Array;
  attemptSpendUsd: Float64Array;
  fixedSpendUsd: Float64Array;
  capexSpendUsd: Float64Array;
  /** Value slashed from the prover's stakes and bonds. */
  slashedValueUsd: Float64Array;
  /** Opportunity cost of its mechanism stakes, bonds and collateral. */
  capitalSpendUsd: Float64Array;
  /** rewardValueUsd - attemptSpendUsd - fixedSpendUsd - slashedValueUsd - capitalSpendUsd. */
  profitUsd: Float64Array;
}

export interface RunResult {
  /** The fully resolved scenario that was run. */
  scenario: Scenario;
  /** Seed of the run's streams. */
  seed: number;
  /** Key of the market stream (a sweep's parameter point), '' for a single run. */
  streamKey: string;
  days: number;
  daily: DailySeries;
  /** Per-class daily series, [classIndex * days + day]. */
  classes: { ids: string[]; labels: string[]; series: ClassSeries };
  provers: ProverLedgers;
  /** Cumulative flows of fees (USD) and issuance (tokens). */
  flows: { usd: Flows; tokens: Flows };
  /** Finality delays of the whole run, log-binned. */
  finalityHistogram: { edgesHours: Float64Array; counts: Float64Array };
  /** Run-level 95th percentile of finality delay (histogram upper bound, within 12%). */
  p95FinalityDelayHours: number;
}
