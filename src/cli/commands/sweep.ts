import type { Command } from 'commander';
import { SweepError } from '../../experiments/errors';
import { parseGridOption } from '../../experiments/grid';
import { parseRangeOption, parseSampleOption } from '../../experiments/lhs';
import type { ParamValue } from '../../experiments/params';
import type { SweepOptions } from '../../experiments/plan';
import { consoleProgress } from '../../experiments/progress';
import { runSweep, type RunnerOptions, type SweepResult } from '../../experiments/sweep';
import { collect, UsageError, wholeNumber } from '../errors';

/** The options as commander hands them over (strings still to be parsed where repeatable). */
export interface SweepCliOptions {
  grid: string[];
  range: string[];
  sample?: string;
  design?: string;
  seeds: number;
  days?: number;
  set: string[];
  seed?: number;
  workers?: number;
  shard?: string;
  resume?: boolean;
  daily: boolean;
  quiet?: boolean;
  out: string;
}

/** Turns command-line options into runSweep's options (throws SweepError on a malformed one). */
export function sweepOptionsFromCli(scenario: string, o: SweepCliOptions): SweepOptions & RunnerOptions {
  const grid: Record<string, ParamValue[]> = {};
  for (const text of o.grid) {
    const { path, values } = parseGridOption(text);
    if (path in grid) throw new SweepError(`--grid ${path}: given twice; list all its values in one --grid`);
    grid[path] = values;
  }
  const ranges: Record<string, [number, number]> = {};
  for (const text of o.range) {
    const { path, lo, hi } = parseRangeOption(text);
    if (path in ranges) throw new SweepError(`--range ${path}: given twice`);
    ranges[path] = [lo, hi];
  }
  return {
    scenario,
    grid: o.grid.length ? grid : undefined,
    ranges: o.range.length ? ranges : undefined,
    sample: o.sample !== undefined ? parseSampleOption(o.sample) : undefined,
    design: o.design,
    seeds: o.seeds,
    days: o.days,
    set: o.set,
    masterSeed: o.seed,
    shard: o.shard,
    daily: o.daily,
    workers: o.workers,
    resume: o.resume,
    out: o.out,
    command: ['prover-sim', ...process.argv.slice(2)].join(' '),
  };
}

/** Runs `prover-sim sweep`; returns the result (the lines it prints go to `log`). */
export async function sweepCommand(scenario: string, o: SweepCliOptions, log: (line: string) => void = console.log): Promise<SweepResult> {
  const progress = o.quiet ? undefined : consoleProgress();
  let result: SweepResult;
  try {
    result = await runSweep(sweepOptionsFromCli(scenario, o), { onProgress: progress?.listener });
  } catch (err) {
    if (err instanceof SweepError) throw new UsageError(err.message);
    throw err;
  } finally {
    progress?.stop();
  }
  const m = result.manifest;
  const session = m.sessions[m.sessions.length - 1];
  const what = m.shard.count > 1 ? `shard ${m.shard.index}/${m.shard.count}: ${m.shardRuns} of ${m.totalRuns} runs` : `${m.totalRuns} runs`;
  const resumed = result.ranRuns < m.shardRuns ? ` (${result.ranRuns} this time, the rest before)` : '';
  log(`sweep: ${what} (${m.pointCount} points x ${m.seeds} seeds) of ${m.scenarioRef}${resumed} in ${((session.durationMs ?? 0) / 1000).toFixed(1)} s, ${session.runsPerSecond ?? 0} runs/s, ${session.workers} worker thread(s)`);
  log(`  wrote ${result.files.join(', ')} to ${result.outDir}`);
  if (m.shard.count > 1) log(`  when every shard is done: prover-sim merge <the ${m.shard.count} shard folders> --out <folder>`);
  return result;
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('run a scenario over parameter points and seeds in parallel; write daily.csv, runs.csv, points.csv, tornado.csv and manifest.json')
    .argument('<scenario>', 'a preset name (see `prover-sim scenarios`) or a path to a scenario JSON file')
    .option('--grid <path=v1,v2,...>', 'sweep a parameter over values; several --grid run every combination (repeatable)', collect, [])
    .option('--range <path=lo:hi>', 'a parameter range to sample with --sample (repeatable; whole-number fields draw whole numbers)', collect, [])
    .option('--sample <lhs:N>', 'draw N points from the --range options by Latin hypercube (seeded by --seed)')
    .option('--design <file.csv>', 'one parameter point per row; the header names the parameters by dotted path')
    .option('--seeds <K>', 'replicates per point (seeds derived from --seed and the replicate)', wholeNumber('--seeds', 1, 10_000_000), 1)
    .option('--days <n>', 'days to simulate (default: the scenario\'s days)', wholeNumber('--days', 1, 36500))
    .option('--set <path=value>', 'override a base parameter by dotted path (repeatable)', collect, [])
    .option('--seed <M>', 'master seed (default: the scenario\'s seed)', wholeNumber('--seed', 0, 4294967295))
    .option('--workers <W>', 'worker threads (default: one per core; 0 runs in the main thread)', wholeNumber('--workers', 0, 1024))
    .option('--shard <i/N>', 'run only shard i of N (0 <= i < N), to spread a sweep over machines; combine with `prover-sim merge`')
    .option('--resume', 'finish the sweep already in --out (runs done are kept, none is repeated)')
    .option('--no-daily', 'write runs.csv only, no per-day rows (much smaller output)')
    .option('--quiet', 'no progress bar or progress lines')
    .requiredOption('--out <dir>', 'output folder')
    .action(async (scenario: string, opts: SweepCliOptions) => {
      await sweepCommand(scenario, opts);
    });
}
