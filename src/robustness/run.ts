/**
 * runRobustness: the whole of a robustness run (plan, runs in worker threads, verdicts, output
 * folder), used by `prover-sim robustness` and by notebooks alike.
 */
import * as os from 'os';
import * as path from 'path';
import type { ComparisonSummary } from '../compare/compare';
import { createTaskPool } from '../experiments/pool';
import { ProgressClock, type ProgressListener } from '../experiments/progress';
import { batchSize, runTasks } from '../experiments/runner';
import { RobustnessError } from './errors';
import { claimVerdicts, metricRow, type ClaimVerdict, type MetricRow } from './evaluate';
import { runRobustnessTask, type RobustnessContext, type RobustnessTask } from './execute';
import { checkOutDir, planTable, reproduceCommand, robustnessFiles, robustnessMeta, writeFolder } from './outputs';
import { planRobustness, type RobustnessOptions, type RobustnessPlan } from './plan';
import type { RobustnessMeta } from './report';

export const ROBUSTNESS_WORKER = 'robustness/worker.js';

/** How to run (none of it changes the results). */
export interface RobustnessRunnerOptions {
  /** Worker threads. Default: one per core. 0 runs in this thread. */
  workers?: number;
  /** Output folder; nothing is written without one (a notebook may keep the result in memory). */
  out?: string;
  /** The command line as typed, for the manifest. */
  command?: string;
}

export interface RobustnessHooks {
  /** Called as runs finish (plug a progress bar or a notebook's progress line in here). */
  onProgress?: ProgressListener;
}

export interface RobustnessResult {
  plan: RobustnessPlan;
  meta: RobustnessMeta;
  /** Metrics of each distinct scenario (plan.scenarios) on each seed, as runs.csv holds them. */
  summaries: MetricRow[][];
  verdicts: ClaimVerdict[];
  durationMs: number;
  workers: number;
  /** The output folder and its files, when `out` was given. */
  outDir?: string;
  files?: string[];
}

export async function runRobustness(options: RobustnessOptions & RobustnessRunnerOptions, hooks: RobustnessHooks = {}): Promise<RobustnessResult> {
  const started = performance.now();
  const plan = planRobustness(options);
  const workers = options.workers ?? os.availableParallelism();
  if (!Number.isInteger(workers) || workers < 0 || workers > 1024) throw new RobustnessError(`--workers ${workers}: expected a whole number from 0 (this thread) to 1024`);
  const outDir = options.out !== undefined ? path.resolve(options.out) : undefined;
  // Everything is checked before the first run: a bad folder is refused with nothing run or written.
  if (outDir) checkOutDir(outDir);

  const runs: Array<[number, number]> = [];
  plan.scenarios.forEach((_, i) => plan.seeds.forEach((seed) => runs.push([i, seed])));
  const threads = runs.length <= 1 ? 0 : workers;
  const perTask = batchSize(runs.length, plan.base.days, threads);
  const tasks = function* (): Generator<RobustnessTask> {
    for (let i = 0; i < runs.length; i += perTask) yield runs.slice(i, i + perTask);
  };
  const context: RobustnessContext = { scenarios: plan.scenarios };
  const flat: MetricRow[] = [];
  const clock = new ProgressClock(0, runs.length);
  hooks.onProgress?.(clock.now());
  await runTasks<RobustnessTask, ComparisonSummary[]>(tasks(), {
    workers: threads,
    inThread: () => (task) => runRobustnessTask(context, task),
    pool: () => createTaskPool(threads, context, ROBUSTNESS_WORKER),
    write: (summaries) => {
      for (const s of summaries) flat.push(metricRow(s));
      hooks.onProgress?.(clock.add(summaries.length));
    },
  });
  const summaries = plan.scenarios.map((_, i) => flat.slice(i * plan.seeds.length, (i + 1) * plan.seeds.length));
  const verdicts = claimVerdicts(plan.claims, plan.assumptions, planTable(plan, summaries));
  const meta = robustnessMeta(plan, reproduceCommand(plan, options.mechanisms !== undefined));
  const durationMs = performance.now() - started;
  const result: RobustnessResult = { plan, meta, summaries, verdicts, durationMs, workers: threads };
  if (outDir) {
    result.files = writeFolder(outDir, robustnessFiles({ plan, meta, summaries, verdicts, durationMs, workers: threads, commandLine: options.command ?? '(runRobustness)' }));
    result.outDir = outDir;
  }
  return result;
}
