/**
 * Entry of a sweep's worker threads: piscina loads it, compiled, when a thread starts (so the model
 * is loaded before the first batch): dist/bundle/worker.js under the bundled CLI, else
 * dist/experiments/worker.js. Each task is a batch of runs with
 * its sweep's context; a thread keeps its executor while batches of the same sweep keep coming.
 * The rows go back as bytes whose memory is handed over to the main thread, not copied.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { BatchExecutor, type BatchOutput, type RunSpec, type SweepContext } from './execute';
import type { WorkerMessage } from './pool';

let executor: BatchExecutor | undefined;
let contextId = -1;

/** Runs one batch; the main thread writes the rows in run order. */
export default function runBatch(message: WorkerMessage<SweepContext, RunSpec[]>): BatchOutput {
  if (!executor || message.contextId !== contextId) {
    executor = new BatchExecutor(message.context);
    contextId = message.contextId;
  }
  const output = executor.run(message.task);
  return move({ [transferableSymbol]: [output.dailyCsv.buffer, output.runsCsv.buffer], [valueSymbol]: output }) as unknown as BatchOutput;
}
