/**
 * Reading a finished sweep's output folder (docs/sweeps.md): its manifest, the per-point statistics
 * of points.csv, the runs of runs.csv and the sensitivity rows of tornado.csv, checked to be a whole,
 * complete sweep before a report is made from them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MANIFEST_FILE, POINTS_FILE, RUNS_FILE, TORNADO_FILE } from '../experiments/layout';
import { readManifest, type SweepManifest } from '../experiments/manifest';
import type { ParamValue } from '../experiments/params';
import { readTable, type TableRow } from '../experiments/tables';
import { ReportError } from './errors';
import { classProfitMetric, HEADLINE_METRICS, type HeadlineMetric } from './metrics';
import type { Interval } from './stats';

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
  return { dir, manifest, metrics, points, tornado };
}
