/**
 * Validation against known results (DESIGN.md): the model must reproduce them in simple limits.
 * Each tolerance is justified next to its assertion.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenario, simulate, summarize } from '../src/model';
import { proverClass, raceScenario } from './helpers/scenarios';

const mean = (a: Float64Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s / (to - from);
};

describe('validation: free entry into a winner-take-all race', () => {
  // Identical provers, reward R per batch, cost c per attempt: with N active, each expects
  // B (R/N - c) a day. Entrants come while R/(N+1) > c, members leave while R/N < c, so N settles
  // at R/c (here 100/8 = 12.5: N in {12} is the only stable count) and profit is dissipated.
  const R = 100;
  const c = 8;
  const scenario = raceScenario([proverClass('team', 1, 2, c, { activeAtStart: 1 }), proverClass('open', 60, 2, c)], { days: 400 });
  const r = simulate(scenario, { seed: 3 });
  const s = summarize(r);

  it('settles near N = R / c', () => {
    const n = mean(r.daily.active_provers, 200, 400);
    // Stable set {12}; the daily exit/entry probabilities (0.2/0.1) let it wander by one at times.
    assert.ok(Math.abs(n - R / c) <= 1, `mean active provers ${n.toFixed(2)} vs R/c = ${R / c}`);
  });

  it('dissipates the reward in attempt costs', () => {
    // At N = 12, profit is R - N c = 4 of every 100 paid: anything below 10% means dissipated
    // (a monopolist would keep 100 - 8 = 92%).
    const kept = s.proverProfitUsd / s.proverRevenueUsd;
    assert.ok(kept < 0.1, `provers kept ${(100 * kept).toFixed(1)}% of rewards`);
    assert.ok(s.wastedAttemptShare > 0.85, `wasted ${s.wastedAttemptShare}`);
  });
});

describe('validation: race win shares with exponential latencies', () => {
  // Fixed active set (no entry, no exit) with speeds 1..4: P(win) = s_i / sum(s) = 0.1 .. 0.4.
  const classes = [1, 2, 3, 4].map((speed, k) => proverClass(`p${k}`, 1, speed, 0, { activeAtStart: 1 }));
  const scenario = raceScenario(classes, { days: 200, behaviour: { entryProbabilityPerDay: 0, exitProbabilityPerDay: 0, upgradeProbabilityPerDay: 0 } });
  const r = simulate(scenario, { seed: 11 });
  const batches = 200 * 144;

  it('matches s_i / sum(s)', () => {
    for (let k = 0; k < 4; k++) {
      const expected = (k + 1) / 10;
      const got = r.provers.proofsWon[k] / batches;
      // Binomial standard error sqrt(p(1-p)/n) <= 0.0029 at n = 28,800: allow 4 standard errors.
      const tol = 4 * Math.sqrt((expected * (1 - expected)) / batches);
      assert.ok(Math.abs(got - expected) < tol, `prover ${k}: ${got.toFixed(4)} vs ${expected} (tol ${tol.toFixed(4)})`);
    }
  });

  it('proves each batch after Exponential(sum s): mean delay 1/10 h', () => {
    const m = summarize(r).meanFinalityDelayHours;
    // Standard error of the mean of n exponentials is mean / sqrt(n) = 0.1/170: allow 4 of them.
    assert.ok(Math.abs(m - 0.1) < (4 * 0.1) / Math.sqrt(batches), `mean delay ${m}`);
  });
});

describe('validation: centralized prover', () => {
  const base = {
    name: 'central',
    days: 60,
    provers: {
      classes: [
        { id: 'team', count: 1, activeAtStart: 1, costModel: { model: 'hardware', hardware: 'h100', minUnits: 32, maxUnits: 32, speedSigma: 0 }, outagesPerYear: 0 },
        { id: 'backup', count: 10, costModel: { model: 'hardware', hardware: 'h100', minUnits: 8, maxUnits: 8, speedSigma: 0 }, outagesPerYear: 0 },
      ],
    },
    costs: { proofEfficiencyGainPerYear: 0 },
  };

  it('misses no deadline without failures', () => {
    const r = simulate(parseScenario({ ...base, mechanism: { kind: 'centralized' } }));
    const s = summarize(r);
    // 32 H100 at 0.5 proofs/h each: latency Exponential(16/h), P(> 2 h) = e^-32 per batch.
    assert.equal(s.missedDeadlines, 0);
    assert.ok(s.maxFinalityDelayHours < 2);
    assert.equal(s.top1RewardShare30dLastYear, 1);
  });

  for (const G of [12, 48]) {
    it(`a failure with governance delay ${G} h leaves a finality gap of about ${G} h`, () => {
      const r = simulate(
        parseScenario({
          ...base,
          outages: { scheduled: [{ startHours: 240, durationHours: 200, classes: ['team'] }] },
          mechanism: { kind: 'centralized', backupTrigger: 'governance', governanceDelayHours: G, backupPoolSize: 10 },
        }),
      );
      const s = summarize(r);
      // The first batch after the failure waits G hours, then the backup pool of 10 x 8 H100
      // (40 proofs/h together) proves it: expected extra 1.5 min; 1 h covers it with P = 1 - e^-40.
      assert.ok(s.maxFinalityDelayHours >= G && s.maxFinalityDelayHours < G + 1, `max delay ${s.maxFinalityDelayHours} h`);
      // Every batch posted during the 200 h outage is proven by the pool: those posted before the
      // gate opened wait for it (6 batches an hour, so 1,200; the last one or two may go to the
      // recovered operator if the pool's race outlasts the outage).
      const backupWins = r.provers.proofsWon.slice(1).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(backupWins - 1200) <= 2, `backup proved ${backupWins}, expected about 1200`);
      // Batches waiting longer than the 2 h deadline: those posted in the first G - 2 hours.
      const missed = s.missedDeadlines;
      assert.ok(Math.abs(missed - (G - 2) * 6) <= 2, `missed deadlines ${missed}, expected about ${(G - 2) * 6}`);
    });
  }

  it('a protocol timeout opens the pool after the timeout instead', () => {
    const r = simulate(
      parseScenario({
        ...base,
        outages: { scheduled: [{ startHours: 240, durationHours: 200, classes: ['team'] }] },
        mechanism: { kind: 'centralized', backupTrigger: 'timeout', timeoutHours: 2, backupPoolSize: 10 },
      }),
    );
    const s = summarize(r);
    assert.ok(s.maxFinalityDelayHours >= 2 && s.maxFinalityDelayHours < 3, `max delay ${s.maxFinalityDelayHours}`);
  });
});
