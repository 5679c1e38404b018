/**
 * Runs a list of a sweep's runs in batches, in worker threads or in this thread, and hands each
 * batch's rows to the sink in run order. Batches finish in any order; holding the few that finish
 * early until their predecessors are written keeps the files in run order (so resume and merge are
 * simple) while memory stays bounded by the batches in flight. runTasks, the general form, also
 * runs the batches of robustness runs.
 */
import { BatchExecutor, type BatchOutput, type RunSpec, type SweepContext } from './execute';
import { closeWorkers, createPool, type TaskPool } from './pool';

/**
 * Days of simulation per batch at most: enough work (about 0.05-0.1 s) that messaging costs little
 * (a batch's rows cross threads as a transferred buffer, without copying), small enough that the
 * sweep's progress moves smoothly.
 */
const RUN_DAYS_PER_BATCH = 1000;
/** Batches per worker at least, so that workers finish together rather than one waiting on the last. */
const MIN_BATCHES_PER_WORKER = 8;
/**
 * Guided sizes: a batch takes at most 1/(workers x this) of the runs not yet handed out, so batches
 * shrink towards the end (down to one run) and both cores stay busy until the last run.
 */
const GUIDED_SHARE = 4;
/** Batches in flight per worker: one running, the next queued, and one being written. */
const IN_FLIGHT_PER_WORKER = 3;
/** In this thread, yield to the event loop this often so that progress displays can repaint. */
const YIELD_EVERY_MS = 100;

/** Runs per batch at most, for `runs` runs of at most `days` days on `workers` workers. */
export function batchSize(runs: number, days: number, workers: number): number {
  const byWork = Math.max(1, Math.floor(RUN_DAYS_PER_BATCH / days));
  const byBalance = Math.max(1, Math.ceil(runs / (Math.max(1, workers) * MIN_BATCHES_PER_WORKER)));
  return Math.min(byWork, byBalance);
}

export interface RunBatchesOptions {
  /** Worker threads; 0 runs everything in this thread. */
  workers: number;
  runsPerBatch: number;
  /** Called with each batch's rows, in run order. */
  write(batch: BatchOutput): void;
}

/** Runs `runs` (indices, in order); `spec` gives each run's spec. */
export async function runBatches(context: SweepContext, runs: readonly number[], spec: (run: number) => RunSpec, opts: RunBatchesOptions): Promise<void> {
  await runTasks(guidedBatches(runs, opts.runsPerBatch, Math.max(1, opts.workers), spec), {
    workers: opts.workers,
    inThread: () => {
      const executor = new BatchExecutor(context);
      return (batch) => executor.run(batch);
    },
    pool: () => createPool(opts.workers, context),
    write: opts.write,
  });
}

/** Consecutive batches of `runs`: at most `most` runs each, shrinking towards the end (see GUIDED_SHARE). */
export function* guidedBatches(runs: readonly number[], most: number, workers: number, spec: (run: number) => RunSpec): Generator<RunSpec[]> {
  for (let i = 0; i < runs.length; ) {
    const size = Math.max(1, Math.min(most, Math.ceil((runs.length - i) / (workers * GUIDED_SHARE))));
    yield runs.slice(i, i + size).map(spec);
    i += size;
  }
}

/** How to run a list of tasks: in `workers` threads of a pool, or in this thread (workers 0). */
export interface RunTasksOptions<Task, Result> {
  workers: number;
  /** The in-thread executor of one task (made once, when workers is 0). */
  inThread(): (task: Task) => Result;
  /** The warm worker pool (asked once, when workers is above 0). */
  pool(): Promise<TaskPool<Task, Result>>;
  /** Called with each task's result, in task order. */
  write(result: Result): void;
}

/**
 * Runs tasks in worker threads or in this thread and hands their results to `write` in task order,
 * so what is written never depends on the number of workers.
 */
export async function runTasks<Task, Result>(tasks: Iterable<Task>, opts: RunTasksOptions<Task, Result>): Promise<void> {
  if (opts.workers === 0) return runInThread(tasks, opts.inThread(), opts.write);
  const pool = await opts.pool();
  try {
    await runOrdered(tasks, (t) => pool.run(t), opts.workers * IN_FLIGHT_PER_WORKER, opts.write);
  } catch (err) {
    // Tasks of a failed job still running would delay the next one: stop the threads.
    await closeWorkers();
    throw err;
  }
}

async function runInThread<Task, Result>(tasks: Iterable<Task>, exec: (task: Task) => Result, write: (r: Result) => void): Promise<void> {
  let lastYield = performance.now();
  for (const task of tasks) {
    write(exec(task));
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
}

/**
 * Keeps up to `inFlight` tasks submitted but not yet written (running, or finished early and waiting
 * for a predecessor) and passes results to `write` in submission order. Stops at the first failure
 * (results after it are dropped; those before it are written).
 */
export function runOrdered<T, R>(tasks: Iterable<T>, exec: (task: T) => Promise<R>, inFlight: number, write: (result: R) => void): Promise<void> {
  const iterator = tasks[Symbol.iterator]();
  const finished = new Map<number, R>();
  let submitted = 0;
  let written = 0;
  let exhausted = false;
  let failed = false;
  return new Promise<void>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (!failed) reject(err);
      failed = true;
    };
    const pump = () => {
      while (!failed && !exhausted && submitted - written < inFlight) {
        let next: IteratorResult<T>;
        try {
          next = iterator.next();
        } catch (err) {
          fail(err);
          return;
        }
        if (next.done) {
          exhausted = true;
          break;
        }
        const seq = submitted++;
        exec(next.value).then(
          (result) => {
            if (failed) return;
            finished.set(seq, result);
            try {
              while (finished.has(written)) {
                const r = finished.get(written)!;
                finished.delete(written);
                written++;
                write(r);
              }
            } catch (err) {
              fail(err);
              return;
            }
            pump();
          },
          (err) => fail(err),
        );
      }
      if (exhausted && written === submitted && !failed) resolve();
    };
    pump();
  });
}
