/**
 * Per-point summaries of a finished sweep, read from runs.csv in one pass: points.csv (mean, median
 * and 5-95% interval over seeds of every headline metric) and tornado.csv. runs.csv lists runs in
 * run order, so a point's replicates are consecutive and only one point is held at a time.
 */
import * as path from 'path';
import { formatCell } from '../io/csv';
import { metricColumns, RUN_ID_COLUMNS, headerLine, runsHeader } from './columns';
import { forEachLine, splitCsvLine } from './csv-read';
import type { SweepDesign } from './design';
import { SweepError } from './errors';
import { AtomicFileWriter } from './files';
import { POINTS_FILE, RUNS_FILE, TORNADO_FILE } from './layout';
import { sampleStats, STAT_NAMES } from './stats';
import { TORNADO_COLUMNS, tornadoRows, type TornadoRow } from './tornado';

/** What the summaries need to know about the sweep. */
export interface SummaryInput {
  design: SweepDesign;
  classIds: string[];
}

/** Header of points.csv: point, parameters, runs, then metric_mean, metric_median, metric_p5, metric_p95. */
export function pointsHeader(input: SummaryInput): string[] {
  const metrics = metricColumns(input.classIds).filter((m) => m.aggregate);
  return ['point', ...input.design.paths, 'runs', ...metrics.flatMap((m) => STAT_NAMES.map((s) => `${m.name}_${s}`))];
}

/** Writes points.csv and tornado.csv into `dir` from its runs.csv; returns the tornado rows. */
export function writeSummaries(dir: string, input: SummaryInput): TornadoRow[] {
  const { design } = input;
  const allMetrics = metricColumns(input.classIds);
  // Positions in a runs.csv row of the metrics that get statistics.
  const firstMetric = RUN_ID_COLUMNS.length + design.paths.length;
  const aggregated = allMetrics.map((m, k) => ({ name: m.name, cell: firstMetric + k, aggregate: m.aggregate })).filter((m) => m.aggregate);
  const means = new Float64Array(design.points.length * aggregated.length).fill(NaN);

  const runsFile = path.join(dir, RUNS_FILE);
  const expectedHeader = headerLine(runsHeader(design.paths, input.classIds)).trimEnd();
  const out = new AtomicFileWriter(path.join(dir, POINTS_FILE));
  out.write(headerLine(pointsHeader(input)));
  let current = -1;
  let countRuns = 0;
  let samples: number[][] = [];
  const flush = () => {
    if (current < 0) return;
    const cells: unknown[] = [current, ...design.points[current], countRuns];
    aggregated.forEach((_, k) => {
      const values = samples[k];
      const s = sampleStats(values);
      means[current * aggregated.length + k] = s.mean;
      for (const name of STAT_NAMES) cells.push(values.length ? s[name] : undefined);
    });
    out.write(`${cells.map(formatCell).join(',')}\n`);
  };
  try {
    forEachLine(runsFile, (line, i) => {
      if (i === 0) {
        if (line !== expectedHeader) throw new SweepError(`${runsFile}: unexpected header (not this sweep's runs table)`);
        return;
      }
      if (line === '') return;
      const cells = splitCsvLine(line);
      const point = Number(cells[1]);
      if (point !== current) {
        if (point < current) throw new SweepError(`${runsFile}: rows are not in run order at line ${i + 1}; merge shards with \`prover-sim merge\``);
        flush();
        current = point;
        countRuns = 0;
        samples = aggregated.map(() => []);
      }
      countRuns++;
      aggregated.forEach((m, k) => {
        if (cells[m.cell] !== '') samples[k].push(Number(cells[m.cell]));
      });
    });
    flush();
    out.commit();
  } catch (err) {
    out.abandon();
    throw err;
  }

  const rows = tornadoRows(design, aggregated.map((m) => m.name), means);
  const tornado = new AtomicFileWriter(path.join(dir, TORNADO_FILE));
  tornado.write(headerLine(TORNADO_COLUMNS));
  for (const r of rows) {
    tornado.write(`${[r.metric, r.parameter, r.low, r.baseline, r.high, r.atLow, r.atBaseline, r.atHigh, r.swing, r.method].map(formatCell).join(',')}\n`);
  }
  tornado.commit();
  return rows;
}
