/**
 * Where a sweep's result rows go: daily.csv and runs.csv, appended as batches finish, in run order.
 * Each batch's daily rows are written before its summary rows, so a run listed in runs.csv always
 * has all of its daily rows; resume relies on it (see repair.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { dailyHeader, headerLine, runsHeader } from './columns';
import { leadingInteger } from './csv-read';
import { SweepError } from './errors';
import type { BatchOutput } from './execute';
import { writeAll } from './files';
import { DAILY_FILE, RUNS_FILE } from './layout';
import type { SweepPlan } from './plan';
import { firstLine, readDoneRuns, trimTail } from './repair';

/**
 * Test hook: after this many runs have been written, write one batch's daily rows and half of its
 * summary rows, then die by SIGKILL, to check that --resume recovers from the worst moment.
 */
const CRASH_AFTER_RUNS = Number(process.env.PROVER_SIM_TEST_CRASH_AFTER_RUNS ?? NaN);

export class ResultSink {
  private dailyFd: number | undefined;
  private runsFd: number;
  private written = 0;

  private constructor(dailyFd: number | undefined, runsFd: number) {
    this.dailyFd = dailyFd;
    this.runsFd = runsFd;
  }

  /**
   * Opens the result files in `dir`: new ones with their headers, or (resume) the existing ones
   * repaired. Returns the sink and the runs already done.
   */
  static open(dir: string, plan: SweepPlan, resume: boolean): { sink: ResultSink; done: Uint8Array; doneCount: number } {
    const runsFile = path.join(dir, RUNS_FILE);
    const dailyFile = path.join(dir, DAILY_FILE);
    const runsHead = headerLine(runsHeader(plan.design.paths, plan.classIds));
    const dailyHead = headerLine(dailyHeader(plan.design.paths));
    let done: Uint8Array = new Uint8Array(plan.totalRuns);
    let doneCount = 0;
    if (resume && fs.existsSync(runsFile)) {
      trimTail(runsFile, () => true);
      prepareHeader(runsFile, runsHead);
      ({ done, count: doneCount } = readDoneRuns(runsFile, plan.totalRuns, plan.shard));
    } else fs.writeFileSync(runsFile, runsHead);
    if (plan.daily) {
      if (resume && fs.existsSync(dailyFile)) {
        trimTail(dailyFile, (line) => done[leadingInteger(line)] === 1);
        prepareHeader(dailyFile, dailyHead);
      } else fs.writeFileSync(dailyFile, dailyHead);
    }
    const sink = new ResultSink(plan.daily ? fs.openSync(dailyFile, 'a') : undefined, fs.openSync(runsFile, 'a'));
    return { sink, done, doneCount };
  }

  /** Appends one batch: daily rows first, then summary rows. */
  write(batch: BatchOutput): void {
    if (this.written >= CRASH_AFTER_RUNS) this.crashForTest(batch);
    if (this.dailyFd !== undefined && batch.dailyCsv.length) writeAll(this.dailyFd, batch.dailyCsv);
    writeAll(this.runsFd, batch.runsCsv);
    this.written += batch.runs;
  }

  close(): void {
    if (this.dailyFd !== undefined) fs.closeSync(this.dailyFd);
    fs.closeSync(this.runsFd);
    this.dailyFd = undefined;
  }

  private crashForTest(batch: BatchOutput): never {
    if (this.dailyFd !== undefined) writeAll(this.dailyFd, batch.dailyCsv);
    writeAll(this.runsFd, batch.runsCsv.subarray(0, Math.ceil(batch.runsCsv.length / 2)));
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable: SIGKILL');
  }
}

/** A file cut back to nothing by repair gets its header again; any other header must be ours. */
function prepareHeader(file: string, header: string): void {
  if (fs.statSync(file).size === 0) {
    fs.writeFileSync(file, header);
    return;
  }
  if (`${firstLine(file)}\n` !== header) throw new SweepError(`${file}: its columns differ from this sweep's; use another --out`);
}
