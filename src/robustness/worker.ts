/**
 * Entry of the robustness worker threads (piscina loads the compiled dist/robustness/worker.js). Each
 * message carries the plan's scenarios (the context) and a batch of runs.
 */
import type { ComparisonSummary } from '../compare/compare';
import type { WorkerMessage } from '../experiments/pool';
import { runRobustnessTask, type RobustnessContext, type RobustnessTask } from './execute';

export default function runBatch(message: WorkerMessage<RobustnessContext, RobustnessTask>): ComparisonSummary[] {
  return runRobustnessTask(message.context, message.task);
}
