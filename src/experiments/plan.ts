/**
 * The plan of a sweep: the resolved base scenario, the design, seeds and shard, all validated before
 * anything is written. Run r of the sweep is replicate r % seeds of point floor(r / seeds); its seed
 * depends only on the master seed and the replicate, so replicate k of every point sees the same
 * population and environment draws (common random numbers), and its market stream is keyed by the
 * point. Nothing depends on workers, order or shards.
 */
import { loadScenario, applyOverrides } from '../io/scenarios';
import { replicateSeed } from '../model/random';
import type { Scenario, ScenarioInput } from '../model/scenario/schema';
import { parseScenario, ScenarioError } from '../model/scenario/validate';
import { buildDesign, type DesignOptions, type SweepDesign } from './design';
import { SweepError } from './errors';
import type { RunSpec, SweepContext } from './execute';
import { describePoint, pointScenario } from './params';
import { checkShard, parseShard, WHOLE, type Shard } from './shard';

/** Everything that decides a sweep's results (how it runs is in RunnerOptions). */
export interface SweepOptions extends DesignOptions {
  /** A preset name, a scenario file path, or a scenario object (e.g. edited in a notebook). */
  scenario: string | ScenarioInput;
  /** Replicates (seeds) per parameter point. Default 1. */
  seeds?: number;
  /** Days to simulate, overriding the scenario's. */
  days?: number;
  /** `path=value` overrides of the base scenario, applied before the design. */
  set?: string[];
  /** Master seed of the sweep. Default: the scenario's seed. */
  masterSeed?: number;
  /** Run only this slice, e.g. '2/8' or { index: 2, count: 8 }. Default: the whole sweep. */
  shard?: Shard | string;
  /** Write daily rows (daily.csv). Default true; false keeps only runs.csv (far smaller). */
  daily?: boolean;
}

export interface SweepPlan {
  /** The scenario as the user named it ('(object)' for a scenario object). */
  scenarioRef: string;
  base: Scenario;
  design: SweepDesign;
  masterSeed: number;
  seeds: number;
  shard: Shard;
  daily: boolean;
  classIds: string[];
  totalRuns: number;
  /** The longest run's days (sizes batches of runs). */
  maxDays: number;
}

export { replicateSeed };

export function runSpec(plan: SweepPlan, run: number): RunSpec {
  const point = Math.floor(run / plan.seeds);
  const replicate = run % plan.seeds;
  return { run, point, replicate, seed: replicateSeed(plan.masterSeed, replicate), values: plan.design.points[point] };
}

export function sweepContext(plan: SweepPlan): SweepContext {
  return { base: plan.base, paths: plan.design.paths, classIds: plan.classIds, daily: plan.daily };
}

/** Resolves and checks every option and every parameter point; throws SweepError or ScenarioError. */
export function planSweep(opts: SweepOptions): SweepPlan {
  const seeds = opts.seeds ?? 1;
  if (!Number.isInteger(seeds) || seeds < 1) throw new SweepError(`--seeds ${seeds}: expected a whole number from 1`);
  const shard = typeof opts.shard === 'string' ? parseShard(opts.shard) : checkShard(opts.shard ?? WHOLE);
  const overrides = { set: opts.set, days: opts.days };
  const resolved =
    typeof opts.scenario === 'string' ? loadScenario(opts.scenario, overrides).scenario : applyOverrides(parseScenario(opts.scenario), overrides);
  const masterSeed = opts.masterSeed ?? resolved.seed;
  if (!Number.isInteger(masterSeed) || masterSeed < 0 || masterSeed > 4294967295) throw new SweepError(`--seed ${masterSeed}: expected a whole number from 0 to 4294967295`);
  const base: Scenario = { ...resolved, seed: masterSeed };
  const design = buildDesign(base, opts, masterSeed);
  const totalRuns = design.points.length * seeds;
  if (totalRuns > Number.MAX_SAFE_INTEGER / 2) throw new SweepError(`the sweep has ${totalRuns} runs, more than can be counted`);
  const maxDays = checkPoints(base, design);
  return {
    scenarioRef: typeof opts.scenario === 'string' ? opts.scenario : '(object)',
    base,
    design,
    masterSeed,
    seeds,
    shard,
    daily: opts.daily ?? true,
    classIds: base.provers.classes.map((c) => c.id),
    totalRuns,
    maxDays,
  };
}

/**
 * Validates the scenario of every point (about 0.2 ms each), so that a bad combination (shares that
 * add up to more than 1) stops the sweep before it writes anything; returns the longest run's days.
 */
function checkPoints(base: Scenario, design: SweepDesign): number {
  let maxDays = base.days;
  design.points.forEach((values, i) => {
    try {
      maxDays = Math.max(maxDays, pointScenario(base, design.paths, values).days);
    } catch (err) {
      if (err instanceof ScenarioError) throw new SweepError(`point ${i} (${describePoint(design.paths, values)}): ${err.message}`);
      throw err;
    }
  });
  return maxDays;
}
