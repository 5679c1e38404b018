/** Two-step commit-reveal submission (Opside/Lumoz): the commit window, the pro-rata split, penalties. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from '../src/model';
import { settleCommits } from '../src/model/mechanisms/two-step';
import { buildWorld, fixedScenario, proverClass } from './helpers/mechanism-world';

const twoStep = (extra: Record<string, unknown> = {}) => ({ kind: 'two-step' as const, stakeTokens: 1000, ...extra });

describe('two-step: settling a round', () => {
  it('splits among valid committers pro rata to stake and charges a wrong hash its penalty', () => {
    const shares = new Float64Array(3);
    const penalties = new Float64Array(3);
    const proven = settleCommits([200, 500, 300], [1, 1, 0], 3, 10_000, 1_000, shares, penalties);
    assert.equal(proven, true);
    assert.deepEqual(Array.from(shares), [200 / 700, 500 / 700, 0]);
    assert.deepEqual(Array.from(penalties), [0, 0, 10_000]);
  });

  it('without a valid proof charges every committer the no-proof penalty and pays nobody', () => {
    const shares = new Float64Array(2);
    const penalties = new Float64Array(2);
    assert.equal(settleCommits([1, 1], [0, 0], 2, 10_000, 1_000, shares, penalties), false);
    assert.deepEqual(Array.from(shares), [0, 0]);
    assert.deepEqual(Array.from(penalties), [1_000, 1_000]);
  });
});

describe('two-step: the commit window', () => {
  it('a commit after the window earns nothing: with a zero window only the first committer is paid', () => {
    // Window 0: every prover but the first finishes after T, so commits only the first.
    const s = fixedScenario(twoStep({ commitWindowBlocks: 0 }), [proverClass('a', 3, 2, 1, { activeAtStart: 3 })], { days: 3 });
    const t = buildWorld(s);
    t.runDay(0);
    const p = t.w.provers;
    let wins = 0;
    for (let i = 0; i < 3; i++) {
      assert.equal(p.wins[i], Math.round(p.wins[i]), `prover ${i} won a fraction: ${p.wins[i]}`);
      assert.equal(p.rewardUsd[i], 20 * p.wins[i]);
      wins += p.wins[i];
    }
    assert.equal(wins, 144);
    // Everyone worked on every batch: three attempts per batch, two of them wasted.
    assert.equal(p.attempts[0] + p.attempts[1] + p.attempts[2], 3 * 144);
  });

  it('the reveal lands the block after the window: finality = first commit + (window + 1) blocks', () => {
    const s = fixedScenario(twoStep({ commitWindowBlocks: 10 }), [proverClass('a', 1, 1e6, 1, { activeAtStart: 1 })], { days: 1 });
    const t = buildWorld(s);
    t.runDay(0);
    const f = t.w.finality;
    // A prover at 1e6 proofs/h commits within ~4 ms; the reveal adds 11 blocks of 12 s.
    assert.ok(Math.abs(f.sum / f.count - (11 * 12) / 3600) < 1e-4);
  });
});

describe('validation: two-step rewards split pro rata to stake', () => {
  it('with every prover committing, each one earns exactly its stake share', () => {
    // A window of 5,000 blocks (17 h) lets every prover commit every batch, so the split is exact:
    // the tolerance covers float rounding only.
    const classes = [proverClass('a', 1, 2, 1, { activeAtStart: 1 }), proverClass('b', 1, 2, 1, { activeAtStart: 1 }), proverClass('c', 1, 2, 1, { activeAtStart: 1 })];
    const s = fixedScenario(twoStep({ commitWindowBlocks: 5_000, revealDeadlineBlocks: 6_000, stakeTokensByClass: { a: 200_000, b: 500_000, c: 300_000 } }), classes, { days: 1 });
    const t = buildWorld(s);
    t.runDay(0);
    const total = 20 * 144;
    const p = t.w.provers;
    [0.2, 0.5, 0.3].forEach((share, i) => assert.ok(Math.abs(p.rewardUsd[i] - share * total) < 1e-9 * total, `prover ${i}: ${p.rewardUsd[i]}`));
  });

  it('the Opside example: 2 tokens per sequence to stakes 200K/500K/300K pay 0.4/1.0/0.6', () => {
    const classes = [proverClass('a', 1, 2, 0, { activeAtStart: 1 }), proverClass('b', 1, 2, 0, { activeAtStart: 1 }), proverClass('c', 1, 2, 0, { activeAtStart: 1 })];
    const s = fixedScenario(twoStep({ commitWindowBlocks: 5_000, revealDeadlineBlocks: 6_000, stakeTokensByClass: { a: 200_000, b: 500_000, c: 300_000 } }), classes, {
      days: 1,
      demand: { batchesPerDay: 1 },
      rewards: { feeUsdPerBatch: 0, issuanceTokensPerBatch: 2, redistributionShare: 0, treasuryShare: 0 },
    });
    const t = buildWorld(s);
    t.runDay(0);
    const got = Array.from(t.w.provers.rewardTokens.subarray(0, 3));
    [0.4, 1.0, 0.6].forEach((v, i) => assert.ok(Math.abs(got[i] - v) < 1e-12, `prover ${i}: ${got[i]}`));
  });
});

describe('two-step: penalties are burned through the ledger', () => {
  it('no valid proof: every committer pays the no-proof penalty each round, the batch reopens and is finally missed', () => {
    // Every commit invalid: each batch runs the 100 rounds the mechanism allows, both provers commit
    // in each (17-hour window), each pays 1,000 tokens a round.
    const classes = [proverClass('a', 2, 2, 0, { activeAtStart: 2 })];
    const s = fixedScenario(twoStep({ commitWindowBlocks: 5_000, revealDeadlineBlocks: 6_000, invalidCommitProbability: 1 }), classes, { days: 1, demand: { batchesPerDay: 2 } });
    const t = buildWorld(s);
    t.runDay(0);
    const l = t.w.ledger;
    assert.equal(t.w.finality.missed, 2);
    assert.equal(l.tokens.slashed, 2 * 100 * 2 * 1_000);
    assert.equal(l.tokens.burned, l.tokens.slashed);
    assert.equal(t.w.provers.slashedTokens[0], 2 * 100 * 1_000);
    assert.equal(l.usd.paidIn, 0);
    l.check();
  });

  it('a simulated run with invalid commits conserves value', () => {
    const s = fixedScenario(twoStep({ invalidCommitProbability: 0.3 }), [proverClass('a', 6, 3, 2, { activeAtStart: 6 })], { days: 20 });
    const r = simulate(s, { seed: 4 });
    const t = r.flows.tokens;
    assert.ok(t.slashed > 0 && Math.abs(t.slashed - t.burned) < 1e-6);
  });
});
