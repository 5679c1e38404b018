/** The race with a mempool copier who front-runs revealed proofs: why two-step submission exists. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from '../src/model';
import { fixedScenario, proverClass } from './helpers/mechanism-world';

const classes = [proverClass('a', 4, 2, 3, { activeAtStart: 4 })];

describe('race with a copier', () => {
  it('without a copier the race is unchanged: the same seed gives the same run as before the option existed', () => {
    const plain = simulate(fixedScenario({ kind: 'race' }, classes), { seed: 2 });
    const zero = simulate(fixedScenario({ kind: 'race', frontRunProbability: 0 }, classes), { seed: 2 });
    assert.deepEqual(Array.from(zero.daily.prover_revenue_usd), Array.from(plain.daily.prover_revenue_usd));
    assert.deepEqual(Array.from(zero.provers.proofsWon), Array.from(plain.provers.proofsWon));
  });

  it('a copier who always lands first takes every prover reward; the provers keep their costs', () => {
    const r = simulate(fixedScenario({ kind: 'race', frontRunProbability: 1 }, classes), { seed: 2 });
    assert.equal(r.flows.usd.provers, 0);
    assert.equal(r.flows.usd.copiers, r.flows.usd.paidIn);
    assert.ok(r.daily.prover_cost_usd.every((c) => c > 0));
    assert.equal(r.daily.front_run_batches.reduce((a, b) => a + b, 0), r.daily.batches_proven.reduce((a, b) => a + b, 0));
  });

  it('with copiers landing half the time provers keep about half; two-step leaves them nothing to copy', () => {
    // 1,440 batches: the copied share is binomial with standard error 0.013; allow 4 of them.
    const r = simulate(fixedScenario({ kind: 'race', frontRunProbability: 0.5 }, classes), { seed: 2 });
    const copied = r.flows.usd.copiers / r.flows.usd.paidIn;
    assert.ok(Math.abs(copied - 0.5) < 4 * Math.sqrt(0.25 / 1440), `copied ${copied}`);
    const twoStep = simulate(fixedScenario({ kind: 'two-step', stakeTokens: 0 }, classes), { seed: 2 });
    assert.equal(twoStep.flows.usd.copiers, 0);
    assert.equal(twoStep.flows.usd.provers, twoStep.flows.usd.paidIn);
  });
});
