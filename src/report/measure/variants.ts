/**
 * The numbers of each scenario of a report: every seed's headline numbers (RunSummary fields and the
 * report's own), their statistics over seeds, and the metrics the report shows for it (those that
 * are zero in every run and only sometimes meaningful, such as a treasury, are left out).
 */
import type { RunSummary } from '../../model/summary';
import type { RunVariant } from '../gather/runs';
import { classProfitMetric, HEADLINE_METRICS, headlineValues, OMIT_WHEN_ZERO, type HeadlineMetric, type HeadlineValues } from './metrics';
import { intervals, type Interval } from './stats';

/** A variant with its runs measured. */
export interface MeasuredVariant extends RunVariant {
  summaries: RunSummary[];
  /** Headline numbers per seed. */
  values: HeadlineValues[];
  /** Statistics over seeds, by metric key. */
  stats: Record<string, Interval>;
  /** The metrics its tables show, in order. */
  metrics: HeadlineMetric[];
}

export function measureVariant(v: RunVariant): MeasuredVariant {
  const headline = v.results.map(headlineValues);
  const values = headline.map((h) => h.values);
  const classMetrics = v.scenario.provers.classes.map((c) => classProfitMetric(c.id, c.label));
  const metrics = [...HEADLINE_METRICS, ...classMetrics].filter((m) => !(OMIT_WHEN_ZERO.has(m.key) && values.every((x) => x[m.key] === 0)));
  return { ...v, summaries: headline.map((h) => h.summary), values, stats: intervals(values), metrics };
}

export function measureVariants(variants: readonly RunVariant[]): MeasuredVariant[] {
  return variants.map(measureVariant);
}
