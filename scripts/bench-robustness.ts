/**
 * Part of `npm run bench`: what `prover-sim robustness permissionless-race --seeds 10` will cost.
 * Plans it (the shipped assumptions and claims; until the proving physics of issue 9 is on this
 * branch, the test fixture that mirrors them for today's model), times one baseline run of every
 * compared mechanism (CPU time), and estimates the whole run on 2 idle workers from the distinct runs per
 * mechanism.
 */
import * as path from 'path';
import { simulate } from '../src/model/simulate';
import { planRobustness, RobustnessError, type RobustnessPlan } from '../src/robustness';

const SEEDS = 10;
const WORKERS = 2;
const BUDGET_S = 600;

function plan(): { plan: RobustnessPlan; note: string } {
  try {
    return { plan: planRobustness({ scenario: 'permissionless-race', seeds: SEEDS }), note: 'data/robustness/assumptions.json' };
  } catch (err) {
    if (!(err instanceof RobustnessError)) throw err;
    const fixture = path.join(__dirname, '..', 'test', 'fixtures', 'robustness', 'current-model-assumptions.json');
    return { plan: planRobustness({ scenario: 'permissionless-race', seeds: SEEDS, assumptions: fixture }), note: `test/fixtures/robustness/current-model-assumptions.json (the shipped file does not load yet: ${err.message})` };
  }
}

const { plan: p, note } = plan();
let estimateS = 0;
console.log(`robustness permissionless-race --seeds ${SEEDS}: ${p.points.length} settings, ${p.scenarios.length} distinct scenarios, ${p.totalRuns} runs; assumptions from ${note}`);
console.log('mechanism      scenarios   one run (CPU s)');
p.mechanisms.forEach((name, m) => {
  const scenarios = new Set(p.cells.map((row) => row[m])).size;
  const baseline = p.scenarios[p.cells[0][m]];
  simulate(baseline, { seed: 1 });
  // CPU time, not wall time: on a shared machine wall time counts other jobs' turns too.
  const before = process.cpuUsage();
  simulate(baseline, { seed: 2 });
  const used = process.cpuUsage(before);
  const seconds = (used.user + used.system) / 1e6;
  estimateS += (scenarios * SEEDS * seconds) / WORKERS;
  console.log(`${name.padEnd(14)} ${String(scenarios).padStart(9)} ${seconds.toFixed(3).padStart(16)}`);
});
console.log(`estimate on ${WORKERS} idle workers: ${(estimateS / 60).toFixed(1)} min (budget ${BUDGET_S / 60} min; from CPU time, so worker start-up and a loaded machine add to it)`);
