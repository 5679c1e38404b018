/** Per-request proof market (Boundless reverse-Dutch lock): the ramp, who locks at what price, misses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rampHoursToPrice, rampPriceUsd } from '../src/model/mechanisms/proof-market';
import { buildWorld, fixedScenario, proverClass } from './helpers/mechanism-world';

describe('proof market: the price ramp', () => {
  it('rises linearly from the minimum to the maximum over the ramp, then stays', () => {
    assert.equal(rampPriceUsd(2, 20, 0.5, 0), 2);
    assert.equal(rampPriceUsd(2, 20, 0.5, 0.25), 11);
    assert.equal(rampPriceUsd(2, 20, 0.5, 0.5), 20);
    assert.equal(rampPriceUsd(2, 20, 0.5, 3), 20);
    for (const price of [2, 5, 11, 20]) assert.ok(Math.abs(rampPriceUsd(2, 20, 0.5, rampHoursToPrice(2, 20, 0.5, price)) - price) < 1e-12);
  });
});

describe('proof market: locking', () => {
  it('the cheapest prover locks every request, at the second-cheapest one\'s reservation', () => {
    // Reservations: attempt cost (no miss risk at 1,000 proofs/h, no capital cost): 3 and 7 a batch.
    const classes = [proverClass('a', 1, 1000, 3, { activeAtStart: 1 }), proverClass('b', 1, 1000, 7, { activeAtStart: 1 })];
    const s = fixedScenario({ kind: 'proof-market' }, classes, { days: 1 });
    const t = buildWorld(s);
    t.runDay(0);
    const p = t.w.provers;
    assert.equal(p.wins[0], 144);
    assert.ok(Math.abs(p.rewardUsd[0] - 144 * 7) < 1e-6);
    assert.ok(Math.abs(t.w.ledger.usd.paidIn - 144 * 7) < 1e-6);
  });

  it('alone, a prover waits for the maximum price', () => {
    const s = fixedScenario({ kind: 'proof-market' }, [proverClass('a', 1, 1000, 3, { activeAtStart: 1 })], { days: 1 });
    const t = buildWorld(s);
    t.runDay(0);
    assert.ok(Math.abs(t.w.provers.rewardUsd[0] - 144 * 20) < 1e-6);
  });

  it('a missed lock refunds the requester, burns half the collateral and pays half to the late prover', () => {
    // Collateral 0.1 x 20 = 2 tokens (price 1). Prover a is cheap but proves at 1 proof/h against a
    // 1-minute lock: it locks (its reservation, 1 + 0.98 x 2, is below b's 15) and misses about 98%
    // of requests; b (1,000 proofs/h) then delivers within seconds, before the 2-hour timeout.
    const classes = [proverClass('a', 1, 1, 1, { activeAtStart: 1 }), proverClass('b', 1, 1000, 15, { activeAtStart: 1 })];
    const s = fixedScenario({ kind: 'proof-market', collateralMultiple: 0.1, lockTimeoutMinutes: 1 }, classes, { days: 1 });
    const t = buildWorld(s);
    t.runDay(0);
    const p = t.w.provers;
    const l = t.w.ledger;
    const misses = p.slashedTokens[0] / 2;
    assert.ok(misses > 100 && misses === Math.round(misses), `misses ${misses}`);
    assert.equal(p.rewardTokens[1], misses * 1, 'the bounty is half of each missed collateral');
    assert.equal(l.tokens.burned, misses * 1);
    assert.equal(p.wins[0] + p.wins[1], 144);
    assert.equal(p.wins[1], misses);
    // The requester pays only for requests delivered in time, at the lock price (b's reservation, 15).
    assert.ok(Math.abs(l.usd.paidIn - (144 - misses) * 15) < 1e-6);
    l.check();
  });
});
