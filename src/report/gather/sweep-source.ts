/**
 * Reading a finished sweep's output folder (docs/sweeps.md): its manifest, the per-point statistics
 * of points.csv, the runs of runs.csv and the sensitivity rows of tornado.csv, checked to be a whole,
 * complete sweep before a report is made from them; and the preset its base scenario came from, so
 * that the report can mark what the sweep changed. The sweep measured its runs itself: its tables
 * are the report's numbers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MANIFEST_FILE, POINTS_FILE, RUNS_FILE, TORNADO_FILE } from '../../experiments/layout';
import { readManifest, type SweepManifest } from '../../experiments/manifest';
import type { ParamValue } from '../../experiments/params';
import { readTable, type TableRow } from '../../experiments/tables';
import { listPresets, readScenarioInput } from '../../io/scenarios';
import type { Scenario } from '../../model/scenario/schema';
import { parseScenario } from '../../model/scenario/validate';
import { ReportError } from '../errors';
import { classProfitMetric, HEADLINE_METRICS, type HeadlineMetric } from '../measure/metrics';
import type { Interval } from '../measure/stats';

export interface SweepPoint {
  index: number;
  values: ParamValue[];
  /** Statistics over the point's seeds, by metric key (from points.csv). */
  stats: Record<string, Interval>;
  /** Per-run values by metric key, in replicate order (from runs.csv). */
  runs: Record<string, number[]>;
}

export interface SweepSource {
  dir: string;
  manifest: SweepManifest;
  /** Metrics present in the folder's tables (headline ones with a sweep column, then class profits). */
  metrics: HeadlineMetric[];
  points: SweepPoint[];
  tornado: TableRow[];
  /** The preset the base scenario came from, when the sweep's scenario reference names one. */
  baseline?: { name: string; scenario: Scenario };
  /** The sweep's own tables, as text by file name (points.csv, runs.csv, tornado.csv when present). */
  tables: Record<string, string>;
}

/** The preset the sweep's base scenario came from, when its reference names one. */
function presetBaseline(ref: string): { name: string; scenario: Scenario } | undefined {
  if (!listPresets().some((p) => p.name === ref)) return undefined;
  return { name: `preset ${ref}`, scenario: parseScenario(readScenarioInput(ref).input) };
}

export function readSweep(dir: string): SweepSource {
  const manifest = readManifest(dir);
  if (!manifest) throw new ReportError(`${dir}: a folder without ${MANIFEST_FILE}; name a sweep output folder (prover-sim sweep ... --out DIR), a preset or a scenario file`);
  if (manifest.shard.count > 1) throw new ReportError(`${dir}: holds shard ${manifest.shard.index}/${manifest.shard.count} of a sweep; merge the shards first (prover-sim merge ... --out DIR) and report on the merged folder`);
  if (manifest.status !== 'complete') throw new ReportError(`${dir}: the sweep is not finished (status ${manifest.status}); finish it with prover-sim sweep ... --resume`);
  for (const f of [POINTS_FILE, RUNS_FILE]) {
    if (!fs.existsSync(path.join(dir, f))) throw new ReportError(`${dir}: ${f} is missing`);
  }
  const pointRows = readTable(path.join(dir, POINTS_FILE));
  const runRows = readTable(path.join(dir, RUNS_FILE));
  const tornado = fs.existsSync(path.join(dir, TORNADO_FILE)) ? readTable(path.join(dir, TORNADO_FILE)) : [];
  const header = new Set(Object.keys(pointRows[0] ?? {}));
  const classMetrics = manifest.scenario.provers.classes.map((c) => classProfitMetric(c.id, c.label));
  const metrics = [...HEADLINE_METRICS, ...classMetrics].filter((m) => m.sweepColumn && header.has(`${m.sweepColumn}_median`));

  const points: SweepPoint[] = manifest.designPoints.map((values, index) => ({ index, values, stats: {}, runs: {} }));
  for (const row of pointRows) {
    const p = points[Number(row.point)];
    if (!p) throw new ReportError(`${dir}: ${POINTS_FILE} lists point ${row.point}, which the manifest does not have`);
    for (const m of metrics) {
      const c = m.sweepColumn!;
      p.stats[m.key] = { median: Number(row[`${c}_median`]), p5: Number(row[`${c}_p5`]), p95: Number(row[`${c}_p95`]), mean: Number(row[`${c}_mean`]), n: Number(row.runs) };
    }
  }
  for (const row of runRows) {
    const p = points[Number(row.point)];
    if (!p) continue;
    for (const m of metrics) (p.runs[m.key] ??= []).push(Number(row[m.sweepColumn!]));
  }
  const tables: Record<string, string> = {};
  for (const f of [POINTS_FILE, RUNS_FILE, TORNADO_FILE]) {
    const file = path.join(dir, f);
    if (fs.existsSync(file)) tables[f] = fs.readFileSync(file, 'utf8');
  }
  return { dir, manifest, metrics, points, tornado, baseline: presetBaseline(manifest.scenarioRef), tables };
}
