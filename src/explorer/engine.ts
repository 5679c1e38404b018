/**
 * What the explorer computes, in the reader's browser (src/explorer/worker.ts) as in Node: a scenario
 * input with `--set` overrides, validated by the schema; its seeds run one after the other; the
 * report's headline numbers and charts from those runs. Everything goes through the same functions
 * as `prover-sim run` and `prover-sim report` (applyOverrides, simulate with the replicate seeds,
 * the report's measure stage and charts), so the same inputs give the same numbers to the bit.
 * Pure: no DOM, no I/O.
 */
import { parseScenario, ScenarioError } from '../model/scenario/validate';
import { applyOverrides } from '../model/scenario/overrides';
import type { Scenario } from '../model/scenario/schema';
import { replicateSeed } from '../model/random';
import { simulate } from '../model/simulate';
import type { RunResult } from '../model/result';
import { measureVariant } from '../report/measure/variants';
import type { Interval } from '../report/measure/stats';
import type { QuantityKind } from '../report/write/format';
import { scenarioCharts } from '../report/write/charts';
import type { ReportChart } from '../report/write/document';

/** Most seeds one explorer run may take: enough for a 5-95% interval, still seconds in a browser. */
export const MAX_EXPLORER_SEEDS = 100;

/** One run of the explorer, as the page asks for it. */
export interface ExploreRequest {
  /** The scenario the overrides apply to: a preset's or file's content, or a resolved scenario (parsed again, it stays the same). */
  input: unknown;
  /** `path=value` overrides in order: the report's own, then the reader's. */
  set: readonly string[];
  /** Days, when the report overrode the scenario's. */
  days?: number;
  /** How many seeds to run: seed k is replicateSeed(scenario seed, k), as in a report with that master seed. */
  seeds: number;
  /** Name of the scenario in the charts. */
  label: string;
}

/** An input that cannot run: the schema's one-line message and the field it names. */
export interface ExploreInvalid {
  message: string;
  /** Dotted path of the field, when the message is about one. */
  field?: string;
}

/** A headline metric with its statistics over the seeds (as in the report's summary.json). */
export interface ExploreMetric extends Interval {
  key: string;
  label: string;
  kind: QuantityKind;
}

export interface ExploreResult {
  seeds: number[];
  metrics: ExploreMetric[];
  charts: ReportChart[];
  /** Time each seed's simulation took, ms. */
  simulateMs: number[];
}

/** The message without the "invalid scenario: " every scenario error starts with. */
function oneLine(err: ScenarioError): ExploreInvalid {
  return { message: err.message.replace(/^invalid scenario: /, ''), field: err.field || undefined };
}

/** Checks the seed count (the scenario schema checks everything else, the master seed `seed` too). */
function checkSeeds(request: ExploreRequest): ExploreInvalid | undefined {
  const n = request.seeds;
  if (!Number.isInteger(n) || n < 1 || n > MAX_EXPLORER_SEEDS) return { message: `seeds: expected a whole number from 1 to ${MAX_EXPLORER_SEEDS} (got ${n})`, field: 'seeds' };
  return undefined;
}

/** The scenario a request runs, or why it cannot run. Nothing is simulated. */
export function resolveRequest(request: ExploreRequest): { scenario: Scenario } | { invalid: ExploreInvalid } {
  const seeds = checkSeeds(request);
  if (seeds) return { invalid: seeds };
  try {
    return { scenario: applyOverrides(parseScenario(request.input), { set: [...request.set], days: request.days }) };
  } catch (err) {
    if (err instanceof ScenarioError) return { invalid: oneLine(err) };
    throw err;
  }
}

/** The seeds of a run, as a report with the same master seed and count has them. */
export function requestSeeds(masterSeed: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => replicateSeed(masterSeed, k));
}

/**
 * Runs a resolved scenario's seeds one after the other, calling `progress` after each, then computes
 * the headline statistics and the charts (the report's, for one scenario).
 */
export function explore(
  scenario: Scenario,
  request: ExploreRequest,
  progress: (done: number, total: number, ms: number) => void = () => undefined,
): ExploreResult {
  const seeds = requestSeeds(scenario.seed, request.seeds);
  const results: RunResult[] = [];
  const simulateMs: number[] = [];
  for (const seed of seeds) {
    const t0 = performance.now();
    results.push(simulate(scenario, { seed }));
    simulateMs.push(performance.now() - t0);
    progress(results.length, seeds.length, simulateMs[simulateMs.length - 1]);
  }
  // The report's own measure stage and charts, on a variant of one scenario.
  const baseline = { name: request.label, scenario };
  const v = measureVariant({ label: request.label, ref: '', set: [...request.set], scenario, baseline, scenarioFile: '', results, simulateMs: simulateMs.reduce((a, b) => a + b, 0) });
  return {
    seeds,
    metrics: v.metrics.map((m) => ({ key: m.key, label: m.label, kind: m.kind, ...v.stats[m.key] })),
    charts: scenarioCharts(v),
    simulateMs,
  };
}
