/**
 * `prover-sim robustness`: plans (every value checked, unchanged mechanisms not rerun), claims whose
 * outcome the test derives (one holds everywhere, one flips with the fee), determinism over worker
 * counts, agreement with `compare`, claims.md, the README section, and one-line errors (exit 2,
 * nothing written) for bad claims, assumptions and mechanisms.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compareMechanisms } from '../src/compare';
import { parseScenario, type ScenarioInput } from '../src/model';
import {
  comparisonSection,
  loadAssumptions,
  loadClaims,
  planRobustness,
  runRobustness,
  updateReadmeSection,
  COMPARISON_END,
  COMPARISON_START,
  CLAIM_METRIC_NAMES,
  RobustnessError,
  type RobustnessResult,
} from '../src/robustness';
import { metricRow } from '../src/robustness/evaluate';
import { tmpDir } from './helpers/tmp';

const BIN = path.resolve(__dirname, '..', 'bin', 'prover-sim.js');
const FIXTURES = path.join(__dirname, 'fixtures', 'robustness');
const ASSUMPTIONS = path.join(FIXTURES, 'test-assumptions.json');
const CLAIMS = path.join(FIXTURES, 'test-claims.json');

/** A small world: the team's prover and ten open provers, 40 days, a constant $20 fee. */
const scenario: ScenarioInput = {
  name: 'robustness-test',
  days: 40,
  demand: { batchesPerDay: 48 },
  rewards: { feeUsdPerBatch: 20, redistributionShare: 0.2, treasuryShare: 0 },
  costs: { proofEfficiencyGainPerYear: 0 },
  behaviour: { entryProbabilityPerDay: 0.1, exitProbabilityPerDay: 0.2, upgradeProbabilityPerDay: 0 },
  provers: {
    classes: [
      { id: 'team', count: 1, activeAtStart: 1, outagesPerYear: 10, costModel: { model: 'perAttempt', speedMedianProofsPerHour: 4, attemptCostMedianUsd: 2 } },
      { id: 'open', count: 10, outagesPerYear: 10, costModel: { model: 'perAttempt', speedMedianProofsPerHour: 1, speedSigma: 0.5, attemptCostMedianUsd: 3, attemptCostSigma: 0.5 } },
    ],
  },
  mechanism: { kind: 'race' },
};

const options = { scenario, seeds: 3, assumptions: ASSUMPTIONS, claims: CLAIMS, mechanisms: ['race', 'centralized'] };

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, 'robustness', ...args], { encoding: 'utf8' });
}

/** Checks a refused command: exit 2, one line on stderr holding every `parts`, no output folder. */
function assertRefused(args: string[], out: string, ...parts: string[]): void {
  const r = cli([...args, '--out', out, '--quiet']);
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  for (const p of parts) assert.ok(lines[0].includes(p), `${lines[0]} should name ${p}`);
  assert.equal(fs.existsSync(out), false, 'nothing is written');
}

