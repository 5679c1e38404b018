/**
 * The runs behind a report: K seeds of each scenario, in this process (a 5-year run takes about
 * 0.1 s). Seeds follow the sweeps' convention (seed of replicate k = deriveSeed(master, k), market
 * stream key ''), so replicate k here is run k of `prover-sim sweep` with the same master seed and
 * equals `prover-sim run <scenario> --seed <seed k>`; and every scenario of a comparison sees the
 * same population and environment draws per seed (common random numbers).
 */
import { replicateSeed } from '../experiments/plan';
import type { RunResult } from '../model/result';
import type { Scenario } from '../model/scenario/schema';
import { simulate } from '../model/simulate';
import type { RunSummary } from '../model/summary';
import { headlineValues, type HeadlineValues } from './metrics';

/** The seeds of a report: `count` replicates of `master`. */
export function reportSeeds(master: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => replicateSeed(master, k));
}

export interface SeedRuns {
  results: RunResult[];
  summaries: RunSummary[];
  /** Headline numbers per seed (RunSummary fields plus the report's own). */
  values: HeadlineValues[];
  /** Time spent simulating, ms. */
  simulateMs: number;
}

export function runSeeds(scenario: Scenario, seeds: readonly number[]): SeedRuns {
  const t0 = performance.now();
  const results = seeds.map((seed) => simulate(scenario, { seed }));
  const simulateMs = performance.now() - t0;
  const headline = results.map(headlineValues);
  return { results, summaries: headline.map((h) => h.summary), values: headline.map((h) => h.values), simulateMs };
}
