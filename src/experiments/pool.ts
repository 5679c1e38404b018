/**
 * Worker-thread pools (piscina) for sweeps and robustness runs. Workers always load compiled workers
 * from dist/, even when this module runs from TypeScript source (ts-node, tslab notebooks): a worker
 * thread cannot load TypeScript, and this way notebooks and the CLI run the very same code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Piscina } from 'piscina';
import { PROJECT_ROOT } from '../io/paths';
import { SweepError } from './errors';
import type { BatchOutput, RunSpec, SweepContext } from './execute';

/** The sweep's worker entry, relative to dist/ (and to src/ for the TypeScript source). */
export const SWEEP_WORKER = 'experiments/worker.js';

/** Path of a compiled worker entry, given relative to dist/ (default: the sweep's worker). */
export function workerFile(entry: string = SWEEP_WORKER): string {
  // Running compiled code: the entry sits beside this module's folder in the same dist/.
  const here = path.resolve(__dirname, '..', entry);
  if (__filename.endsWith('.js') && fs.existsSync(here)) return here;
  const built = path.join(PROJECT_ROOT, 'dist', entry);
  if (!fs.existsSync(built)) throw new SweepError(`worker threads need the built library (${built} is missing): run \`npm run build\`, or use workers: 0 to run in this thread`);
  return built;
}

/** A pool of workers that each take one task (a batch of runs) at a time. */
export interface TaskPool<Task, Result> {
  run(task: Task): Promise<Result>;
  destroy(): Promise<void>;
}

export type BatchPool = TaskPool<RunSpec[], BatchOutput>;

/** A pool of exactly `threads` workers running `entry`, each holding `context` (its workerData). */
export function createTaskPool<Task, Result>(threads: number, context: unknown, entry: string): TaskPool<Task, Result> {
  const pool = new Piscina({
    filename: workerFile(entry),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 5_000,
    workerData: context,
    // Workers run plain compiled JavaScript: no ts-node or test-runner flags from the parent.
    execArgv: [],
  });
  return {
    run: (task) => pool.run(task) as Promise<Result>,
    destroy: () => pool.destroy(),
  };
}

/** A pool of exactly `threads` sweep workers holding the sweep's context. */
export function createPool(threads: number, context: SweepContext): BatchPool {
  return createTaskPool<RunSpec[], BatchOutput>(threads, context, SWEEP_WORKER);
}