describe('robustness: the plan', () => {
  const plan = planRobustness(options);

  it('runs the baseline and each value that changes a scenario, once per distinct scenario', () => {
    const byId = Object.fromEntries(plan.assumptions.map((a) => [a.id, a]));
    // The vote delay is a field of the centralized mechanism only: the race keeps its baseline runs.
    assert.deepEqual(byId['vote-delay'].affects, ['centralized']);
    assert.deepEqual(byId.fee.affects, ['race', 'centralized']);
    for (const a of plan.assumptions) {
      for (const v of a.values) {
        if (v.baseline) assert.equal(v.point, 0, `${a.id} ${v.label}`);
        else assert.notEqual(v.point, 0, `${a.id} ${v.label}`);
      }
    }
    const race = plan.mechanisms.indexOf('race');
    for (const v of byId['vote-delay'].values) assert.equal(plan.cells[v.point][race], plan.cells[0][race]);
    // 1 baseline + 2 fee + 2 entry + 2 vote delay + 3 outage-rate settings; the vote delays add one
    // scenario each (centralized), the others two (race and centralized).
    assert.equal(plan.points.length, 1 + 2 + 2 + 2 + 3);
    assert.equal(plan.scenarios.length, 2 + 2 * 2 + 2 * 2 + 2 + 3 * 2);
    assert.equal(plan.totalRuns, plan.scenarios.length * 3);
    assert.deepEqual(plan.seeds, [1, 2, 3]);
  });

  it('puts the scenario\'s own value in its place when no listed value is the baseline', () => {
    const rate = plan.assumptions.find((a) => a.id === 'outage-rate')!;
    assert.deepEqual(rate.values.map((v) => [v.label, v.baseline]), [['0.5', false], ['1', true], ['2', false], ['none', false]]);
    const scaled = plan.scenarios[plan.cells[rate.values[2].point][0]];
    assert.deepEqual(scaled.provers.classes.map((c) => c.outagesPerYear), [20, 20]);
    const none = plan.scenarios[plan.cells[rate.values[3].point][0]];
    assert.deepEqual(none.provers.classes.map((c) => c.outagesPerYear), [0, 0]);
  });

  it('defaults to the mechanisms the claims compare, and leaves out claims whose mechanisms are not run', () => {
    assert.deepEqual(planRobustness({ ...options, mechanisms: undefined }).mechanisms, ['race', 'centralized']);
    const only = planRobustness({ ...options, mechanisms: ['centralized'] });
    assert.deepEqual(only.claims.map((c) => c.id), ['centralized-one-prover']);
    assert.deepEqual(only.skippedClaims.map((s) => s.id), ['race-pays-under-15', 'race-pays-as-centralized', 'race-pays-ratio']);
  });
});

describe('robustness: verdicts', () => {
  let inThread: RobustnessResult;
  it('runs in this thread', async () => {
    inThread = await runRobustness({ ...options, workers: 0 });
    assert.equal(inThread.summaries.length, inThread.plan.scenarios.length);
  });

  it('a claim that must hold holds at every value; one that must flip flips exactly where the fee crosses it', () => {
    const one = inThread.verdicts.find((v) => v.claim.id === 'centralized-one-prover')!;
    assert.equal(one.baseline.holds, true);
    assert.equal(one.baseline.median, 1);
    for (const a of one.assumptions) for (const x of a.values) assert.equal(x.outcome.holds, true, `${a.assumption.id} ${x.value.label}`);

    // The rollup pays the race the fee for every proven batch: the claim "< $15" fails at $20 and
    // $40 and holds at $5, and every other assumption leaves the fee, so the verdict, alone.
    const fee = inThread.verdicts.find((v) => v.claim.id === 'race-pays-under-15')!;
    assert.equal(fee.baseline.holds, false);
    assert.equal(fee.baseline.median, 20);
    const byFee = fee.assumptions.find((a) => a.assumption.id === 'fee')!;
    assert.deepEqual(byFee.values.map((x) => [x.value.value, x.outcome.holds, x.outcome.median]), [[5, true, 5], [20, false, 20], [40, false, 40]]);
    for (const a of fee.assumptions.filter((x) => x.assumption.id !== 'fee')) for (const x of a.values) assert.equal(x.outcome.holds, false);
    // The vote delay does not touch the race, which this claim reads alone.
    assert.equal(fee.assumptions.find((a) => a.assumption.id === 'vote-delay')!.applies, false);
  });

  it('a paired difference of equal payments is 0 on every seed, their ratio 1', () => {
    const diff = inThread.verdicts.find((v) => v.claim.id === 'race-pays-as-centralized')!;
    const ratio = inThread.verdicts.find((v) => v.claim.id === 'race-pays-ratio')!;
    assert.deepEqual([diff.baseline.median, diff.baseline.p5, diff.baseline.p95, diff.baseline.holds], [0, 0, 0, true]);
    assert.deepEqual([ratio.baseline.median, ratio.baseline.holds], [1, true]);
  });

  it('baseline runs are exactly those of `compare` on the same seeds (common random numbers)', () => {
    const c = compareMechanisms(parseScenario(scenario), { mechanisms: ['race', 'centralized'], seeds: 3 });
    c.mechanisms.forEach((m, j) => {
      assert.deepEqual(inThread.summaries[inThread.plan.cells[0][j]], m.runs.map(metricRow));
    });
  });

  it('writes the same claims.csv, runs.csv and claims.md with 1 and 2 worker threads as in this thread', async () => {
    const files = async (workers: number) => {
      const out = path.join(tmpDir('robustness-det'), 'out');
      await runRobustness({ ...options, workers, out });
      return ['claims.csv', 'runs.csv', 'claims.md'].map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
    };
    const [zero, one, two] = [await files(0), await files(1), await files(2)];
    assert.deepEqual(one, zero);
    assert.deepEqual(two, zero);
    const header = zero[0].split('\n')[0];
    assert.equal(header, 'claim,assumption,value,holds,metric,median,p5,p95');
    assert.ok(zero[1].split('\n')[0].endsWith(CLAIM_METRIC_NAMES.join(',')));
  });
});

