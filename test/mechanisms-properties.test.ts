/**
 * Property tests over random valid scenarios for every mechanism, with and without pools: value is
 * conserved (paid in and slashed = paid out), nothing is NaN, no balance is negative, and every proven
 * batch's win is attributed once (less the batches copiers took).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from './helpers/property';
import { parseScenario, simulate } from '../src/model';
import { assertRunInvariants } from './helpers/invariants';

const costModel = fc.oneof(
  fc.record({
    model: fc.constant('perAttempt'),
    speedMedianProofsPerHour: fc.double({ min: 0.01, max: 50, noNaN: true }),
    speedSigma: fc.double({ min: 0, max: 1, noNaN: true }),
    attemptCostMedianUsd: fc.double({ min: 0, max: 100, noNaN: true }),
    attemptCostSigma: fc.double({ min: 0, max: 1, noNaN: true }),
    yearlyCostDecline: fc.double({ min: 0, max: 0.9, noNaN: true }),
  }),
  fc.record({
    model: fc.constant('hardware'),
    hardware: fc.constantFrom('rtx4090', 'h100'),
    minUnits: fc.integer({ min: 1, max: 4 }),
    maxUnits: fc.integer({ min: 4, max: 40 }),
    ownership: fc.constantFrom('own', 'rent'),
  }),
);

const proverClass = (id: string) =>
  fc.record({
    id: fc.constant(id),
    count: fc.integer({ min: 1, max: 12 }),
    activeAtStart: fc.integer({ min: 0, max: 1 }),
    costModel,
    overheadUsdPerDay: fc.double({ min: 0, max: 300, noNaN: true }),
    capitalCostPerYear: fc.double({ min: 0, max: 0.2, noNaN: true }),
    outagesPerYear: fc.double({ min: 0, max: 60, noNaN: true }),
    meanOutageHours: fc.double({ min: 0.1, max: 50, noNaN: true }),
  });

const mechanism = fc.oneof(
  fc.record({ kind: fc.constant('race'), frontRunProbability: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('staking'),
    eligibleProvers: fc.integer({ min: 1, max: 8 }),
    minStakeTokens: fc.double({ min: 0, max: 1e5, noNaN: true }),
    slashShare: fc.double({ min: 0, max: 1, noNaN: true }),
    slashToProverShare: fc.double({ min: 0, max: 1, noNaN: true }),
    deadlineAverageDelayMultiple: fc.double({ min: 0.01, max: 10, noNaN: true }),
    withdrawalDelayDays: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('two-step'),
    stakeTokens: fc.double({ min: 0, max: 1e5, noNaN: true }),
    commitWindowBlocks: fc.integer({ min: 0, max: 50 }),
    revealDeadlineBlocks: fc.integer({ min: 51, max: 200 }),
    invalidCommitProbability: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('auction'),
    minFeeReductionBps: fc.integer({ min: 1, max: 5000 }),
    livenessBondTokens: fc.double({ min: 0, max: 1000, noNaN: true }),
    maxPendingProposals: fc.integer({ min: 1, max: 50 }),
    provingWindowHours: fc.double({ min: 0.01, max: 5, noNaN: true }),
    lateProverShare: fc.double({ min: 0, max: 1, noNaN: true }),
    maxFeeDoublings: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('proof-market'),
    minPriceShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rampUpMinutes: fc.double({ min: 0, max: 60, noNaN: true }),
    lockTimeoutMinutes: fc.double({ min: 0.5, max: 60, noNaN: true }),
    timeoutMinutes: fc.double({ min: 60, max: 300, noNaN: true }),
    collateralMultiple: fc.double({ min: 0, max: 20, noNaN: true }),
    slashBurnShare: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('multi-proof'),
    submissionWindowHours: fc.double({ min: 0.05, max: 3, noNaN: true }),
    submissionCostUsd: fc.double({ min: 0, max: 20, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('centralized'), backupTrigger: fc.constantFrom('governance', 'timeout'), backupPoolSize: fc.integer({ min: 0, max: 5 }) }),
);

const scenarioInput = fc.record({
  days: fc.integer({ min: 2, max: 30 }),
  batches: fc.integer({ min: 0, max: 150 }),
  fee: fc.double({ min: 0, max: 100, noNaN: true }),
  issuance: fc.double({ min: 0, max: 5, noNaN: true }),
  price: fc.double({ min: 0, max: 5, noNaN: true }),
  rho: fc.double({ min: 0, max: 0.5, noNaN: true }),
  classes: fc.tuple(proverClass('team'), proverClass('b')),
  pools: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { maxLength: 2 }),
  mechanism,
  seed: fc.integer({ min: 0, max: 1000 }),
});

describe('mechanism invariants over random valid scenarios', () => {
  it('conserve value, stay finite and non-negative, and attribute every win once', () => {
    fc.assert(
      fc.property(scenarioInput, (g) => {
        const scenario = parseScenario({
          name: 'mechanism-property',
          days: g.days,
          demand: { batchesPerDay: g.batches },
          rewards: { feeUsdPerBatch: g.fee, issuanceTokensPerBatch: g.issuance, tokenPriceUsd: g.price, redistributionShare: g.rho },
          provers: { classes: g.classes },
          outages: { correlatedEventsPerYear: 20, scheduled: [{ startHours: 20, durationHours: 10, classes: ['team'] }] },
          pools: { list: g.pools.map((feeShare, k) => ({ id: `pool-${k}`, feeShare })), memberClasses: ['b'] },
          mechanism: g.mechanism,
        });
        // simulate() checks the ledger (paid in + slashed = paid out, no negative balance) and NaN.
        const r = simulate(scenario, { seed: g.seed });
        assertRunInvariants(r);
        const D = r.daily;
        for (let d = 0; d < r.days; d++) {
          for (const col of ['hhi', 'hhi_by_member', 'hhi_30d_by_member', 'top1_reward_share_by_member', 'open_to_anyone_share', 'pooled_speed_share'] as const) {
            assert.ok(D[col][d] >= 0 && D[col][d] <= 1 + 1e-9, `${col} = ${D[col][d]} on day ${d}`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
