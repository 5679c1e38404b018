/**
 * Entry of the robustness worker threads (piscina loads the compiled dist/robustness/worker.js): the
 * plan's scenarios arrive once as workerData; each task is a batch of runs.
 */
import { workerData } from 'worker_threads';
import type { ComparisonSummary } from '../compare/compare';
import { runRobustnessTask, type RobustnessContext, type RobustnessTask } from './execute';

const context = workerData as RobustnessContext;

export default function runBatch(task: RobustnessTask): ComparisonSummary[] {
  return runRobustnessTask(context, task);
}
