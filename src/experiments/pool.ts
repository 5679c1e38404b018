/**
 * Worker-thread pools (piscina) for sweeps and robustness runs. Threads start once per process and
 * entry file and stay warm: a pool is kept between runs of the same kind (a notebook's, a report's or
 * a benchmark's sweeps reuse loaded, optimised code), and idle threads do not keep the process alive.
 * Each task carries its job's context (a few kilobytes, against tens of milliseconds of work), so any
 * thread can run any job's task; a worker keeps what it built from a context while tasks of the same
 * job keep coming.
 *
 * Workers always load compiled workers, even when this module runs from TypeScript source (ts-node,
 * tslab notebooks): a worker thread cannot load TypeScript, and this way notebooks and the CLI run
 * the very same code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Piscina } from 'piscina';
import { PROJECT_ROOT } from '../io/paths';
import { SweepError } from './errors';
import type { BatchOutput, RunSpec, SweepContext } from './execute';

/** The sweep's worker entry, relative to dist/ (and to src/ for the TypeScript source). */
export const SWEEP_WORKER = 'experiments/worker.js';

/** What a worker receives: its job's context (named by contextId) and one task. */
export interface WorkerMessage<Context, Task> {
  /** Distinguishes jobs run one after the other by the same threads. */
  contextId: number;
  context: Context;
  task: Task;
}

/** Path of a compiled worker entry, given relative to dist/ (default: the sweep's worker). */
export function workerFile(entry: string = SWEEP_WORKER): string {
  // The bundled CLI (dist/bundle) ships its own bundled sweep worker beside it.
  const bundled = path.join(__dirname, path.basename(entry));
  if (__filename.endsWith('.js') && path.basename(__dirname) === 'bundle' && entry === SWEEP_WORKER && fs.existsSync(bundled)) return bundled;
  // Running compiled code: the entry sits beside this module's folder in the same dist/.
  const here = path.resolve(__dirname, '..', entry);
  if (__filename.endsWith('.js') && fs.existsSync(here)) return here;
  const built = path.join(PROJECT_ROOT, 'dist', entry);
  if (!fs.existsSync(built)) throw new SweepError(`worker threads need the built library (${built} is missing): run \`npm run build\`, or use workers: 0 to run in this thread`);
  return built;
}

/** Worker threads that each take one task at a time. */
export interface TaskPool<Task, Result> {
  run(task: Task): Promise<Result>;
}

export type BatchPool = TaskPool<RunSpec[], BatchOutput>;

const warm = new Map<string, { threads: number; pool: Piscina }>();
let contexts = 0;

/** The warm pool of `entry` with exactly `threads` threads (a pool of another size is closed first). */
async function threadPool(entry: string, threads: number): Promise<Piscina> {
  const open = warm.get(entry);
  if (open && open.threads === threads) return open.pool;
  if (open) {
    warm.delete(entry);
    await open.pool.destroy();
  }
  const pool = new Piscina({
    filename: workerFile(entry),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    // Workers run plain compiled JavaScript: no ts-node or test-runner flags from the parent.
    execArgv: [],
  });
  warm.set(entry, { threads, pool });
  return pool;
}

/** `threads` warm worker threads of `entry` running tasks of one job with `context`. */
export async function createTaskPool<Context, Task, Result>(threads: number, context: Context, entry: string): Promise<TaskPool<Task, Result>> {
  const pool = await threadPool(entry, threads);
  const contextId = ++contexts;
  return { run: (task) => pool.run({ contextId, context, task } satisfies WorkerMessage<Context, Task>) as Promise<Result> };
}

/** `threads` warm sweep workers running batches of the sweep with `context`. */
export function createPool(threads: number, context: SweepContext): Promise<BatchPool> {
  return createTaskPool<SweepContext, RunSpec[], BatchOutput>(threads, context, SWEEP_WORKER);
}

/** Stops every worker thread (they are otherwise kept for the next job). */
export async function closeWorkers(): Promise<void> {
  const closing = [...warm.values()];
  warm.clear();
  await Promise.all(closing.map((w) => w.pool.destroy()));
}
