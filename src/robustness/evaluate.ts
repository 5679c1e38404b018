/**
 * Verdicts: every claim at the baseline and at every value of every assumption, from the runs'
 * summaries. The summaries are read as runs.csv holds them (12 significant digits), so the verdicts
 * computed after a run and those recomputed later from its folder (README section) are the same.
 */
import type { ComparisonSummary } from '../compare/compare';
import { formatNumber } from '../io/csv';
import { claimOutcome, claimStatistic, claimMechanisms, type Claim, type ClaimOutcome } from './claims';
import { CLAIM_METRIC_NAMES, type ClaimMetric } from './metrics';
import type { PlannedAssumption, PlannedValue } from './plan';

/** A run's claim metrics, rounded as runs.csv writes them. */
export type MetricRow = Record<ClaimMetric, number>;

/** Every seed's metrics of one mechanism at one setting, in seed order. */
export interface SummaryTable {
  get(point: number, mechanism: string): MetricRow[];
}

export function metricRow(s: ComparisonSummary): MetricRow {
  const row = {} as MetricRow;
  for (const m of CLAIM_METRIC_NAMES) row[m] = Number(formatNumber(s[m]));
  return row;
}

export interface ValueVerdict {
  value: PlannedValue;
  outcome: ClaimOutcome;
}

export interface AssumptionVerdict {
  assumption: PlannedAssumption;
  /** False when no value of the assumption changes a mechanism the claim reads. */
  applies: boolean;
  values: ValueVerdict[];
}

export interface ClaimVerdict {
  claim: Claim;
  baseline: ClaimOutcome;
  assumptions: AssumptionVerdict[];
}

/** The claim's outcome at one setting. */
export function outcomeAt(claim: Claim, point: number, table: SummaryTable): ClaimOutcome {
  const left = table.get(point, claim.left);
  const right = typeof claim.right === 'number' ? undefined : table.get(point, claim.right);
  const statistics = left.map((row, k) => claimStatistic(claim, row[claim.metric], right ? right[k][claim.rightMetric] : NaN));
  return claimOutcome(claim, statistics);
}

export function claimVerdicts(claims: readonly Claim[], assumptions: readonly PlannedAssumption[], table: SummaryTable): ClaimVerdict[] {
  return claims.map((claim) => {
    const mechanisms = claimMechanisms(claim);
    return {
      claim,
      baseline: outcomeAt(claim, 0, table),
      assumptions: assumptions.map((assumption) => ({
        assumption,
        applies: assumption.affects.some((m) => mechanisms.includes(m)),
        values: assumption.values.map((value) => ({ value, outcome: outcomeAt(claim, value.point, table) })),
      })),
    };
  });
}

/** claims.csv's metric cell: the metric, or "left metric vs right metric" when they differ. */
export function claimMetricText(c: Claim): string {
  return c.rightMetric === c.metric ? c.metric : `${c.metric} vs ${c.rightMetric}`;
}

/** claims.csv: a baseline row per claim, then one row per assumption and value (the baseline's included). */
export function claimRows(verdicts: readonly ClaimVerdict[]): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const v of verdicts) {
    const row = (assumption: string, value: unknown, o: ClaimOutcome) => ({
      claim: v.claim.id,
      assumption,
      value,
      holds: o.holds,
      metric: claimMetricText(v.claim),
      median: o.median,
      p5: o.p5,
      p95: o.p95,
    });
    rows.push(row('baseline', '', v.baseline));
    for (const a of v.assumptions) for (const x of a.values) rows.push(row(a.assumption.id, x.value.value, x.outcome));
  }
  return rows;
}