describe('robustness: outputs', () => {
  let out: string;
  let md: string;
  it('writes claims.md, claims.csv, runs.csv and manifest.json', async () => {
    out = path.join(tmpDir('robustness-out'), 'rob');
    const r = await runRobustness({ ...options, out });
    assert.deepEqual(r.files?.map((f) => path.basename(f)).sort(), ['claims.csv', 'claims.md', 'manifest.json', 'runs.csv']);
    md = fs.readFileSync(path.join(out, 'claims.md'), 'utf8');
    const csv = fs.readFileSync(path.join(out, 'claims.csv'), 'utf8').trim().split('\n');
    // Per claim: a baseline row and one row per value of every assumption (the baseline's included).
    assert.equal(csv.length, 1 + 4 * (1 + 3 + 3 + 3 + 4));
    assert.ok(csv.includes('race-pays-under-15,fee,5,true,rollupCostPerBatchUsd,5,5,5'), csv.join('\n'));
    const runs = fs.readFileSync(path.join(out, 'runs.csv'), 'utf8').trim().split('\n');
    assert.equal(runs.length, 1 + r.plan.points.length * 2 * 3);
  });

  it('claims.md gives each claim\'s verdict at the baseline and where it flips, then the table', () => {
    assert.ok(md.startsWith('# Which conclusions survive their assumptions: robustness-test\n'));
    const lines = md.split('\n');
    const claimLines = lines.filter((l) => /^\d+\. /.test(l));
    assert.equal(claimLines.length, 4);
    const fee = claimLines.find((l) => l.includes('The race costs the rollup less than $15 a batch'))!;
    assert.ok(fee.startsWith('2. ✗ '), fee);
    assert.ok(fee.includes('Fails at the baseline: race\'s what the rollup pays per batch $20.00 [$20.00, $20.00], true on 0 of 3 seeds.'), fee);
    assert.ok(fee.includes('Flips with fee per batch: holds at 5 USD ($5.00), fails at 20-40 USD ($20.00 to $40.00).'), fee);
    const one = claimLines.find((l) => l.includes('Nakamoto coefficient of one'))!;
    assert.ok(one.includes('Holds over the whole tested range of every assumption.'), one);
    const table = lines.filter((l) => l.startsWith('| '));
    assert.equal(table.length, 2 + 4);
    assert.equal(table[0], '| claim | baseline | fee per batch | entry speed | emergency vote delay | outage rate |');
    assert.ok(table.includes('| race-pays-under-15 | ✗ $20.00 | ✓ (✗) ✗ | ✗ (✗) ✗ | · | ✗ (✗) ✗ ✗ |'), table.join('\n'));
    assert.ok(lines.includes('- outage rate: 0.5, (1), 2, none x. Range: assumption: a test range.'), md);
    assert.ok(md.includes('Reproduce: `prover-sim robustness \'(object)\' --seeds 3 --seed 1 --days 40 --mechanisms race,centralized --assumptions test/fixtures/robustness/test-assumptions.json --claims test/fixtures/robustness/test-claims.json`'), md);
  });

  it('the README section is rebuilt from the folder: the baseline table, then each claim with its range', () => {
    const section = comparisonSection(out);
    assert.ok(section.includes('| race |') && section.includes('| centralized |'));
    assert.ok(section.includes('Flips with fee per batch: holds at 5 USD'));
    const readme = `# Title\n\nbefore\n${COMPARISON_START}\nold text\n${COMPARISON_END}\nafter\n`;
    const updated = updateReadmeSection(readme, section);
    assert.ok(updated.startsWith('# Title\n\nbefore\n') && updated.endsWith(`${COMPARISON_END}\nafter\n`));
    assert.ok(!updated.includes('old text'));
    assert.equal(updateReadmeSection(updated, section), updated);
    assert.throws(() => updateReadmeSection('# no markers\n', section), RobustnessError);
    // The project README carries the markers the script fills.
    const projectReadme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    assert.ok(projectReadme.includes(COMPARISON_START) && projectReadme.includes(COMPARISON_END));
  });

  it('replaces an earlier robustness folder, and refuses a folder holding anything else', async () => {
    await runRobustness({ ...options, seeds: 1, out });
    assert.equal(fs.readFileSync(path.join(out, 'runs.csv'), 'utf8').trim().split('\n').length, 1 + 10 * 2);
    const other = tmpDir('robustness-other');
    fs.writeFileSync(path.join(other, 'notes.txt'), 'mine');
    await assert.rejects(runRobustness({ ...options, out: other }), /holds files but no manifest of a robustness run/);
    assert.deepEqual(fs.readdirSync(other), ['notes.txt']);
  });
});

