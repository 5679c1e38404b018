/**
 * What `prover-sim compare` writes: the headline table (table.md, summary.csv), every seed's headline
 * numbers (runs.csv), the per-day series over seeds (series.csv) and the manifest.
 */
import { DAILY_COLUMN_NAMES } from '../model/columns';
import { columnsToCsv, rowsToCsv } from '../io/csv';
import { writeFiles } from '../io/files';
import { environmentInfo, gitCommit, packageVersion } from '../io/manifest';
import { BANDED_SERIES, HEADLINE_METRICS, type Comparison, type MechanismComparison } from './compare';

/** The headline table in Markdown: one row per mechanism, each cell "median [5%, 95%]" over seeds. */
export function comparisonTable(c: { mechanisms: ReadonlyArray<Pick<MechanismComparison, 'name' | 'headline'>> }): string {
  const head = ['mechanism', ...HEADLINE_METRICS.map((m) => m.label)];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const mech of c.mechanisms) {
    const cells = HEADLINE_METRICS.map((m) => {
      const b = mech.headline[m.key];
      return `${m.format(b.median)} [${m.format(b.p05)}, ${m.format(b.p95)}]`;
    });
    lines.push(`| ${mech.name} | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** summary.csv: one row per mechanism and headline metric with its median and 5-95% band. */
export function summaryCsv(c: Comparison): string {
  const rows: Array<Record<string, unknown>> = [];
  for (const mech of c.mechanisms) {
    for (const m of HEADLINE_METRICS) {
      const b = mech.headline[m.key];
      rows.push({ mechanism: mech.name, metric: m.key, median: b.median, p05: b.p05, p95: b.p95 });
    }
  }
  return rowsToCsv(rows);
}

/** runs.csv: every mechanism and seed with its headline numbers. */
export function runsCsv(c: Comparison): string {
  const rows: Array<Record<string, unknown>> = [];
  for (const mech of c.mechanisms) {
    mech.runs.forEach((s, k) => {
      const row: Record<string, unknown> = { mechanism: mech.name, seed: c.seeds[k] };
      for (const m of HEADLINE_METRICS) row[m.key] = m.value(s);
      rows.push(row);
    });
  }
  return rowsToCsv(rows);
}

/** series.csv: per mechanism and day, the median over seeds of every daily column, and bands of a few. */
export function seriesCsv(c: Comparison): string {
  const n = c.mechanisms.length * c.days;
  const mechanism: string[] = new Array(n);
  const cols: Record<string, Float64Array | string[]> = { mechanism };
  for (const name of DAILY_COLUMN_NAMES) cols[name] = new Float64Array(n);
  for (const name of BANDED_SERIES) {
    cols[`${name}_p05`] = new Float64Array(n);
    cols[`${name}_p95`] = new Float64Array(n);
  }
  c.mechanisms.forEach((mech, j) => {
    const at = j * c.days;
    mechanism.fill(mech.name, at, at + c.days);
    for (const name of DAILY_COLUMN_NAMES) (cols[name] as Float64Array).set(mech.seriesMedian[name], at);
    for (const name of BANDED_SERIES) {
      (cols[`${name}_p05`] as Float64Array).set(mech.seriesP05[name] as Float64Array, at);
      (cols[`${name}_p95`] as Float64Array).set(mech.seriesP95[name] as Float64Array, at);
    }
  });
  return columnsToCsv(cols);
}

export interface ComparisonProvenance {
  scenarioRef: string;
  command: string;
  durationMs: number;
}

/** Writes table.md, summary.csv, runs.csv, series.csv and manifest.json into `dir`; returns the files. */
export function writeComparison(dir: string, c: Comparison, prov: ComparisonProvenance): string[] {
  const manifest = {
    tool: 'prover-sim',
    version: packageVersion(),
    gitCommit: gitCommit(),
    command: prov.command,
    scenarioRef: prov.scenarioRef,
    seeds: c.seeds,
    days: c.days,
    mechanisms: c.mechanisms.map((m) => ({ name: m.name, description: m.description, scenario: m.scenario })),
    durationMs: Math.round(prov.durationMs),
    environment: environmentInfo(),
  };
  return writeFiles(dir, {
    'table.md': comparisonTable(c),
    'summary.csv': summaryCsv(c),
    'runs.csv': runsCsv(c),
    'series.csv': seriesCsv(c),
    'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
  });
}
