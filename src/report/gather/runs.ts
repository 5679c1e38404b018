/**
 * The runs behind a report: K seeds of each scenario, in this process (a 5-year run takes about
 * 0.1 s). Seeds follow the sweeps' convention (seed of replicate k = deriveSeed(master, k), market
 * stream key ''), so replicate k here is run k of `prover-sim sweep` with the same master seed and
 * equals `prover-sim run <scenario> --seed <seed k>`; and every scenario of a comparison sees the
 * same population and environment draws per seed (common random numbers).
 */
import { replicateSeed } from '../../experiments/plan';
import type { RunResult } from '../../model/result';
import { simulate } from '../../model/simulate';
import { ReportError } from '../errors';
import type { Variant } from './variants';

export function checkSeedCount(seeds: number): void {
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100_000) throw new ReportError(`--seeds ${seeds}: expected a whole number from 1 to 100000`);
}

export function checkMasterSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) throw new ReportError(`--seed ${seed}: expected a whole number from 0 to 4294967295`);
}

/** The seeds of a report: `count` replicates of `master`. */
export function reportSeeds(master: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => replicateSeed(master, k));
}

/** A variant with the results of its seeds, in seed order. */
export interface RunVariant extends Variant {
  results: RunResult[];
  /** Time spent simulating, ms. */
  simulateMs: number;
}

/** Runs every variant on the same seeds. */
export function runVariants(variants: readonly Variant[], seeds: readonly number[]): RunVariant[] {
  return variants.map((v) => {
    const t0 = performance.now();
    const results = seeds.map((seed) => simulate(v.scenario, { seed }));
    return { ...v, results, simulateMs: performance.now() - t0 };
  });
}