describe('robustness: files of claims and assumptions', () => {
  it('the shipped claims are valid: known metrics and mechanisms, unique ids', () => {
    const { claims } = loadClaims();
    assert.ok(claims.length >= 10);
    assert.ok(claims.some((c) => c.id === 'two-step-more-independent-than-race' && c.metric === 'nakamoto30dLastYear' && c.left === 'two-step' && c.right === 'race'));
    // One line per claim, so that adding one is adding a line.
    const text = fs.readFileSync(path.join(__dirname, '..', 'data', 'robustness', 'claims.json'), 'utf8');
    for (const c of claims) assert.equal(text.split('\n').filter((l) => l.includes(`"id": "${c.id}"`)).length, 1);
  });

  it('the shipped assumptions name every required assumption, each with at least 3 values and a source', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'robustness', 'assumptions.json'), 'utf8')) as { assumptions: Array<{ id: string; values: unknown[]; range: Record<string, string> }> };
    const ids = raw.assumptions.map((a) => a.id);
    for (const id of ['proof-time-spread', 'fee-to-cost', 'l1-gas-price', 'outage-duration', 'outage-rate', 'asic-price', 'asic-date', 'entry-probability']) assert.ok(ids.includes(id), id);
    for (const a of raw.assumptions) {
      assert.ok(a.values.length >= 3, a.id);
      assert.ok((a.range.low && a.range.high) || a.range.assumption, a.id);
    }
    const spread = raw.assumptions.find((a) => a.id === 'proof-time-spread')!;
    assert.ok(JSON.stringify(spread.values).includes('"proving.latency.model":"exponential"'));
  });

  it('the shipped assumptions load, except for the proving physics of issue 9 not yet on this branch', () => {
    // When issue 9 lands (proving.* in the schema and data/calibration/proving.json with the new
    // outage figures), loading succeeds and this test is to be changed to require it.
    assert.throws(() => loadAssumptions(), (err: Error) => err instanceof RobustnessError && /"proof-time-spread": range\.low: calibration figure "proving\.latencySigmaLow" not found/.test(err.message));
    const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'robustness', 'assumptions.json'), 'utf8')) as { assumptions: Array<{ id: string }> };
    const pending = ['proof-time-spread', 'fee-to-cost', 'l1-gas-price', 'outage-duration', 'governance-delay'];
    const today = { ...raw, assumptions: raw.assumptions.filter((a) => !pending.includes(a.id)) };
    const file = writeJson(tmpDir('robustness-shipped'), 'assumptions.json', today);
    const plan = planRobustness({ scenario: 'permissionless-race', days: 5, seeds: 1, assumptions: file });
    assert.deepEqual(plan.assumptions.map((a) => a.id), ['outage-rate', 'asic-price', 'asic-date', 'entry-probability']);
  });

  it('the measurement fixture for today\'s model plans on the default scenario', () => {
    const plan = planRobustness({ scenario: 'permissionless-race', days: 5, seeds: 1, assumptions: path.join(FIXTURES, 'current-model-assumptions.json') });
    assert.equal(plan.assumptions.length, 9);
    assert.equal(plan.mechanisms.length, 8);
  });

  it('refuses, in one line naming the field: duplicate ids, a baseline outside the values, a range not spanned, unknown figures and reserved paths', () => {
    const base = JSON.parse(fs.readFileSync(ASSUMPTIONS, 'utf8')) as { assumptions: Array<Record<string, unknown>> };
    const dir = tmpDir('robustness-bad');
    const variant = (name: string, change: (a: Array<Record<string, unknown>>) => void) => {
      const copy = JSON.parse(JSON.stringify(base)) as typeof base;
      change(copy.assumptions);
      return writeJson(dir, name, copy);
    };
    const cases: Array<[string, (a: Array<Record<string, unknown>>) => void, RegExp]> = [
      ['dup', (a) => a.push({ ...a[0] }), /"fee": id given twice/],
      ['base', (a) => Object.assign(a[0], { baseline: 80 }), /"fee": baseline 80: must lie within the numeric values \(5 to 40\)/],
      ['span', (a) => Object.assign(a[0], { range: { low: 'outages.starknet2024Hours', high: 'outages.polygonZkevm2024Hours' }, values: [5, 10, 12], baseline: 10 }), /"fee": values: must span the documented range 4 \(outages.starknet2024Hours\) to 14/],
      ['figure', (a) => Object.assign(a[0], { set: [{ path: 'rewards.feeUsdPerBatch', times: ['costs.nothingHere'] }] }), /"fee": set\.0\.times: calibration figure "costs.nothingHere" not found/],
      ['reserved', (a) => Object.assign(a[0], { set: [{ path: 'days' }] }), /"fee": path days: cannot be an assumption/],
      ['few', (a) => Object.assign(a[0], { values: [5, 20] }), /"fee"\.values: needs at least 3 item/],
    ];
    for (const [name, change, expected] of cases) {
      assert.throws(() => loadAssumptions(variant(`${name}.json`, change)), (err: Error) => err instanceof RobustnessError && expected.test(err.message) && !err.message.includes('\n'), name);
    }
  });
});

