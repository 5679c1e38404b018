/**
 * The explorer spec of a page: for each scenario, what the worker starts from (the resolved
 * scenario the report's overrides apply to), how the CLI names it, and the inputs it offers.
 */
import { applyOverrides } from '../model/scenario/overrides';
import type { Scenario } from '../model/scenario/schema';
import { explorerInputs, valueText } from './params';
import type { ExplorerScenario, ExplorerSpec } from './spec';

/** A scenario as a page names it. */
export interface ExplorerSource {
  label: string;
  /** How the CLI names it (a preset name or a file path). */
  ref: string;
  /** The scenario the overrides apply to (resolved). */
  base: Scenario;
  /** Overrides applied to `base` by the report (`--set`), in order. */
  set?: readonly string[];
  days?: number;
  /** The report's master seed (default: the scenario's seed). */
  masterSeed?: number;
  /** The report's medians by metric key. */
  reportMedians?: Record<string, number>;
}

/** One scenario of the spec: its inputs start at the values it runs with. */
export function explorerScenario(source: ExplorerSource): ExplorerScenario {
  const set = [...(source.set ?? [])];
  const scenario = applyOverrides(source.base, { set, days: source.days });
  const inputs = explorerInputs(scenario);
  // The master seed is the report's (`prover-sim report --seed`), which a report may take from elsewhere than the scenario.
  const seed = inputs.find((i) => i.path === 'seed');
  if (seed && source.masterSeed !== undefined) seed.value = valueText(source.masterSeed);
  const out: ExplorerScenario = { label: source.label, ref: source.ref, input: source.base, set, inputs };
  if (source.days !== undefined) out.days = source.days;
  if (source.reportMedians) out.reportMedians = source.reportMedians;
  return out;
}

export function explorerSpec(sources: readonly ExplorerSource[], options: { seeds: number; runOnOpen: boolean; linkable?: boolean }): ExplorerSpec {
  return { scenarios: sources.map(explorerScenario), seeds: options.seeds, runOnOpen: options.runOnOpen, linkable: options.linkable ?? true };
}
