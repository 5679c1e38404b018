/**
 * Property tests over random valid scenarios: value is conserved to the cent, nothing is NaN, no
 * balance is negative, and shares add up to one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from './helpers/property';
import { parseScenario, simulate } from '../src/model';
import { assertRunInvariants } from './helpers/invariants';

const share = fc.double({ min: 0, max: 1, noNaN: true });

const costModel = fc.oneof(
  fc.record({
    model: fc.constant('perAttempt'),
    speedMedianProofsPerHour: fc.double({ min: 0.05, max: 20, noNaN: true }),
    speedSigma: fc.double({ min: 0, max: 1, noNaN: true }),
    attemptCostMedianUsd: fc.double({ min: 0, max: 200, noNaN: true }),
    attemptCostSigma: fc.double({ min: 0, max: 1, noNaN: true }),
    yearlyCostDecline: fc.double({ min: 0, max: 0.9, noNaN: true }),
  }),
  fc.record({
    model: fc.constant('hardware'),
    hardware: fc.constantFrom('rtx4090', 'h100', 'asic'),
    minUnits: fc.integer({ min: 1, max: 4 }),
    maxUnits: fc.integer({ min: 4, max: 40 }),
    ownership: fc.constantFrom('own', 'rent'),
    upgradeTo: fc.subarray(['rtx4090', 'h100', 'asic']),
  }),
);

const proverClass = (id: string) =>
  fc.record({
    id: fc.constant(id),
    count: fc.integer({ min: 1, max: 15 }),
    activeAtStart: fc.integer({ min: 0, max: 1 }),
    costModel,
    overheadUsdPerDay: fc.double({ min: 0, max: 500, noNaN: true }),
    stakeUsd: fc.double({ min: 0, max: 1e6, noNaN: true }),
    outagesPerYear: fc.double({ min: 0, max: 50, noNaN: true }),
    meanOutageHours: fc.double({ min: 0.1, max: 100, noNaN: true }),
  });

const curve = (max: number) => fc.oneof(fc.double({ min: 0, max, noNaN: true }), fc.constantFrom(`${max} * exp(-t)`, `${max / 2} * (1 + sin(t))`));

const scenarioInput = fc
  .record({
    days: fc.integer({ min: 3, max: 60 }),
    batches: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant('50 + 100 * t')),
    fee: curve(200),
    issuance: curve(5),
    price: curve(10),
    rho: share,
    treasuryFraction: share,
    classes: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    classSpecs: fc.tuple(proverClass('team'), proverClass('b'), proverClass('c')),
    correlated: fc.double({ min: 0, max: 30, noNaN: true }),
    mechanism: fc.oneof(
      fc.constant({ kind: 'race' }),
      fc.record({
        kind: fc.constant('centralized'),
        backupTrigger: fc.constantFrom('governance', 'timeout'),
        governanceDelayHours: fc.double({ min: 0, max: 200, noNaN: true }),
        timeoutHours: fc.double({ min: 0, max: 24, noNaN: true }),
        backupPoolSize: fc.integer({ min: 0, max: 20 }),
      }),
    ),
    decline: fc.constantFrom('exponential', 'experience'),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((g) => ({
    seed: g.seed,
    input: {
      name: 'property',
      days: g.days,
      demand: { batchesPerDay: g.batches },
      rewards: {
        feeUsdPerBatch: g.fee,
        issuanceTokensPerBatch: g.issuance,
        tokenPriceUsd: g.price,
        redistributionShare: g.rho,
        treasuryShare: (1 - g.rho) * g.treasuryFraction,
      },
      costs: { hardwareDeclineModel: g.decline },
      provers: { classes: g.classSpecs.slice(0, g.classes.length) },
      outages: { correlatedEventsPerYear: g.correlated, scheduled: [{ startHours: 30, durationHours: 20, classes: ['team'] }] },
      mechanism: g.mechanism,
    },
  }));

describe('invariants over random valid scenarios', () => {
  it('conserve value, stay finite and non-negative, and split shares to 1', () => {
    fc.assert(
      fc.property(scenarioInput, ({ input, seed }) => {
        const scenario = parseScenario(input);
        const r = simulate(scenario, { seed });
        assertRunInvariants(r, { toTheCent: true });
        const p = r.provers;
        const days = r.days;
        for (let d = 0; d < days; d++) {
          const D = r.daily;
          // Each day's reward is split entirely: prover + tokenholders + treasury = reward x proven.
          const paid = D.reward_per_batch_usd[d] * D.batches_proven[d];
          const split = D.prover_revenue_usd[d] + D.tokenholder_income_usd[d] + D.treasury_income_usd[d];
          assert.ok(Math.abs(paid - split) < 0.01 + 1e-9 * paid, `day ${d}: paid ${paid}, split ${split}`);
          // Win shares sum to one: nobody front-runs here, so the classes' wins are exactly the proven batches.
          assert.equal(D.front_run_batches[d], 0);
          let wins = 0;
          for (let c = 0; c < r.classes.ids.length; c++) wins += r.classes.series.proofs_won[c * days + d];
          assert.equal(wins, D.batches_proven[d]);
          for (const col of ['hhi', 'gini', 'top1_win_share', 'top1_reward_share', 'hhi_7d', 'hhi_30d', 'wasted_attempt_share', 'wasted_cost_share'] as const) {
            assert.ok(D[col][d] >= 0 && D[col][d] <= 1 + 1e-12, `${col} = ${D[col][d]} on day ${d}`);
          }
        }
        let won = 0;
        for (const w of p.proofsWon) won += w;
        assert.equal(won, r.daily.batches_proven.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 80 },
    );
  });
});
