import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classesFrame, dailyFrame, proversFrame } from '../src/frames';
import { loadScenario } from '../src/io';
import { DAILY_COLUMN_NAMES, simulate } from '../src/model';

describe('danfojs frames through the library', () => {
  const r = simulate(loadScenario('permissionless-race', { days: 40 }).scenario);

  it('daily frame: one row per day, the daily columns, values as in the run', () => {
    const df = dailyFrame(r);
    assert.deepEqual(df.shape, [40, DAILY_COLUMN_NAMES.length]);
    assert.deepEqual(df.columns, [...DAILY_COLUMN_NAMES]);
    assert.deepEqual(df['active_provers'].values, Array.from(r.daily.active_provers));
    const described = df.describe();
    assert.ok(described.index.includes('mean'));
  });

  it('per-class frame groups by class to the daily totals', () => {
    const byClass = classesFrame(r).groupby(['class']).col(['proofs_won']).sum();
    const total = (byClass['proofs_won_sum'].values as number[]).reduce((a, b) => a + b, 0);
    assert.equal(total, r.daily.batches_proven.reduce((a, b) => a + b, 0));
  });

  it('provers frame has one row per potential prover and can be queried', () => {
    const df = proversFrame(r);
    assert.equal(df.shape[0], r.provers.id.length);
    const winners = df.query(df['proofs_won'].gt(0));
    assert.equal(winners.shape[0], Array.from(r.provers.proofsWon).filter((w) => w > 0).length);
  });
});
