/**
 * runSweep: the whole of a sweep (plan, output folder, workers, streaming rows, resume, summaries,
 * manifest), used by `prover-sim sweep` and by notebooks alike.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { environmentInfo } from '../io/manifest';
import { SweepError } from './errors';
import { DAILY_FILE, MANIFEST_FILE, POINTS_FILE, RUNS_FILE, sweepFiles } from './layout';
import { describeShard, fingerprint, fingerprintDifference, newManifest, readManifest, writeManifest, type SweepManifest } from './manifest';
import { planSweep, runSpec, sweepContext, type SweepOptions, type SweepPlan } from './plan';
import { writeSummaries } from './point-summaries';
import { ProgressClock, type ProgressListener } from './progress';
import { batchSize, runBatches } from './runner';
import { shardLabel } from './shard';
import { ResultSink } from './sink';
import { readTable, type TableRow } from './tables';
import type { TornadoRow } from './tornado';

/** How to run a sweep (none of it changes the results). */
export interface RunnerOptions {
  /** Output folder. Default: a new folder under the system's temporary directory. */
  out?: string;
  /** Worker threads. Default: one per core. 0 runs in this thread (a single run always does). */
  workers?: number;
  /** Finish the sweep already in `out` (or start it when `out` holds none). */
  resume?: boolean;
  /** The command line, for the manifest. */
  command?: string;
}

export interface SweepHooks {
  /** Called after each batch of runs is written (plug a notebook's progress line in here). */
  onProgress?: ProgressListener;
}

export interface SweepResult {
  outDir: string;
  manifest: SweepManifest;
  /** Runs this call ran (fewer than the sweep's when resuming). */
  ranRuns: number;
  /** Files of the folder. */
  files: string[];
  /** Per-point statistics as in points.csv (whole sweeps only: a shard's come from `merge`). */
  points?: TableRow[];
  /** The one-at-a-time sensitivity table as in tornado.csv (whole sweeps only). */
  tornado?: TornadoRow[];
}

export async function runSweep(options: SweepOptions & RunnerOptions, hooks: SweepHooks = {}): Promise<SweepResult> {
  const plan = planSweep(options);
  const workers = options.workers ?? os.availableParallelism();
  if (!Number.isInteger(workers) || workers < 0 || workers > 1024) throw new SweepError(`--workers ${workers}: expected a whole number from 0 (this thread) to 1024`);
  const resume = options.resume ?? false;
  const outDir = options.out ? path.resolve(options.out) : undefined;
  const existing = outDir ? checkOutDir(outDir, plan, resume) : undefined;
  // Everything is validated: from here on we write.
  const dir = outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-sweep-'));
  fs.mkdirSync(dir, { recursive: true });
  const files = sweepFiles(plan);
  const manifest = existing ?? newManifest(plan, files);
  // The manifest comes first: a folder with result files but no manifest is never left behind.
  if (!existing) writeManifest(dir, manifest);
  const { sink, done, doneCount } = ResultSink.open(dir, plan, resume && existing !== undefined);

  const pending: number[] = [];
  for (let run = plan.shard.index; run < plan.totalRuns; run += plan.shard.count) if (!done[run]) pending.push(run);
  const threads = pending.length <= 1 ? 0 : workers;
  const runsPerBatch = batchSize(pending.length, plan.maxDays, threads);
  const startedAt = new Date();
  const session = {
    startedAt: startedAt.toISOString(),
    runs: 0,
    workers: threads,
    runsPerTask: runsPerBatch,
    command: options.command ?? '(runSweep)',
    environment: environmentInfo(),
  };
  manifest.status = 'running';
  manifest.sessions.push(session);
  writeManifest(dir, manifest);

  const clock = new ProgressClock(doneCount, manifest.shardRuns);
  try {
    await runBatches(sweepContext(plan), pending, (run) => runSpec(plan, run), {
      workers: threads,
      runsPerBatch,
      write: (batch) => {
        sink.write(batch);
        session.runs += batch.runs;
        hooks.onProgress?.(clock.add(batch.runs));
      },
    });
  } finally {
    sink.close();
  }
  if (pending.length === 0) hooks.onProgress?.(clock.now());

  const result: SweepResult = { outDir: dir, manifest, ranRuns: session.runs, files };
  if (plan.shard.count === 1) {
    result.tornado = writeSummaries(dir, { design: plan.design, classIds: plan.classIds });
    result.points = readTable(path.join(dir, POINTS_FILE));
  }
  const durationMs = Date.now() - startedAt.getTime();
  Object.assign(session, { finishedAt: new Date().toISOString(), durationMs, runsPerSecond: durationMs > 0 ? Math.round((session.runs * 1000 * 10) / durationMs) / 10 : 0 });
  manifest.status = 'complete';
  writeManifest(dir, manifest);
  return result;
}

/**
 * Checks the output folder before anything is written: a folder holding a sweep needs --resume, and
 * resuming needs the same sweep. Returns the manifest of the sweep to resume, if any.
 */
function checkOutDir(dir: string, plan: SweepPlan, resume: boolean): SweepManifest | undefined {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new SweepError(`--out ${dir}: is a file, not a folder`);
  const manifest = fs.existsSync(dir) ? readManifest(dir) : undefined;
  if (!manifest) {
    const stray = [RUNS_FILE, DAILY_FILE].filter((f) => fs.existsSync(path.join(dir, f)));
    if (stray.length) throw new SweepError(`--out ${dir}: holds ${stray.join(' and ')} but no ${MANIFEST_FILE}; choose another --out`);
    return undefined;
  }
  if (!resume) throw new SweepError(`--out ${dir}: already holds ${describeShard(manifest)} (${manifest.status}); pass --resume to finish it, or choose another --out`);
  const differs = fingerprintDifference(manifest.fingerprint, fingerprint(plan));
  if (differs) throw new SweepError(`--resume: ${dir} holds a different sweep (${differs} differ); use the same options, or another --out`);
  if (manifest.shard.index !== plan.shard.index || manifest.shard.count !== plan.shard.count) {
    throw new SweepError(`--resume: ${dir} holds ${describeShard(manifest)}, not shard ${shardLabel(plan.shard)}`);
  }
  return manifest;
}
