/**
 * The data files of reports: headline table, per-seed numbers, daily series, and every parameter
 * and sourced assumption (the post lists only what differs from the preset).
 */
import { columnsToCsv, rowsToCsv } from '../../io/csv';
import { CLASS_COLUMNS, DAILY_COLUMN_NAMES } from '../../model/columns';
import type { RunResult } from '../../model/result';
import type { Scenario } from '../../model/scenario/schema';
import { assumptionKind, keyAssumptions } from '../measure/assumptions';
import { valueText } from '../measure/parameters';
import type { HeadlineMetric, HeadlineValues } from '../measure/metrics';
import type { Interval } from '../measure/stats';
import type { ScenarioParameters } from './sections';

export interface DataVariant {
  label: string;
  results: readonly RunResult[];
  values: readonly HeadlineValues[];
  stats: Record<string, Interval>;
  metrics: readonly HeadlineMetric[];
}

/** data/headline.csv: one row per scenario and metric, as in the headline table (unrounded). */
export function headlineCsv(variants: readonly DataVariant[]): string {
  return rowsToCsv(
    variants.flatMap((v) =>
      v.metrics.map((m) => {
        const s = v.stats[m.key];
        return { scenario: v.label, metric: m.key, label: m.label, median: s.median, p5: s.p5, p95: s.p95, mean: s.mean, seeds: s.n };
      }),
    ),
  );
}

/** data/runs.csv: one row per scenario and seed with every headline number. */
export function runsCsv(variants: readonly DataVariant[]): string {
  const keys = [...new Set(variants.flatMap((v) => v.metrics.map((m) => m.key)))];
  return rowsToCsv(
    variants.flatMap((v) =>
      v.results.map((r, k) => {
        const row: Record<string, unknown> = { scenario: v.label, seed: r.seed, days: r.days };
        for (const key of keys) row[key] = v.values[k][key];
        return row;
      }),
    ),
  );
}

/** data/daily.csv: every daily column of every run, one row per scenario, seed and day. */
export function dailyCsv(variants: readonly DataVariant[]): string {
  const runs = variants.flatMap((v) => v.results.map((r) => ({ label: v.label, r })));
  const n = runs.reduce((a, x) => a + x.r.days, 0);
  const scenario: string[] = new Array(n);
  const seed = new Float64Array(n);
  const cols: Record<string, Float64Array> = {};
  for (const name of DAILY_COLUMN_NAMES) cols[name] = new Float64Array(n);
  let row = 0;
  for (const { label, r } of runs) {
    for (const name of DAILY_COLUMN_NAMES) cols[name].set(r.daily[name], row);
    scenario.fill(label, row, row + r.days);
    seed.fill(r.seed, row, row + r.days);
    row += r.days;
  }
  return columnsToCsv({ scenario, seed, ...cols });
}

/** data/classes.csv: per-class daily series of every run. */
export function classesCsv(variants: readonly DataVariant[]): string {
  const rows: Array<Record<string, unknown>> = [];
  for (const v of variants) {
    for (const r of v.results) {
      r.classes.ids.forEach((id, c) => {
        for (let d = 0; d < r.days; d++) {
          const row: Record<string, unknown> = { scenario: v.label, seed: r.seed, day: d, class: id };
          for (const col of CLASS_COLUMNS) row[col.name] = r.classes.series[col.name][c * r.days + d];
          rows.push(row);
        }
      });
    }
  }
  return rowsToCsv(rows);
}

/** data/parameters.csv: every parameter of every scenario, with its unit, meaning and preset value. */
export function parametersCsv(scenarios: readonly ScenarioParameters[]): string {
  return rowsToCsv(
    scenarios.flatMap((s) =>
      s.rows.map((r) => ({
        scenario: s.label,
        parameter: r.path,
        value: valueText(r.value),
        unit: r.unit ?? '',
        preset: s.baselineName ?? '',
        preset_value: s.baselineName === undefined ? '' : valueText(r.changed ? r.baselineValue : r.value),
        changed: r.changed,
        meaning: r.doc ?? '',
      })),
    ),
  );
}

/** data/assumptions.csv: every parameter value traced to a source, with the source and its kind. */
export function assumptionsCsv(scenario: Scenario): string {
  return rowsToCsv(
    keyAssumptions(scenario).flatMap((a) =>
      a.parameters.map((p) => ({ parameter: p.path, value: valueText(p.value), unit: p.unit ?? '', source: a.source, kind: assumptionKind(a) })),
    ),
  );
}
