/** `prover-sim compare`: common random numbers, per-mechanism overrides, outputs and one-line errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compareMechanisms, comparisonTable, findVariant, MECHANISM_NAMES, variantScenario } from '../src/compare';
import { simulate } from '../src/model';
import { fixedScenario, proverClass } from './helpers/mechanism-world';

const BIN = path.resolve(__dirname, '..', 'bin', 'prover-sim.js');

const base = fixedScenario({ kind: 'race' }, [proverClass('team', 1, 4, 2, { activeAtStart: 1, outagesPerYear: 30 }), proverClass('open', 8, 1, 3, {
    outagesPerYear: 30,
    costModel: { model: 'perAttempt', speedMedianProofsPerHour: 1, speedSigma: 0.5, attemptCostMedianUsd: 3, attemptCostSigma: 0.5, yearlyCostDecline: 0 },
  })], {
  days: 30,
  behaviour: { entryProbabilityPerDay: 0.1, exitProbabilityPerDay: 0.2, upgradeProbabilityPerDay: 0 },
});

describe('compare: the same environment for every mechanism', () => {
  it('for a seed, every mechanism sees the same demand, prices and population', () => {
    const runs = ['race', 'auction', 'two-step'].map((name) => simulate(variantScenario(base, findVariant(name)!, []), { seed: 3 }));
    for (const r of runs.slice(1)) {
      assert.deepEqual(Array.from(r.daily.batches_posted), Array.from(runs[0].daily.batches_posted));
      assert.deepEqual(Array.from(r.daily.reward_per_batch_usd), Array.from(runs[0].daily.reward_per_batch_usd));
      assert.deepEqual(Array.from(r.provers.speedProofsPerHour), Array.from(runs[0].provers.speedProofsPerHour));
    }
  });

  it('a mechanism override reaches only the mechanisms that have the field', () => {
    const copier = variantScenario(base, findVariant('race')!, ['mechanism.frontRunProbability=0.3', 'rewards.feeUsdPerBatch=7']);
    const auction = variantScenario(base, findVariant('auction')!, ['mechanism.frontRunProbability=0.3', 'rewards.feeUsdPerBatch=7']);
    assert.equal(copier.mechanism.kind === 'race' && copier.mechanism.frontRunProbability, 0.3);
    assert.equal(auction.mechanism.kind, 'auction');
    assert.equal(auction.rewards.feeUsdPerBatch, 7);
    assert.throws(() => compareMechanisms(base, { mechanisms: ['auction'], seeds: 1, set: ['mechanism.frontRunProbability=0.3'] }), /none of the compared mechanisms/);
  });

  it('reports the median and 5-95% band over seeds, one table row per mechanism', () => {
    const c = compareMechanisms(base, { mechanisms: ['race', 'centralized'], seeds: 3 });
    assert.deepEqual(c.seeds, [1, 2, 3]);
    const race = c.mechanisms[0];
    const active = race.runs.map((s) => s.activeProversLastYear).sort((a, b) => a - b);
    assert.equal(race.headline.active_provers.median, active[1]);
    assert.ok(race.headline.active_provers.p05 >= active[0] && race.headline.active_provers.p95 <= active[2]);
    const table = comparisonTable(c).trim().split('\n');
    assert.equal(table.length, 2 + 2);
    assert.ok(table[2].startsWith('| race |') && table[3].startsWith('| centralized |'));
  });
});

describe('compare: the command', () => {
  it('writes the table and the per-day series', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-compare-'));
    const r = spawnSync(process.execPath, [BIN, 'compare', 'permissionless-race', '--mechanisms', 'race,two-step', '--seeds', '2', '--days', '20', '--out', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('| two-step |'));
    const series = fs.readFileSync(path.join(dir, 'series.csv'), 'utf8').trim().split('\n');
    assert.equal(series.length, 1 + 2 * 20);
    assert.ok(series[0].startsWith('mechanism,day,'));
    for (const f of ['table.md', 'summary.csv', 'runs.csv', 'manifest.json']) assert.ok(fs.existsSync(path.join(dir, f)), f);
  });

  it('an unknown mechanism is a one-line error listing the allowed ones (exit code 2)', () => {
    const r = spawnSync(process.execPath, [BIN, 'compare', 'permissionless-race', '--mechanisms', 'race,lottery'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0].includes('"lottery"') && lines[0].includes(MECHANISM_NAMES.join(', ')), lines[0]);
  });
});
