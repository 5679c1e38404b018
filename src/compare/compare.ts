/**
 * Mechanism comparison with common random numbers: every named mechanism runs on the same scenario
 * and the same seeds, so that for a given seed the population, demand, costs and outages are the
 * same draws (they come from streams seeded by the seed alone) and differences come from the
 * mechanism. Runs in this process, one after another.
 */
import { DAILY_COLUMN_NAMES, type DailyColumn } from '../model/columns';
import { parseScenario, ScenarioError } from '../model/scenario/validate';
import type { Scenario } from '../model/scenario/schema';
import { simulate } from '../model/simulate';
import type { RunResult } from '../model/result';
import { summarize, type RunSummary } from '../model/summary';
import { parseAssignment, setPath } from '../io/scenarios';
import { quantileSorted } from '../stats';
import { band, type Band } from './quantiles';
import { findVariant, MECHANISM_NAMES, type MechanismVariant } from './variants';

/** A run's summary plus the numbers the comparison adds (pools, collateral, copiers, what the rollup pays). */
export interface ComparisonSummary extends RunSummary {
  /** Mean 30-day Nakamoto coefficient of wins by member (pools spread over members) over the last 365 days. */
  nakamoto30dByMemberLastYear: number;
  /** What the rollup paid for proofs over the run per batch proven, USD. */
  rollupCostPerBatchUsd: number;
  /** Value slashed from provers' stakes and bonds over the run, USD. */
  slashedUsd: number;
  /** Prover rewards taken by front-running copiers over the run, USD. */
  copierIncomeUsd: number;
}

const total = (a: Float64Array, from = 0) => {
  let s = 0;
  for (let i = from; i < a.length; i++) s += a[i];
  return s;
};

/** The run's summary with the comparison's extra numbers, from its daily series. */
export function comparisonSummary(r: RunResult): ComparisonSummary {
  const D = r.daily;
  const from = Math.max(0, r.days - 365);
  const proven = total(D.batches_proven);
  return {
    ...summarize(r),
    nakamoto30dByMemberLastYear: total(D.nakamoto_coefficient_30d_by_member, from) / (r.days - from),
    rollupCostPerBatchUsd: proven > 0 ? total(D.rollup_paid_usd) / proven : 0,
    slashedUsd: total(D.slashed_usd),
    copierIncomeUsd: total(D.copier_income_usd),
  };
}

/** A headline number of a run, as the comparison table shows it. */
export interface HeadlineMetric {
  key: string;
  /** Column heading. */
  label: string;
  value: (s: ComparisonSummary) => number;
  /** Short text of a value (the table's cells). */
  format: (x: number) => string;
}

