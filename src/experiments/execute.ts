/**
 * Running a batch of a sweep's runs and turning each into result rows: the same code in a worker
 * thread and in-process, so where a run happens cannot change what it writes.
 */
import { formatCell, formatNumber } from '../io/csv';
import { DAILY_COLUMN_NAMES } from '../model/columns';
import type { RunResult } from '../model/result';
import type { Scenario } from '../model/scenario/schema';
import { simulate } from '../model/simulate';
import { summarize } from '../model/summary';
import { metricColumns, type MetricColumn } from './columns';
import { describePoint, pointKey, pointScenario, type ParamValue } from './params';

/** What every run of a sweep shares (sent once to each worker thread). */
export interface SweepContext {
  /** The resolved base scenario (overrides applied). */
  base: Scenario;
  /** Swept parameter paths, in column order. */
  paths: string[];
  /** Prover class ids of the base scenario (columns of profit per class). */
  classIds: string[];
  /** Whether to write daily rows (daily.csv) besides the summary row. */
  daily: boolean;
}

/** One run: where it sits in the sweep, its seed, and its point's parameter values. */
export interface RunSpec {
  run: number;
  point: number;
  replicate: number;
  seed: number;
  values: ParamValue[];
}

/** Result rows of a batch of runs, in the batch's order, as CSV text ready to append. */
export interface BatchOutput {
  runs: number;
  /** Lines of daily.csv ('' when daily rows are off). */
  dailyCsv: string;
  /** Lines of runs.csv, one per run. */
  runsCsv: string;
}

/** Runs batches for one sweep; remembers the last point's scenario (replicates run back to back). */
export class BatchExecutor {
  private readonly metrics: MetricColumn[];
  private readonly dailyColumns = DAILY_COLUMN_NAMES;
  private cachedPoint = -1;
  private cachedScenario: Scenario | undefined;
  private cachedKey = '';

  constructor(private readonly context: SweepContext) {
    this.metrics = metricColumns(context.classIds);
  }

  run(specs: readonly RunSpec[]): BatchOutput {
    let dailyCsv = '';
    let runsCsv = '';
    for (const spec of specs) {
      const { scenario, key } = this.scenarioOf(spec);
      let result: RunResult;
      try {
        result = simulate(scenario, { seed: spec.seed, streamKey: key });
      } catch (err) {
        throw new Error(`run ${spec.run} (point ${spec.point}: ${describePoint(this.context.paths, spec.values)}; seed ${spec.seed}) failed: ${(err as Error).message}`);
      }
      const prefix = [spec.run, spec.point, spec.replicate, spec.seed, ...spec.values].map(formatCell).join(',');
      if (this.context.daily) {
        const cols = this.dailyColumns.map((name) => result.daily[name]);
        for (let d = 0; d < result.days; d++) {
          let line = prefix;
          for (const c of cols) line += `,${formatNumber(c[d])}`;
          dailyCsv += `${line}\n`;
        }
      }
      const summary = summarize(result);
      runsCsv += `${prefix},${this.metrics.map((m) => formatCell(m.read(summary))).join(',')}\n`;
    }
    return { runs: specs.length, dailyCsv, runsCsv };
  }

  private scenarioOf(spec: RunSpec): { scenario: Scenario; key: string } {
    if (spec.point !== this.cachedPoint || !this.cachedScenario) {
      try {
        this.cachedScenario = pointScenario(this.context.base, this.context.paths, spec.values);
      } catch (err) {
        throw new Error(`point ${spec.point} (${describePoint(this.context.paths, spec.values)}): ${(err as Error).message}`);
      }
      this.cachedPoint = spec.point;
      this.cachedKey = pointKey(this.context.paths, spec.values);
    }
    return { scenario: this.cachedScenario, key: this.cachedKey };
  }
}
