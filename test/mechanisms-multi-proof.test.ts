/** Open multi-proof with activity-score shares (Aztec): the score, the shares curve, the split. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenario } from '../src/model';
import { activityShares, nextActivityScore } from '../src/model/mechanisms/multi-proof';
import { buildWorld, fixedScenario, proverClass } from './helpers/mechanism-world';

const config = (() => {
  const m = parseScenario({ name: 'x', mechanism: { kind: 'multi-proof' } }).mechanism;
  if (m.kind !== 'multi-proof') throw new Error('unreachable');
  return m;
})();

describe('multi-proof: activity score and shares (AZIP-5 parameters)', () => {
  it('the shares curve: k at the top, k - a one unit below, the minimum far below', () => {
    assert.equal(activityShares(config.maxScore, config), 1_000_000);
    assert.equal(activityShares(config.maxScore + 1, config), 1_000_000);
    assert.equal(activityShares(config.maxScore - 100_000, config), 1_000_000 - 250_000);
    assert.equal(activityShares(0, config), 10_000);
  });

  it('proving every epoch holds the top score; one miss takes about 71 epochs to recover (Aztec forum t/8528)', () => {
    let x = config.maxScore;
    for (let e = 0; e < 10; e++) x = nextActivityScore(x, 1, true, config);
    assert.equal(x, config.maxScore);
    x = nextActivityScore(x, 1, false, config);
    assert.equal(x, config.maxScore - 100_000);
    let epochs = 0;
    while (x < config.maxScore) {
      x = nextActivityScore(x, 1, true, config);
      epochs++;
    }
    assert.ok(epochs >= 71 && epochs <= 72, `${epochs} epochs`);
  });

  it('break-even coverage is decay / increment = 98.6%', () => {
    assert.ok(Math.abs(config.scoreDecayPerEpoch / config.scoreIncrement - 0.986) < 0.001);
  });
});

describe('multi-proof: the epoch reward split', () => {
  it('identical provers that always submit share every epoch equally, and each pays its own proving', () => {
    // Both prove within the 19.2-minute window with probability 1 - e^-320.
    const s = fixedScenario({ kind: 'multi-proof' }, [proverClass('a', 2, 1000, 3, { activeAtStart: 2 })], { days: 1 });
    const t = buildWorld(s);
    t.runDay(0);
    const p = t.w.provers;
    assert.ok(Math.abs(p.rewardUsd[0] - 72 * 20) < 1e-9 && Math.abs(p.rewardUsd[1] - 72 * 20) < 1e-9);
    // Users paid for two proofs a batch: 2 x (3 + L1 verification).
    const spent = p.attemptSpendUsd[0] + p.attemptSpendUsd[1];
    assert.ok(Math.abs(spent - 2 * 144 * (3 + config.submissionCostUsd)) < 1e-6);
  });

  it('a prover that proves more often holds more shares', () => {
    // b submits in time with probability 1 - e^-0.32 = 27%: with one share each it would earn
    // 0.27 / 2 of the rewards, 16% of a's; its score stays near 27,000 points, its shares at the
    // minimum (1% of a's at the top score), so it earns a few percent while a's score builds up.
    const s = fixedScenario({ kind: 'multi-proof' }, [proverClass('a', 1, 1000, 1, { activeAtStart: 1 }), proverClass('b', 1, 1, 1, { activeAtStart: 1 })], { days: 2 });
    const t = buildWorld(s);
    t.runDay(0);
    t.runDay(1);
    const p = t.w.provers;
    assert.ok(p.rewardUsd[1] < 0.05 * p.rewardUsd[0], `a ${p.rewardUsd[0]}, b ${p.rewardUsd[1]}`);
    assert.ok(Math.abs(p.rewardUsd[0] + p.rewardUsd[1] - 2 * 144 * 20) < 1e-6);
  });
});
