/**
 * `npm run bench`: how fast the model runs. Times one full race-reference run (BENCHMARK.md: 10 years,
 * 1,000 potential provers) and the default scenario, cold (first run in a fresh process, as a notebook
 * re-run after a kernel restart) and warm (median of repeated runs), plus peak memory. Then the sweep
 * benchmark (runs per second with 1 and 2 workers, memory of a 10,000-run sweep) when it is built, and
 * the estimated time of `prover-sim robustness permissionless-race --seeds 10`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadScenario } from '../src/io/scenarios';
import { simulate } from '../src/model/simulate';

const REPEATS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bench(name: string): { name: string; coldMs: number; warmMs: number; days: number; provers: number } {
  const { scenario } = loadScenario(name);
  let t = performance.now();
  simulate(scenario, { seed: 1 });
  const coldMs = performance.now() - t;
  const times: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    t = performance.now();
    simulate(scenario, { seed: 100 + k });
    times.push(performance.now() - t);
  }
  const provers = scenario.provers.classes.reduce((n, c) => n + c.count, 0);
  return { name, coldMs, warmMs: median(times), days: scenario.days, provers };
}

const rows = [bench('race-reference'), bench('permissionless-race'), bench('centralized-with-backup')];
console.log('Single runs (this machine, one core):');
console.log('scenario                 days  provers   first run   warm median');
for (const r of rows) {
  console.log(`${r.name.padEnd(24)} ${String(r.days).padStart(5)} ${String(r.provers).padStart(8)} ${r.coldMs.toFixed(0).padStart(8)} ms ${r.warmMs.toFixed(0).padStart(10)} ms`);
}
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`peak memory (max RSS of this process): ${rssMb.toFixed(0)} MB`);
console.log('reference: a hand-written native race-reference takes about 50 ms on this 2-core machine (BENCHMARK.md / issue 2)');

const sweepBench = path.join(__dirname, 'bench-sweep.ts');
if (fs.existsSync(sweepBench)) {
  console.log('\nSweeps:');
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', sweepBench], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}

console.log('\nRobustness:');
const robust = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-robustness.ts')], { stdio: 'inherit' });
if (robust.status !== 0) process.exitCode = robust.status ?? 1;
