/**
 * The worker threads of sweeps (piscina). Threads start once per process and stay warm: the pool is
 * kept between sweeps (a notebook's, a report's or a benchmark's sweeps reuse loaded, optimised
 * code), and idle threads do not keep the process alive. Each batch carries its sweep's context
 * (a few kilobytes, against tens of milliseconds of work), so any thread can run any sweep's batch.
 *
 * Workers always load the compiled worker, even when this module runs from TypeScript source
 * (ts-node, tslab notebooks): a worker thread cannot load TypeScript, and this way notebooks and the
 * CLI run the very same code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Piscina } from 'piscina';
import { PROJECT_ROOT } from '../io/paths';
import { SweepError } from './errors';
import type { BatchOutput, RunSpec, SweepContext } from './execute';

/** Path of the compiled worker entry. */
export function workerFile(): string {
  const here = path.join(__dirname, 'worker.js');
  if (__filename.endsWith('.js') && fs.existsSync(here)) return here;
  const built = path.join(PROJECT_ROOT, 'dist', 'experiments', 'worker.js');
  if (!fs.existsSync(built)) throw new SweepError(`worker threads need the built library (${built} is missing): run \`npm run build\`, or use workers: 0 to run in this thread`);
  return built;
}

export interface BatchPool {
  run(specs: RunSpec[]): Promise<BatchOutput>;
}

let warm: { threads: number; pool: Piscina } | undefined;
let contexts = 0;

/** The warm pool of exactly `threads` threads (a pool of another size is closed first). */
async function threadPool(threads: number): Promise<Piscina> {
  if (warm && warm.threads !== threads) await closeWorkers();
  if (!warm) {
    const pool = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      // Workers run plain compiled JavaScript: no ts-node or test-runner flags from the parent.
      execArgv: [],
    });
    warm = { threads, pool };
  }
  return warm.pool;
}

/** `threads` warm worker threads running batches of the sweep with `context`. */
export async function createPool(threads: number, context: SweepContext): Promise<BatchPool> {
  const pool = await threadPool(threads);
  const contextId = ++contexts;
  return { run: (specs) => pool.run({ contextId, context, specs }) as Promise<BatchOutput> };
}

/** Stops the worker threads (they are otherwise kept for the next sweep). */
export async function closeWorkers(): Promise<void> {
  const closing = warm;
  warm = undefined;
  await closing?.pool.destroy();
}