describe('robustness: the command', () => {
  const dir = tmpDir('robustness-cli');
  const scenarioFile = writeJson(dir, 'scenario.json', scenario);

  it('runs with a progress line, prints each claim\'s verdict and writes the folder', () => {
    const out = path.join(dir, 'ok');
    const r = cli([scenarioFile, '--seeds', '2', '--assumptions', ASSUMPTIONS, '--claims', CLAIMS, '--workers', '2', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('fails  race-pays-under-15 (flips with fee per batch)'), r.stdout);
    assert.ok(r.stdout.includes('holds  centralized-one-prover'), r.stdout);
    assert.match(r.stderr, /^robustness: \d+\/\d+ runs \(100\.0%\)/m);
    for (const f of ['claims.md', 'claims.csv', 'runs.csv', 'manifest.json']) assert.ok(fs.existsSync(path.join(out, f)), f);
    const quiet = cli([scenarioFile, '--seeds', '1', '--assumptions', ASSUMPTIONS, '--claims', CLAIMS, '--quiet', '--out', out]);
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stderr, '');
  });

  it('an unknown claim metric: one line naming the field and the allowed metrics, exit 2, nothing written', () => {
    const claims = JSON.parse(fs.readFileSync(CLAIMS, 'utf8')) as { claims: Array<Record<string, unknown>> };
    claims.claims[1].metric = 'happiness';
    const file = writeJson(dir, 'bad-metric.json', claims);
    assertRefused([scenarioFile, '--assumptions', ASSUMPTIONS, '--claims', file], path.join(dir, 'no-1'), '"race-pays-under-15": metric "happiness"', 'nakamoto30dLastYear', 'rollupCostPerBatchUsd');
  });

  it('an unknown mechanism, in a claim or in --mechanisms: one line listing the allowed ones, exit 2, nothing written', () => {
    const claims = JSON.parse(fs.readFileSync(CLAIMS, 'utf8')) as { claims: Array<Record<string, unknown>> };
    claims.claims[2].right = 'lottery';
    const file = writeJson(dir, 'bad-mechanism.json', claims);
    assertRefused([scenarioFile, '--assumptions', ASSUMPTIONS, '--claims', file], path.join(dir, 'no-2'), '"race-pays-as-centralized": right "lottery": unknown mechanism', 'two-step, auction');
    assertRefused([scenarioFile, '--assumptions', ASSUMPTIONS, '--claims', CLAIMS, '--mechanisms', 'race,lottery'], path.join(dir, 'no-3'), '--mechanisms: unknown mechanism "lottery"', 'race-copier, centralized');
  });

  it('an assumption value outside its parameter\'s domain: one line naming the field, exit 2, nothing written', () => {
    const assumptions = JSON.parse(fs.readFileSync(ASSUMPTIONS, 'utf8')) as { assumptions: Array<Record<string, unknown>> };
    assumptions.assumptions[1].values = [0.05, 0.1, 1.5];
    const file = writeJson(dir, 'bad-range.json', assumptions);
    assertRefused([scenarioFile, '--assumptions', file, '--claims', CLAIMS], path.join(dir, 'no-4'), '"entry" at 1.5', 'behaviour.entryProbabilityPerDay: must be at most 1 (got 1.5)');
    // A mechanism field is checked even when no compared mechanism has it (here: only the race runs).
    assumptions.assumptions[1].values = [0.05, 0.1, 0.3];
    assumptions.assumptions[2].values = [24, 72, -5];
    const delay = writeJson(dir, 'bad-delay.json', assumptions);
    assertRefused([scenarioFile, '--assumptions', delay, '--claims', CLAIMS, '--mechanisms', 'race'], path.join(dir, 'no-5'), '"vote-delay" at -5', 'mechanism.governanceDelayHours: must be at least 0');
    // An unknown path names the field and what is allowed there.
    assumptions.assumptions[2].values = [24, 72, 168];
    assumptions.assumptions[0].set = [{ path: 'rewards.feeUSD' }];
    const unknown = writeJson(dir, 'bad-path.json', assumptions);
    assertRefused([scenarioFile, '--assumptions', unknown, '--claims', CLAIMS], path.join(dir, 'no-6'), 'rewards.feeUSD: unknown field "feeUSD" in rewards (allowed: feeUsdPerBatch');
  });

  it('--help explains the options, the claims and the outputs', () => {
    const r = cli(['--help']);
    assert.equal(r.status, 0);
    for (const text of ['--seeds <N>', '--seed <S>', '--days <D>', '--mechanisms <list>', '--workers <W>', '--out <dir>', '--quiet', 'claims.csv', 'data/robustness/claims.json']) assert.ok(r.stdout.includes(text), text);
  });
});
