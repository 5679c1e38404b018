/** Continuous reverse auction (Taiko ProverAuction): undercutting, bonds, slashing, vacancy. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bidTakesSeat, forcedExitThresholdTokens, requiredBondTokens, vacancyFeeCapUsd, type AuctionMechanism } from '../src/model/mechanisms/auction';
import { buildWorld, fixedScenario, proverClass } from './helpers/mechanism-world';

describe('auction: bidding rules', () => {
  it('an outsider must undercut by at least minFeeReductionBps; the holder may lower freely', () => {
    assert.equal(bidTakesSeat(96, 100, false, 500), false, '4% lower does not take the seat');
    assert.equal(bidTakesSeat(95, 100, false, 500), true, '5% lower does');
    assert.equal(bidTakesSeat(99.99, 100, true, 500), true, 'the holder may lower by any amount');
    assert.equal(bidTakesSeat(100, 100, true, 500), false);
  });

  it('bond = liveness bond x max pending x 2; forced exit below liveness bond x max pending / 2', () => {
    assert.equal(requiredBondTokens(125, 24), 6000);
    assert.equal(forcedExitThresholdTokens(125, 24), 1500);
  });

  it('the vacancy fee cap doubles every 15 minutes up to 256x', () => {
    const cap = (minutes: number) => vacancyFeeCapUsd(10, minutes / 60, 15, 8);
    assert.deepEqual([0, 14.9, 15, 29.9, 30, 45, 105, 120, 600].map(cap), [10, 10, 20, 20, 40, 80, 1280, 2560, 2560]);
  });

  it('a bid undercutting by less than X% does not take the seat in the market either', () => {
    // Holder A at 10; B's full cost is 9.7 (3% lower): the smallest bid that takes the seat, 9.5, is
    // below B's cost, so B does not bid and A keeps the seat at 10.
    const s = fixedScenario({ kind: 'auction', livenessBondTokens: 0 }, [proverClass('a', 1, 1000, 10, { activeAtStart: 1 }), proverClass('b', 1, 1000, 9.7, { activeAtStart: 1 })], { days: 1 });
    const t = buildWorld(s);
    const m = t.mechanism as AuctionMechanism;
    m.holder = 0;
    m.feeUsd = 10;
    t.runDay(0);
    assert.equal(m.holder, 0);
    assert.equal(m.feeUsd, 10);
    assert.equal(t.w.provers.wins[0], 144);
  });
});

describe('auction: misses and bonds', () => {
  it('a miss slashes exactly one liveness bond and pays exactly lateProverShare of it to the late prover', () => {
    // The holder is too slow for its 2-hour window (it proves in ~1e6 h); a fast standby, too dear to
    // outbid it (50 a batch against a fee of 10), proves each batch late. Four batches: 4 x 125
    // slashed, half to the late prover, half burned; the bond (6,000) stays above the forced-exit
    // threshold (1,500).
    const classes = [proverClass('slow', 1, 1e-6, 0.1, { activeAtStart: 1 }), proverClass('fast', 1, 1000, 50, { activeAtStart: 1 })];
    const s = fixedScenario({ kind: 'auction' }, classes, { days: 1, demand: { batchesPerDay: 4 } });
    const t = buildWorld(s);
    const m = t.mechanism as AuctionMechanism;
    m.holder = 0;
    m.feeUsd = 10;
    t.w.collateral.lock(0, requiredBondTokens(125, 24));
    t.runDay(0);
    const p = t.w.provers;
    const l = t.w.ledger;
    assert.equal(m.holder, 0);
    assert.equal(p.slashedTokens[0], 4 * 125);
    assert.equal(p.rewardTokens[1], 4 * 125 * 0.5);
    assert.equal(l.tokens.burned, 4 * 125 * 0.5);
    assert.equal(t.w.collateral.bondTokens[0], 6000 - 500);
    assert.equal(p.wins[1], 4, 'the late prover proves');
    assert.equal(p.rewardUsd[0], 4 * 10, 'the holder was paid its fee at proposal');
    l.check();
  });

  it('a holder whose bond falls below the threshold is forced out and the next prover takes the seat', () => {
    // Max pending 2: bond 500, threshold 125. Batches every 3 h (window 2 h): misses take the bond to
    // 375, 250, 125, 0; the fourth (posted at 9 h) forces the holder out when its window ends at 11 h.
    // The fast prover (50 a batch) takes the vacant seat when the cap, doubling from the previous
    // fee of 10, first covers its cost: 80, three doublings (45 minutes) later; it proves the
    // batches posted at 12, 15, 18 and 21 h.
    const classes = [proverClass('slow', 1, 1e-6, 0.1, { activeAtStart: 1 }), proverClass('fast', 1, 1000, 50, { activeAtStart: 1 })];
    const s = fixedScenario({ kind: 'auction', maxPendingProposals: 2 }, classes, { days: 1, demand: { batchesPerDay: 8 } });
    const t = buildWorld(s);
    const m = t.mechanism as AuctionMechanism;
    m.holder = 0;
    m.feeUsd = 10;
    t.w.collateral.lock(0, requiredBondTokens(125, 2));
    t.runDay(0);
    assert.equal(m.holder, 1);
    assert.equal(t.w.provers.slashedTokens[0], 500);
    assert.equal(m.feeUsd, 80);
    assert.equal(t.w.provers.rewardUsd[1], 4 * 80);
  });

  it("a vacant seat is taken when the doubling cap first covers the cheapest prover's cost", () => {
    // Base fee 1 (initialMaxFeeUsd); the only prover costs 5 a batch: the cap reaches 8 after three
    // doublings, 45 minutes in, and the prover takes the seat at 8.
    const s = fixedScenario({ kind: 'auction', initialMaxFeeUsd: 1, livenessBondTokens: 0 }, [proverClass('a', 1, 1000, 5, { activeAtStart: 1 })], { days: 1 });
    const t = buildWorld(s);
    const m = t.mechanism as AuctionMechanism;
    t.runDay(0);
    assert.equal(m.holder, 0);
    assert.equal(m.feeUsd, 8);
    // Batches posted before 45 minutes (0, 10, 20, 30, 40) waited for the seat to be taken.
    assert.ok(t.w.finality.max >= 0.75 - 1e-9);
  });
});

describe('validation: a reverse auction clears near the second-lowest cost', () => {
  it('the seat goes to one of the two cheapest at a fee within one 5% step of the second-lowest cost', () => {
    // Costs 5, 6, 8, 10, 12 a batch, no fixed or capital costs, provers fast enough never to miss:
    // reservations equal costs. Starting from a vacancy at base fee 100, undercutting by 5% steps
    // ends with the fee in [6 x 0.95, 6 / 0.95): the tolerance is one bidding step.
    const classes = [5, 6, 8, 10, 12].map((c, k) => proverClass(`p${k}`, 1, 1000, c, { activeAtStart: 1 }));
    const s = fixedScenario({ kind: 'auction', initialMaxFeeUsd: 100 }, classes, { days: 1 });
    const t = buildWorld(s);
    const m = t.mechanism as AuctionMechanism;
    t.runDay(0);
    assert.ok(m.holder === 0 || m.holder === 1, `holder ${m.holder}`);
    assert.ok(m.feeUsd >= 6 * 0.95 && m.feeUsd < 6 / 0.95, `fee ${m.feeUsd}`);
  });
});
