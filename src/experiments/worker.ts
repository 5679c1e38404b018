/**
 * Entry of a sweep's worker threads (piscina loads the compiled dist/experiments/worker.js). The
 * sweep's shared context arrives once as workerData; each task is a batch of runs.
 */
import { workerData } from 'worker_threads';
import { BatchExecutor, type BatchOutput, type RunSpec, type SweepContext } from './execute';

const executor = new BatchExecutor(workerData as SweepContext);

/** Runs one batch; piscina sends the rows back to the main thread, which writes them in order. */
export default function runBatch(specs: RunSpec[]): BatchOutput {
  return executor.run(specs);
}
