/**
 * The invariants every run must keep, whatever the mechanism: value conserved to the cent, nothing
 * NaN or infinite, no negative balance, every batch posted either proven or missed, and every
 * proven batch's win attributed to exactly one class (those taken by front-running copiers aside).
 */
import assert from 'node:assert/strict';
import { DAILY_COLUMN_NAMES, type RunResult } from '../../src/model';

/**
 * @param toTheCent also require conservation within 0.01 in absolute terms; the mechanism property
 *   test leaves it out because its random token prices (down to 5e-324 USD) make bonds of 1e143
 *   tokens, where float sums carry a relative error only.
 */
export function assertRunInvariants(r: RunResult, { toTheCent = false } = {}): void {
  for (const f of [r.flows.usd, r.flows.tokens]) {
    for (const v of Object.values(f)) assert.ok(Number.isFinite(v) && v >= 0, `a flow is ${v}`);
    // Every dollar and token paid in (or slashed) reaches provers, pools, copiers, tokenholders,
    // treasury or burn.
    const into = f.paidIn + f.slashed;
    const out = f.provers + f.pools + f.copiers + f.tokenholders + f.treasury + f.burned;
    assert.ok(Math.abs(into - out) <= 1e-6 * Math.max(1, into), `${into} in, ${out} out`);
    if (toTheCent) assert.ok(Math.abs(into - out) < 0.01, `${into} in, ${out} out: not conserved to the cent`);
  }
  for (const name of DAILY_COLUMN_NAMES) for (const v of r.daily[name]) assert.ok(Number.isFinite(v), `${name} is ${v}`);
  const p = r.provers;
  for (let i = 0; i < p.id.length; i++) {
    assert.ok(p.rewardUsd[i] >= 0 && p.rewardTokens[i] >= 0 && p.attemptSpendUsd[i] >= 0 && p.fixedSpendUsd[i] >= 0);
    assert.ok(p.slashedValueUsd[i] >= 0 && p.capitalSpendUsd[i] >= 0);
    assert.ok(Number.isFinite(p.profitUsd[i]));
  }
  const D = r.daily;
  for (let d = 0; d < r.days; d++) {
    assert.equal(D.batches_proven[d] + D.missed_batches[d], D.batches_posted[d]);
    let wins = 0;
    for (let c = 0; c < r.classes.ids.length; c++) wins += r.classes.series.proofs_won[c * r.days + d];
    const attributed = D.batches_proven[d] - D.front_run_batches[d];
    assert.ok(Math.abs(wins - attributed) < 1e-9 * Math.max(1, attributed), `day ${d}: ${wins} wins for ${attributed} batches`);
    assert.ok(D.locked_capital_usd[d] >= 0 && D.slashed_usd[d] >= 0 && D.burned_usd[d] >= 0);
  }
}
