/** Stake-weighted selection (Taiko alpha-4 staking pool): eligibility, weights, deadline misses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenario, simulate } from '../src/model';
import { readScenarioInput } from '../src/io/scenarios';
import { bestFeeMultiplier, type StakingMechanism } from '../src/model/mechanisms/staking';
import { buildWorld, fixedScenario, proverClass } from './helpers/mechanism-world';

describe('staking: the fee multiplier', () => {
  it('is the best response 2 (cost - share x issuance) / (share x fee), clamped to [min, max]', () => {
    assert.equal(bestFeeMultiplier(5, 20, 0, 1, 0.5, 2), 0.5);
    assert.equal(bestFeeMultiplier(8, 20, 0, 1, 0.5, 2), 0.8);
    assert.equal(bestFeeMultiplier(30, 20, 0, 1, 0.5, 2), 2);
    assert.equal(bestFeeMultiplier(8, 20, 2, 0.5, 0.5, 2), (2 * (8 - 1)) / 10);
  });
});

describe('staking: eligibility and misses', () => {
  it('only the K largest stakers are drawn', () => {
    // A deadline of 50 average delays: a miss (which would open the batch to the small stakers) has
    // probability about e^-50.
    const classes = [proverClass('big', 2, 50, 1, { activeAtStart: 2 }), proverClass('small', 3, 50, 1, { activeAtStart: 3 })];
    const s = fixedScenario({ kind: 'staking', eligibleProvers: 2, minStakeTokens: 1000, stakeTokensByClass: { big: 5000 }, deadlineAverageDelayMultiple: 50 }, classes, { days: 1 });
    const t = buildWorld(s);
    t.runDay(0);
    const wins = t.w.provers.wins;
    assert.equal(wins[0] + wins[1], 144, 'the two big stakers prove every batch');
    assert.equal(wins[2] + wins[3] + wins[4], 0);
  });

  it('a miss slashes exactly slashShare x stake and opens the batch to anyone, whose prover is paid', () => {
    // The only eligible prover must prove within 1e-6 of its average delay (1,000 h at first, then the
    // few seconds the open races take): it misses each batch with probability > 1 - 1e-5, and a fast
    // prover outside the top K proves it in the open race.
    const classes = [proverClass('slow', 1, 0.001, 1, { activeAtStart: 1 }), proverClass('fast', 1, 1000, 1, { activeAtStart: 1 })];
    const s = fixedScenario({ kind: 'staking', eligibleProvers: 1, minStakeTokens: 1000, stakeTokensByClass: { slow: 50_000 }, slashShare: 0.01, deadlineAverageDelayMultiple: 1e-6 }, classes, {
      days: 1,
      demand: { batchesPerDay: 4 },
    });
    const t = buildWorld(s);
    t.runDay(0);
    const p = t.w.provers;
    assert.equal(p.slashedTokens[0], 4 * 0.01 * 50_000);
    assert.equal(t.w.ledger.tokens.burned, 4 * 500);
    assert.equal(p.wins[1], 4);
    const m = (t.mechanism as StakingMechanism);
    assert.ok(m.deadlineHours() > 0);
    assert.equal(p.rewardUsd[1], t.w.ledger.usd.paidIn);
    t.w.ledger.check();
  });
});

describe('validation: stake-weighted selection pays in proportion to weight', () => {
  it('win shares match sqrt(stake) / multiplier^2 over the eligible provers', () => {
    // Stakes 1:4:9 -> weights 1:2:3 (equal costs and, with a deadline of 50 average delays, no expected
    // slash: equal multipliers): expected shares 1/6, 2/6, 3/6. Misses (probability ~e^-50) would let
    // the open race decide; none happen, so the draw alone does. 28,800 draws: the binomial standard
    // error is at most 0.003; allow 4 of them.
    const classes = ['a', 'b', 'c'].map((id) => proverClass(id, 1, 1000, 2, { activeAtStart: 1 }));
    const s = fixedScenario({ kind: 'staking', minStakeTokens: 10_000, stakeTokensByClass: { a: 10_000, b: 40_000, c: 90_000 }, deadlineAverageDelayMultiple: 50 }, classes, { days: 200 });
    const r = simulate(s, { seed: 9 });
    const batches = 200 * 144;
    [1, 2, 3].forEach((w, k) => {
      const expected = w / 6;
      const got = r.provers.proofsWon[k] / batches;
      const tol = 4 * Math.sqrt((expected * (1 - expected)) / batches);
      assert.ok(Math.abs(got - expected) < tol, `prover ${k}: ${got.toFixed(4)} vs ${expected.toFixed(4)}`);
    });
  });

  it('a prover asking a higher fee multiplier is drawn less, with 1 / multiplier^2', () => {
    // Equal stakes; attempt costs 5 and 10 on a fee of 20 give multipliers 0.5 and 1, weights 4 : 1:
    // expected shares 0.8 and 0.2 (same tolerance as above).
    const classes = [proverClass('cheap', 1, 1000, 5, { activeAtStart: 1 }), proverClass('dear', 1, 1000, 10, { activeAtStart: 1 })];
    const s = fixedScenario({ kind: 'staking', minStakeTokens: 10_000, deadlineAverageDelayMultiple: 50 }, classes, { days: 200 });
    const r = simulate(s, { seed: 10 });
    const batches = 200 * 144;
    const got = r.provers.proofsWon[0] / batches;
    assert.ok(Math.abs(got - 0.8) < 4 * Math.sqrt((0.8 * 0.2) / batches), `cheap prover won ${got}`);
    // It is paid its multiplier: 0.5 x 20 a batch.
    assert.ok(Math.abs(r.provers.rewardUsd[0] / r.provers.proofsWon[0] - 10) < 1e-9);
  });
});

describe('staking: batches go unproven only when nobody takes part', () => {
  it('in the stake-weighted-selection preset, a day with an active prover proves every batch, and nearly all days have one', () => {
    // Once every prover had left, the average proof delay stayed at the last (fast) provers' value, so
    // any slower newcomer expected to miss nearly every deadline and nobody entered for about three
    // years (58% of batches unproven). The average now restarts from the next eligible set.
    const input = readScenarioInput('stake-weighted-selection').input as Record<string, unknown>;
    const days = 365;
    const r = simulate(parseScenario({ ...input, days }), { seed: 1 });
    const d = r.daily;
    let posted = 0;
    let proven = 0;
    let empty = 0;
    for (let t = 0; t < days; t++) {
      posted += d.batches_posted[t];
      proven += d.batches_proven[t];
      if (d.active_provers[t] === 0) empty++;
      else assert.equal(d.missed_batches[t], 0, `day ${t}: ${d.active_provers[t]} active provers left ${d.missed_batches[t]} batches unproven`);
    }
    assert.ok(proven / posted > 0.95, `proven share ${(proven / posted).toFixed(3)}`);
    assert.ok(empty < 0.05 * days, `${empty} days without a prover`);
  });

  it('after a day with nobody eligible, a newcomer prices misses against its own proof delay', () => {
    // The only prover has left after proving at 1,000 proofs per hour; a newcomer proving 2 an hour
    // would miss a deadline of 2 x 1/1,000 h almost surely. After an empty day it expects to miss with
    // probability e^-2 (its own average), so drawn batches pay.
    const classes = [proverClass('fast', 1, 1000, 1, { activeAtStart: 1 }), proverClass('slow', 1, 2, 5)];
    const s = fixedScenario({ kind: 'staking', minStakeTokens: 1000, slashShare: 0.05 }, classes, { days: 3 });
    const t = buildWorld(s);
    const m = t.mechanism as StakingMechanism;
    const p = t.w.provers;
    t.runDay(0);
    p.active[0] = 0;
    p.refreshActiveList();
    m.beginDecisions(t.w);
    const stale = m.expectedProfitUsdPerDay(t.w, 1, p.speed[1], p.attemptCostUsd[1], 0);
    t.runDay(1);
    assert.equal(t.w.finality.missed, 144, 'nobody proves day 1');
    m.beginDecisions(t.w);
    const fresh = m.expectedProfitUsdPerDay(t.w, 1, p.speed[1], p.attemptCostUsd[1], 0);
    assert.ok(stale < 0, `against the departed prover's delay: ${stale}`);
    assert.ok(fresh > 0, `against its own delay: ${fresh}`);
  });
});
