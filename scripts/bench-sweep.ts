/**
 * Sweep benchmark: runs per second with 1 and 2 worker threads on a short scenario, and memory
 * (RSS, which counts worker threads too) along a 10,000-run sweep, to show it does not grow with the
 * number of runs. Uses the built library (dist/), as the CLI and notebooks do.
 *
 *   node -r ts-node/register/transpile-only scripts/bench-sweep.ts [--runs N] [--memory-runs N]
 *
 * Targets: 2 workers at least 1.85x one over a whole sweep; RSS flat in the run count. Other
 * processes on the machine distort both, so each throughput figure is the best of two alternating
 * rounds, and each figure carries the load average when it was taken.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { runSweep } = require('../dist/experiments') as typeof import('../src/experiments');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { closeWorkers } = require('../dist/experiments/pool') as typeof import('../src/experiments/pool');

const DAYS = 30;
const SCENARIO = 'permissionless-race';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A sweep of `runs` runs: 4 grid points x runs/4 seeds, `DAYS` days each. */
function options(runs: number, workers: number, out: string) {
  return { scenario: SCENARIO, days: DAYS, grid: { 'rewards.redistributionShare': [0, 0.1, 0.2, 0.3] }, seeds: Math.ceil(runs / 4), masterSeed: 1, workers, out };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const load = () => `load ${os.loadavg()[0].toFixed(2)}`;

/**
 * CPU time of the main thread alone (Linux: /proc; NaN elsewhere). What the main thread spends
 * (receiving, writing, progress) is taken from the workers when they use every core: its share of
 * the process's CPU is a figure that holds on a busy machine, where throughput does not.
 */
function mainThreadCpuMs(): number {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * Runs per second over the whole sweep (thread start-up and JIT warm-up included) and in steady
 * state (after the first 20% of runs): each worker warms up on its own, a fixed cost that weighs
 * more on the faster, 2-worker sweep and vanishes in long sweeps.
 */
async function throughput(runs: number, workers: number): Promise<{ overall: number; steady: number; mainShare: number }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-bench-'));
  try {
    let mark: { done: number; ms: number } | undefined;
    const main0 = mainThreadCpuMs();
    const all0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await runSweep(options(runs, workers, path.join(out, 's')), {
      onProgress: (p) => {
        if (!mark && p.done >= 0.2 * p.total) mark = { done: p.done, ms: performance.now() };
      },
    });
    const t1 = performance.now();
    const all = process.cpuUsage(all0);
    const mainShare = (mainThreadCpuMs() - main0) / ((all.user + all.system) / 1000);
    return { overall: (r.ranRuns * 1000) / (t1 - t0), steady: ((r.ranRuns - mark!.done) * 1000) / (t1 - mark!.ms), mainShare };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function memory(runs: number, workers: number): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-bench-'));
  const marks = [0.1, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * runs));
  const seen: string[] = [];
  try {
    const t0 = performance.now();
    const r = await runSweep(options(runs, workers, path.join(out, 's')), {
      onProgress: (p) => {
        while (marks.length && p.done >= marks[0]) {
          seen.push(`${String(marks.shift()).padStart(6)} runs: RSS ${mib(process.memoryUsage().rss)}`);
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const dailyBytes = fs.statSync(path.join(r.outDir, 'daily.csv')).size;
    console.log(`memory: ${r.ranRuns} runs of ${DAYS} days with ${workers} workers in ${seconds.toFixed(1)} s (daily.csv ${mib(dailyBytes)})   ${load()}`);
    for (const line of seen) console.log(`  ${line}`);
    console.log(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} (the whole process: main thread and workers)`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const runs = arg('--runs', 4000);
  const memoryRuns = arg('--memory-runs', 10_000);
  console.log(`sweep benchmark: ${SCENARIO}, ${DAYS} days per run, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)}`);
  const best: Record<number, { overall: number; steady: number }> = { 1: { overall: 0, steady: 0 }, 2: { overall: 0, steady: 0 } };
  const loads: string[] = [];
  const mainShares: number[] = [];
  for (const workers of [1, 2, 1, 2]) {
    const t = await throughput(runs, workers);
    best[workers] = { overall: Math.max(best[workers].overall, t.overall), steady: Math.max(best[workers].steady, t.steady) };
    loads.push(os.loadavg()[0].toFixed(2));
    if (workers === 2) mainShares.push(t.mainShare);
  }
  for (const kind of ['overall', 'steady'] as const) {
    const [one, two] = [best[1][kind], best[2][kind]];
    const what = kind === 'overall' ? 'whole sweep, thread start-up included' : 'steady state, after 20% of runs';
    console.log(`throughput (${runs} runs, ${what}, best of 2): 1 worker ${one.toFixed(0)} runs/s, 2 workers ${two.toFixed(0)} runs/s, speed-up ${(two / one).toFixed(2)}x (target >= 1.85x)   load ${loads.join(', ')}`);
  }
  console.log(`main thread's share of the CPU of a 2-worker sweep: ${mainShares.map((x) => `${(100 * x).toFixed(1)}%`).join(', ')} (what it takes from the workers)`);
  await memory(memoryRuns, 2);
  await closeWorkers();
  console.log(`${load()} after`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
