/**
 * The worker-thread pool of a sweep (piscina). Workers always load the compiled worker from dist/,
 * even when this module runs from TypeScript source (ts-node, tslab notebooks): a worker thread
 * cannot load TypeScript, and this way notebooks and the CLI run the very same code.
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
  destroy(): Promise<void>;
}

/** A pool of exactly `threads` workers holding the sweep's context. */
export function createPool(threads: number, context: SweepContext): BatchPool {
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 5_000,
    workerData: context,
    // Workers run plain compiled JavaScript: no ts-node or test-runner flags from the parent.
    execArgv: [],
  });
  return {
    run: (specs) => pool.run(specs) as Promise<BatchOutput>,
    destroy: () => pool.destroy(),
  };
}
