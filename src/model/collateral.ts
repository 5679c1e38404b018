/**
 * Stakes, bonds and collateral that mechanisms make provers lock, in the protocol's token (valued at
 * the day's token price): what is locked, what it costs in forgone yield, when it is released, and
 * best-effort slashing through the Ledger.
 *
 * - A standing stake or bond is locked while the prover takes part and, after it leaves, for the
 *   mechanism's withdrawal delay; it costs capitalCostPerYear of its value every day it is locked.
 * - Collateral locked per pending batch (a proof-market lock) costs the same rate for the hours it
 *   is locked.
 * - A slash takes at most what is locked ("best effort", as Taiko's ProverAuction). A mechanism
 *   whose provers must stay registered has them top the stake back up, so the slash is a pure cost;
 *   otherwise the bond shrinks (and may fall below a forced-exit threshold).
 *
 * A pool slot locks nothing of its own stake: its members' stakes count for it (`delegatedTokens`),
 * and what the slot itself is charged (seat bonds, collateral, slashes) is passed on to its members.
 */
import { DAYS_PER_YEAR, HOURS_PER_DAY } from './environment';
import type { World } from './world';

const HOURS_PER_YEAR = DAYS_PER_YEAR * HOURS_PER_DAY;

export class Collateral {
  /** Tokens each prover has locked itself (stake or bond). */
  readonly bondTokens: Float64Array;
  /** Members' stakes that count for a pool slot (0 for individual provers). */
  readonly delegatedTokens: Float64Array;
  /** Day from which a released bond is returned (Infinity while the prover still needs it). */
  readonly releaseDay: Float64Array;
  /** True once anything was locked: lets runs without stakes skip the daily pass. */
  private used = false;
  /** Today's opportunity cost of everything locked, USD, in total and by class (pool slots last). */
  dayCapitalCostUsd = 0;
  readonly dayCapitalCostByClass: Float64Array;
  /** Token-hours of per-batch collateral locked today. */
  private dayJobTokenHours = 0;
  /** Value locked at the end of the day (standing bonds plus today's average per-batch collateral), USD. */
  dayLockedUsd = 0;

  constructor(n: number, classCount: number) {
    this.bondTokens = new Float64Array(n);
    this.delegatedTokens = new Float64Array(n);
    this.releaseDay = new Float64Array(n).fill(Infinity);
    this.dayCapitalCostByClass = new Float64Array(classCount + 1);
  }

  /** Stake that counts for prover i in a mechanism: its own plus, for a pool, its members'. */
  stakeOf(i: number): number {
    return this.bondTokens[i] + this.delegatedTokens[i];
  }

  /** Locks (at least) `tokens` for prover i until released; re-locking cancels a pending release. */
  lock(i: number, tokens: number): void {
    if (tokens > this.bondTokens[i]) this.bondTokens[i] = tokens;
    this.releaseDay[i] = Infinity;
    if (tokens > 0) this.used = true;
  }

  /** Starts the withdrawal of prover i's bond: it is returned on `day` (and costs capital until then). */
  release(i: number, day: number): void {
    if (this.bondTokens[i] > 0) this.releaseDay[i] = Math.min(this.releaseDay[i], day);
  }

  /** Opportunity cost per day of locking `tokens` for prover i at today's token price, USD. */
  dailyCostUsd(w: World, i: number, tokens: number): number {
    return (tokens * w.env.tokenPriceUsd[w.day] * w.provers.capitalCostPerYear[i]) / DAYS_PER_YEAR;
  }

  /**
   * Slashes up to `tokens` from prover i (what it has locked, or for a pool slot what its members
   * delegated): `recipientShare` of it goes to prover `recipient` (-1: all burned). With `topUp` the
   * prover restores its stake at once. Returns the tokens actually slashed.
   */
  slash(w: World, i: number, tokens: number, recipient: number, recipientShare: number, topUp: boolean): number {
    const amount = Math.min(Math.max(0, tokens), this.stakeOf(i));
    if (amount <= 0) return 0;
    w.ledger.slash(i, amount, recipient, amount * recipientShare, w.env.tokenPriceUsd[w.day]);
    if (!topUp) {
      const own = Math.min(amount, this.bondTokens[i]);
      this.bondTokens[i] -= own;
      this.delegatedTokens[i] -= amount - own;
    }
    return amount;
  }

  /**
   * Slashes collateral prover i locked for one batch (`tokens`, all of it): `recipientShare` goes to
   * prover `recipient` (-1: all burned).
   */
  slashLocked(w: World, i: number, tokens: number, recipient: number, recipientShare: number): void {
    if (tokens > 0) w.ledger.slash(i, tokens, recipient, tokens * recipientShare, w.env.tokenPriceUsd[w.day]);
  }

  /** Charges prover i the opportunity cost of `tokens` of collateral locked for `hours`. */
  chargeLock(w: World, i: number, tokens: number, hours: number): void {
    if (tokens <= 0 || hours <= 0) return;
    const cost = (tokens * w.env.tokenPriceUsd[w.day] * w.provers.capitalCostPerYear[i] * hours) / HOURS_PER_YEAR;
    this.charge(w, i, cost);
    this.dayJobTokenHours += tokens * hours;
  }

  private charge(w: World, i: number, costUsd: number): void {
    const p = w.provers;
    p.capitalSpendUsd[i] += costUsd;
    this.dayCapitalCostUsd += costUsd;
    this.dayCapitalCostByClass[p.classIndex[i]] += costUsd;
  }

  /** Clears today's totals (before the mechanism runs). */
  resetDay(): void {
    this.dayCapitalCostUsd = 0;
    this.dayCapitalCostByClass.fill(0);
    this.dayJobTokenHours = 0;
  }

  /** Charges today's cost of standing bonds, returns those whose withdrawal delay is over, and totals what is locked. */
  endOfDay(w: World): void {
    const price = w.env.tokenPriceUsd[w.day];
    let locked = this.dayJobTokenHours / HOURS_PER_DAY;
    if (this.used) {
      const bonds = this.bondTokens;
      for (let i = 0; i < bonds.length; i++) {
        if (bonds[i] <= 0) continue;
        if (this.releaseDay[i] <= w.day) {
          bonds[i] = 0;
          this.releaseDay[i] = Infinity;
          continue;
        }
        this.charge(w, i, this.dailyCostUsd(w, i, bonds[i]));
        locked += bonds[i];
      }
    }
    this.dayLockedUsd = locked * price;
  }
}
