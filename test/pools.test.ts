/** Proving pools (ZKPool): aggregation, pass-through of rewards and costs, membership, metrics by member. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate, type ScenarioInput } from '../src/model';
import { Pools } from '../src/model/pools';
import { buildWorld, fixedScenario, proverClass } from './helpers/mechanism-world';

const twoPools: ScenarioInput['pools'] = { list: [{ id: 'cheap', feeShare: 0.05 }, { id: 'dear', feeShare: 0.3 }], memberClasses: ['small'] };

describe('pools: one pool as one prover', () => {
  const s = fixedScenario({ kind: 'race' }, [proverClass('small', 3, 1, 2), proverClass('big', 1, 4, 1, { activeAtStart: 1 })], {
    pools: { list: [{ id: 'zk', feeShare: 0.1 }], memberClasses: ['small'] },
  });

  /** Small provers 0 (speed 1, attempt $2) and 1 (speed 3, attempt $4) in pool zk, aggregated into its slot. */
  const pooledWorld = () => {
    const t = buildWorld(s);
    const p = t.w.provers;
    p.speed[1] = 3;
    p.attemptCostUsd[1] = 4;
    p.poolOf[0] = 0;
    p.poolOf[1] = 0;
    const pools = new Pools(s, p);
    pools.refresh(p);
    pools.aggregate(t.w);
    return { t, p, pools, slot: p.nIndividuals };
  };

  it('aggregates members\' speed and prices one pooled attempt at their summed hourly cost', () => {
    const { p, slot } = pooledWorld();
    assert.equal(p.speed[slot], 4);
    // Hourly costs 1 x 2 and 3 x 4: one pooled proof takes 1/4 h of both, costing 14 / 4.
    assert.equal(p.attemptCostUsd[slot], 14 / 4);
    assert.equal(p.active[slot], 1);
  });

  it('passes rewards on pro rata to speed after the fee, attempt costs pro rata to hourly cost', () => {
    const { t, p, pools, slot } = pooledWorld();
    p.chargeAttempts(slot, 10);
    p.recordWins(slot, 10);
    t.w.ledger.payProofs(slot, 10, 20, 0, 1);
    pools.settle(t.w);
    assert.equal(t.w.ledger.usd.pools, 20, 'the operator keeps 10% of 200');
    assert.ok(Math.abs(p.rewardUsd[0] - 180 * 0.25) < 1e-9 && Math.abs(p.rewardUsd[1] - 180 * 0.75) < 1e-9);
    assert.equal(p.rewardUsd[slot], 0);
    // Ten pooled attempts cost 35: 2/14 and 12/14 of it.
    assert.ok(Math.abs(p.attemptSpendUsd[0] - 5) < 1e-9 && Math.abs(p.attemptSpendUsd[1] - 30) < 1e-9);
    pools.expandByMember(p);
    assert.ok(Math.abs(pools.byMemberWins[0] - 2.5) < 1e-12 && Math.abs(pools.byMemberWins[1] - 7.5) < 1e-12);
    t.w.ledger.check();
  });
});

describe('pools in a run', () => {
  // Thirty small provers too slow to race alone at a profit against a fast one: pooled, they attempt
  // once per batch for all of them and win their combined share.
  const classes = [proverClass('small', 30, 0.3, 1.5), proverClass('fast', 1, 8, 2, { activeAtStart: 1 })];
  const scenario = fixedScenario({ kind: 'race' }, classes, {
    days: 120,
    rewards: { feeUsdPerBatch: 10, redistributionShare: 0, treasuryShare: 0 },
    behaviour: { entryProbabilityPerDay: 0.2, exitProbabilityPerDay: 0.2, upgradeProbabilityPerDay: 0 },
    pools: twoPools,
  });
  const r = simulate(scenario, { seed: 5 });

  it('small provers join, and most join the pool that charges less', () => {
    const members = r.provers.pool.filter((q, i) => q !== '' && r.provers.classId[i] !== 'pool');
    const cheap = members.filter((q) => q === 'cheap').length;
    assert.ok(members.length >= 10, `${members.length} members`);
    assert.ok(cheap > 0.7 * members.length, `${cheap} of ${members.length} in the cheap pool`);
  });

  it('by member, concentration is never higher than by entity', () => {
    const D = r.daily;
    for (let d = 0; d < r.days; d++) {
      assert.ok(D.nakamoto_coefficient_30d_by_member[d] >= D.nakamoto_coefficient_30d[d], `day ${d}`);
      assert.ok(D.hhi_30d_by_member[d] <= D.hhi_30d[d] + 1e-12, `day ${d}`);
      assert.ok(D.active_provers_by_member[d] >= D.active_provers[d] - 1e-12 || D.pools_active[d] === 0);
    }
    assert.ok(D.pool_members[r.days - 1] > 0 && D.pooled_speed_share[r.days - 1] > 0);
  });

  it('conserves value: pool fees are what the operators keep', () => {
    const u = r.flows.usd;
    assert.ok(u.pools > 0);
    assert.ok(Math.abs(u.paidIn - (u.provers + u.pools + u.tokenholders + u.treasury + u.burned + u.copiers)) < 1e-6 * u.paidIn);
    const fees = r.daily.pool_fees_usd.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(fees - u.pools) < 1e-6 * u.pools);
  });

  it('without pools the by-member columns equal the by-entity ones', () => {
    const plain = simulate(fixedScenario({ kind: 'race' }, classes, { days: 40 }), { seed: 5 });
    const D = plain.daily;
    assert.deepEqual(Array.from(D.nakamoto_coefficient_30d_by_member), Array.from(D.nakamoto_coefficient_30d));
    assert.deepEqual(Array.from(D.hhi_by_member), Array.from(D.hhi));
    assert.deepEqual(Array.from(D.top1_reward_share_by_member), Array.from(D.top1_reward_share));
  });
});
