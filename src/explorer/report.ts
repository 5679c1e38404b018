/**
 * The explorer of a report: each scenario of the report as it was run (its source, the report's
 * overrides and days, the report's master seed and seed count), with the report's medians beside
 * the reader's numbers.
 */
import type { SweepManifest } from '../experiments/manifest';
import type { MeasuredVariant } from '../report/measure/variants';
import { SWEEP_SCENARIO_FILE } from '../report/write/sweep';
import { MAX_EXPLORER_SEEDS } from './engine';
import { explorerSpec, type ExplorerSource } from './scenarios';
import type { ExplorerSpec } from './spec';

export interface ReportRunOptions {
  masterSeed: number;
  seeds: number;
  /** The report's --days, when given. */
  days?: number;
}

/** The spec of a scenario or comparison report's explorer. */
export function reportExplorerSpec(variants: readonly MeasuredVariant[], o: ReportRunOptions): ExplorerSpec {
  const sources = variants.map((v): ExplorerSource => {
    const reportMedians = Object.fromEntries(v.metrics.map((m) => [m.key, v.stats[m.key].median]));
    // A scenario object has no name the CLI knows: its resolved copy under data/ stands for it (as under "Reproduce").
    const fromObject = v.ref === '(object)';
    return {
      label: v.label,
      ref: fromObject ? `<report folder>/${v.scenarioFile}` : v.ref,
      base: fromObject ? v.scenario : v.baseline.scenario,
      set: fromObject ? [] : v.set,
      days: fromObject ? undefined : o.days,
      masterSeed: o.masterSeed,
      reportMedians,
    };
  });
  return explorerSpec(sources, { seeds: o.seeds, runOnOpen: false });
}

/**
 * The spec of a sweep report's explorer: the sweep's base scenario (its --set and --days applied),
 * named by its resolved copy in the report folder. The explorer runs it as `prover-sim run` does,
 * without a sweep point's market stream, so its numbers are that command's.
 */
export function sweepExplorerSpec(m: SweepManifest): ExplorerSpec {
  const source: ExplorerSource = { label: m.scenario.name, ref: `<report folder>/${SWEEP_SCENARIO_FILE}`, base: m.scenario, masterSeed: m.masterSeed };
  return explorerSpec([source], { seeds: Math.min(m.seeds, MAX_EXPLORER_SEEDS), runOnOpen: false });
}
