/**
 * Running a batch of a sweep's runs and turning each into result rows: the same code in a worker
 * thread and in-process, so where a run happens cannot change what it writes.
 */
import { CsvBuilder } from '../io/csv-builder';
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

/** A batch for a worker thread: its runs, and the sweep they belong to (kept by the thread while it lasts). */

/**
 * Result rows of a batch of runs, in the batch's order, as UTF-8 CSV bytes ready to append. Each
 * array owns its memory, so a worker thread hands it over without copying (a transfer).
 */
export interface BatchOutput {
  runs: number;
  /** Lines of daily.csv (empty when daily rows are off). */
  dailyCsv: Uint8Array;
  /** Lines of runs.csv, one per run. */
  runsCsv: Uint8Array;
}

/** Runs batches for one sweep; remembers the last point's scenario (replicates run back to back). */
export class BatchExecutor {
  private readonly metrics: MetricColumn[];
  private readonly dailyColumns = DAILY_COLUMN_NAMES;
  private cachedPoint = -1;
  private cachedScenario: Scenario | undefined;
  private cachedKey = '';
  /** Rows are written here, then copied out: the builders' memory is reused from batch to batch. */
  private readonly dailyRows = new CsvBuilder();
  private readonly runRows = new CsvBuilder();
  private readonly identity = new CsvBuilder(256);

  constructor(private readonly context: SweepContext) {
    this.metrics = metricColumns(context.classIds);
  }

  run(specs: readonly RunSpec[]): BatchOutput {
    const daily = this.dailyRows;
    const runs = this.runRows;
    daily.reset();
    runs.reset();
    for (const spec of specs) {
      const { scenario, key } = this.scenarioOf(spec);
      let result: RunResult;
      try {
        result = simulate(scenario, { seed: spec.seed, streamKey: key });
      } catch (err) {
        throw new Error(`run ${spec.run} (point ${spec.point}: ${describePoint(this.context.paths, spec.values)}; seed ${spec.seed}) failed: ${(err as Error).message}`);
      }
      // Every row starts with the run's identity and parameters, formatted once per run.
      const identity = this.identity;
      identity.reset();
      for (const cell of [spec.run, spec.point, spec.replicate, spec.seed, ...spec.values]) {
        identity.cell(cell);
        identity.comma();
      }
      const prefix = identity.view();
      if (this.context.daily) {
        const cols = this.dailyColumns.map((name) => result.daily[name]);
        for (let d = 0; d < result.days; d++) {
          daily.append(prefix);
          for (let c = 0; c < cols.length; c++) {
            if (c > 0) daily.comma();
            daily.number(cols[c][d]);
          }
          daily.newline();
        }
      }
      const summary = summarize(result);
      runs.append(prefix);
      this.metrics.forEach((m, i) => {
        if (i > 0) runs.comma();
        runs.cell(m.read(summary));
      });
      runs.newline();
    }
    // Copies of exactly the rows' length, each with a memory of its own (transferable).
    return { runs: specs.length, dailyCsv: new Uint8Array(daily.view()), runsCsv: new Uint8Array(runs.view()) };
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