/** Formatters of the table's cells (also used by the robustness outputs). */
export const fixed = (digits: number) => (x: number) => x.toFixed(digits);
export const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
export const dollars = (x: number) => {
  const a = Math.abs(x);
  const sign = x < 0 ? '-' : '';
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)}k`;
  return `${sign}$${a.toFixed(2)}`;
};

/** The headline metrics of the comparison, in table order. */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  { key: 'active_provers', label: 'active provers', value: (s) => s.activeProversLastYear, format: fixed(1) },
  { key: 'nakamoto_30d', label: 'Nakamoto (30 d)', value: (s) => s.nakamoto30dLastYear, format: fixed(1) },
  { key: 'nakamoto_30d_by_member', label: 'Nakamoto by member', value: (s) => s.nakamoto30dByMemberLastYear, format: fixed(1) },
  { key: 'top1_reward_share_30d', label: 'top-1 reward share', value: (s) => s.top1RewardShare30dLastYear, format: percent },
  { key: 'mean_finality_minutes', label: 'mean finality (min)', value: (s) => 60 * s.meanFinalityDelayHours, format: fixed(1) },
  { key: 'p95_finality_minutes', label: 'p95 finality (min)', value: (s) => 60 * s.p95FinalityDelayHours, format: fixed(1) },
  { key: 'missed_deadline_share', label: 'missed deadlines', value: (s) => s.missedDeadlineShare, format: percent },
  { key: 'wasted_attempt_share', label: 'wasted attempts', value: (s) => s.wastedAttemptShare, format: percent },
  { key: 'cost_per_proof_usd', label: 'prover cost / proof', value: (s) => s.costPerProofUsd, format: dollars },
  { key: 'rollup_cost_per_batch_usd', label: 'rollup pays / batch', value: (s) => s.rollupCostPerBatchUsd, format: dollars },
  { key: 'prover_profit_usd', label: 'prover profit', value: (s) => s.proverProfitUsd, format: dollars },
  { key: 'slashed_usd', label: 'slashed', value: (s) => s.slashedUsd, format: dollars },
  { key: 'copier_income_usd', label: 'copiers took', value: (s) => s.copierIncomeUsd, format: dollars },
  { key: 'entry_capital_usd', label: 'entry capital', value: (s) => s.entryCapitalUsdEnd, format: dollars },
];

/** Median and 5-95% band over seeds of each headline metric, by key. */
export function headlineBands(runs: readonly ComparisonSummary[]): Record<string, Band> {
  const headline: Record<string, Band> = {};
  for (const m of HEADLINE_METRICS) headline[m.key] = band(runs.map(m.value));
  return headline;
}

/** Daily columns whose 5% and 95% quantiles over seeds go into the series next to the median. */
export const BANDED_SERIES: readonly DailyColumn[] = ['active_provers', 'nakamoto_coefficient_30d', 'nakamoto_coefficient_30d_by_member', 'mean_finality_delay_hours', 'cost_per_proof_usd', 'rollup_cost_per_batch_usd'];

export interface CompareOptions {
  /** Mechanism names (see MECHANISM_NAMES). */
  mechanisms: string[];
  /** Number of seeds: scenario.seed, scenario.seed + 1, ... */
  seeds: number;
  /** `path=value` overrides applied to every mechanism's scenario; a `mechanism.` field to those that have it. */
  set?: string[];
  /** Reports each finished mechanism (name, seconds). */
  onProgress?: (name: string, seconds: number) => void;
}

/** One mechanism's results over the seeds. */
export interface MechanismComparison {
  name: string;
  description: string;
  /** The scenario it ran (with its mechanism and overrides). */
  scenario: Scenario;
  /** Headline summary of each seed's run, in seed order. */
  runs: ComparisonSummary[];
  /** Median and 5-95% band over seeds of each headline metric, by key. */
  headline: Record<string, Band>;
  /** Per day: the median over seeds of every daily column, and the 5%/95% quantiles of BANDED_SERIES. */
  seriesMedian: Record<DailyColumn, Float64Array>;
  seriesP05: Partial<Record<DailyColumn, Float64Array>>;
  seriesP95: Partial<Record<DailyColumn, Float64Array>>;
}

export interface Comparison {
  scenarioName: string;
  days: number;
  seeds: number[];
  mechanisms: MechanismComparison[];
}

/** Resolves mechanism names, or throws a one-line ScenarioError naming the allowed ones. */
export function resolveMechanisms(names: string[]): MechanismVariant[] {
  if (names.length === 0) throw new ScenarioError(`--mechanisms: name at least one mechanism (allowed: ${MECHANISM_NAMES.join(', ')})`);
  return names.map((name) => {
    const v = findVariant(name);
    if (!v) throw new ScenarioError(`--mechanisms: unknown mechanism "${name}" (allowed: ${MECHANISM_NAMES.join(', ')})`);
    return v;
  });
}

/**
 * The scenario a mechanism runs: the base scenario with the variant's mechanism (the base's own when
 * it is of the same kind and the variant is that plain kind), then the overrides. A `mechanism.`
 * override applies only when the mechanism has that field; `applied` records which did.
 */
export function variantScenario(base: Scenario, variant: MechanismVariant, set: string[], applied: Set<string> = new Set()): Scenario {
  const input = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  input.mechanism = variant.name === base.mechanism.kind ? base.mechanism : variant.mechanism;
  const resolved = JSON.parse(JSON.stringify(parseScenario(input))) as Record<string, unknown>;
  for (const assignment of set) {
    const { path, value } = parseAssignment(assignment);
    const [head, field] = path.split('.');
    if (head === 'mechanism' && field !== undefined && !(field in (resolved.mechanism as Record<string, unknown>))) continue;
    setPath(resolved, path, value);
    applied.add(assignment);
  }
  return parseScenario(resolved);
}

/** Runs every named mechanism on `seeds` seeds of the base scenario. */
export function compareMechanisms(base: Scenario, options: CompareOptions): Comparison {
  const variants = resolveMechanisms(options.mechanisms);
  const set = options.set ?? [];
  const applied = new Set<string>();
  const scenarios = variants.map((v) => variantScenario(base, v, set, applied));
  for (const assignment of set) {
    if (!applied.has(assignment)) throw new ScenarioError(`--set ${assignment}: none of the compared mechanisms has that field`);
  }
  const seeds = Array.from({ length: options.seeds }, (_, k) => (base.seed + k) >>> 0);
  const mechanisms = variants.map((v, j) => {
    const t0 = performance.now();
    const result = runMechanism(v, scenarios[j], seeds);
    options.onProgress?.(v.name, (performance.now() - t0) / 1000);
    return result;
  });
  return { scenarioName: base.name, days: scenarios[0].days, seeds, mechanisms };
}

function runMechanism(v: MechanismVariant, scenario: Scenario, seeds: number[]): MechanismComparison {
  const days = scenario.days;
  const runs: ComparisonSummary[] = [];
  const daily: Array<Record<DailyColumn, Float64Array>> = [];
  for (const seed of seeds) {
    const r = simulate(scenario, { seed });
    runs.push(comparisonSummary(r));
    daily.push(r.daily);
  }
  const headline = headlineBands(runs);
  const seriesMedian = {} as Record<DailyColumn, Float64Array>;
  const seriesP05: Partial<Record<DailyColumn, Float64Array>> = {};
  const seriesP95: Partial<Record<DailyColumn, Float64Array>> = {};
  const values = new Float64Array(seeds.length);
  for (const name of DAILY_COLUMN_NAMES) {
    const median = new Float64Array(days);
    const banded = BANDED_SERIES.includes(name);
    const lo = banded ? new Float64Array(days) : undefined;
    const hi = banded ? new Float64Array(days) : undefined;
    for (let d = 0; d < days; d++) {
      for (let k = 0; k < seeds.length; k++) values[k] = daily[k][name][d];
      values.sort();
      median[d] = quantileSorted(values, 0.5);
      if (lo && hi) {
        lo[d] = quantileSorted(values, 0.05);
        hi[d] = quantileSorted(values, 0.95);
      }
    }
    seriesMedian[name] = median;
    if (lo && hi) {
      seriesP05[name] = lo;
      seriesP95[name] = hi;
    }
  }
  return { name: v.name, description: v.description, scenario, runs, headline, seriesMedian, seriesP05, seriesP95 };
}
