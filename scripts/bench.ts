/**
 * `npm run bench`: every speed figure of the project, so that a regression is one command away.
 *
 * 1. Whole process, as a user waits for it: `node -e 0` (Node's own start-up), `prover-sim
 *    scenarios` against it, and `prover-sim run` of race-reference (10 years, 1,000 potential
 *    provers) and of the default scenario, with their peak RSS. Timed by hyperfine when it is
 *    installed (`apt-get install hyperfine`), else by this script's own loop (median wall time).
 * 2. In-process: one run of each scenario as the first of a fresh process (cold: a notebook re-run
 *    after a kernel restart) and warm (median of repeated runs).
 * 3. Output: writing race-reference's five files (CSV formatting included), first time and warm.
 * 4. Sweeps (scripts/bench-sweep.ts): 1 and 2 worker threads over a whole 4,000-run sweep, and RSS
 *    along a 10,000-run sweep.
 * 5. The estimated time of `prover-sim robustness permissionless-race --seeds 10`
 *    (scripts/bench-robustness.ts).
 *
 * The machine is shared: each figure carries the 1-minute load average when it was taken; trust
 * figures taken at a load well under the core count only. `--quick` takes fewer repeats.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const lib = require('../dist') as typeof import('../src');

const QUICK = process.argv.includes('--quick');
const REPEATS = QUICK ? 3 : 7;
const PROCESS_RUNS = QUICK ? 5 : 15;
const BIN = path.join(root, 'bin', 'prover-sim.js');
const DEFAULT_SCENARIO = 'permissionless-race';

const load = () => `load ${os.loadavg()[0].toFixed(2)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function hasHyperfine(): boolean {
  return spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
}

interface Timing {
  /** Median wall time, ms. */
  wallMs: number;
  /** Mean user + system CPU time, ms (hyperfine only): steadier than wall time on a busy machine. */
  cpuMs?: number;
}

/** Times each command (an argument list), run alternately after two warm-up runs. */
function timeCommands(commands: string[][], runs: number, cwd: string): Timing[] {
  if (hasHyperfine()) {
    const json = path.join(cwd, 'hyperfine.json');
    const quoted = commands.map((c) => c.join(' '));
    const r = spawnSync('hyperfine', ['-N', '--warmup', '2', '--runs', String(runs), '--export-json', json, ...quoted], { cwd, stdio: 'ignore' });
    if (r.status === 0) {
      const results = JSON.parse(fs.readFileSync(json, 'utf8')).results as Array<{ median: number; user: number; system: number }>;
      return results.map((x) => ({ wallMs: x.median * 1000, cpuMs: (x.user + x.system) * 1000 }));
    }
  }
  const times: number[][] = commands.map(() => []);
  for (let k = 0; k < runs + 2; k++) {
    commands.forEach((c, i) => {
      const t = performance.now();
      spawnSync(c[0], c.slice(1), { cwd, stdio: 'ignore' });
      if (k >= 2) times[i].push(performance.now() - t);
    });
  }
  return times.map((t) => ({ wallMs: median(t) }));
}

const timing = (t: Timing) => `${ms(t.wallMs)} (CPU ${t.cpuMs === undefined ? '-' : `${t.cpuMs.toFixed(0)} ms`})`;

/** Peak RSS (bytes) of one run of a node script, read by an --import hook at its exit. */
function peakRss(args: string[], cwd: string): number {
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))";
  const r = spawnSync(process.execPath, ['--import', hook, ...args], { cwd, encoding: 'utf8' });
  return Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN) * 1024;
}

function wholeProcess(work: string): void {
  console.log(`Whole process (median of ${PROCESS_RUNS} runs, wall time; ${hasHyperfine() ? 'hyperfine' : 'own timing loop: `apt-get install hyperfine` for hyperfine'}):`);
  const node = process.execPath;
  const startUp = [[node, '-e', '0'], [node, BIN, 'scenarios']];
  const [bare, scenarios] = timeCommands(startUp, PROCESS_RUNS * 2, work);
  const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? '-' : `${(a / b).toFixed(2)}x`);
  console.log(`  node -e 0                          ${timing(bare)}   ${load()}`);
  console.log(`  prover-sim scenarios               ${timing(scenarios)}   ${ratio(scenarios.wallMs, bare.wallMs)} node -e 0 (CPU ${ratio(scenarios.cpuMs, bare.cpuMs)}; target: within 2x)   ${load()}`);
  for (const scenario of ['race-reference', DEFAULT_SCENARIO]) {
    const args = [BIN, 'run', scenario, '--out', path.join(work, scenario)];
    const [t] = timeCommands([[node, ...args]], PROCESS_RUNS, work);
    console.log(`  prover-sim run ${scenario.padEnd(20)}${timing(t)}   peak RSS ${mib(peakRss(args, work))}   ${load()}`);
  }
}

function inProcess(): void {
  console.log('\nIn-process (simulate only; first run of this process, then the median of repeats):');
  console.log('  scenario                  days  provers   first run   warm median');
  for (const name of ['race-reference', DEFAULT_SCENARIO, 'centralized-with-backup']) {
    const { scenario } = lib.loadScenario(name);
    let t = performance.now();
    lib.simulate(scenario, { seed: 1 });
    const cold = performance.now() - t;
    const times: number[] = [];
    for (let k = 0; k < REPEATS; k++) {
      t = performance.now();
      lib.simulate(scenario, { seed: 100 + k });
      times.push(performance.now() - t);
    }
    const provers = scenario.provers.classes.reduce((n, c) => n + c.count, 0);
    console.log(`  ${name.padEnd(24)} ${String(scenario.days).padStart(5)} ${String(provers).padStart(8)} ${ms(cold)}  ${ms(median(times))}   ${load()}`);
  }
  console.log('  (a hand-written native race-reference takes about 50 ms on this 2-core machine)');
}

function output(work: string): void {
  const { scenario } = lib.loadScenario('race-reference');
  const result = lib.simulate(scenario, { seed: 1 });
  const prov = { scenarioRef: 'race-reference', command: 'bench', durationMs: 0 };
  const dir = path.join(work, 'output');
  const times: number[] = [];
  for (let k = 0; k <= REPEATS; k++) {
    const t = performance.now();
    lib.writeRunOutputs(dir, result, prov);
    times.push(performance.now() - t);
  }
  const bytes = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  console.log(`\nOutput (race-reference's five files, ${mib(bytes)}, CSV formatting included): first ${ms(times[0]).trim()}, warm median ${ms(median(times.slice(1))).trim()}   ${load()}`);
}

function main(): void {
  console.log(`prover-sim benchmark: node ${process.version}, ${os.availableParallelism()} cores, ${load()}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-bench-'));
  try {
    wholeProcess(work);
    inProcess();
    output(work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`peak RSS of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`);
  console.log('\nSweeps:');
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-sweep.ts'), ...(QUICK ? ['--runs', '1000', '--memory-runs', '2000'] : [])], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
  console.log('\nRobustness:');
  const robust = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-robustness.ts')], { stdio: 'inherit' });
  if (robust.status !== 0) process.exitCode = robust.status ?? 1;
}

main();
