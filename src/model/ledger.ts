/**
 * Where every dollar and token goes. Value enters from the rollup (fees in USD, issuance in tokens)
 * and from slashes of provers' stakes and bonds (tokens); it leaves to provers, pool operators,
 * front-running copiers, tokenholders, the treasury or burn. `check()` verifies that nothing was
 * created or lost and no balance went negative.
 */
import type { Provers } from './provers';

/** Cumulative flows of one currency. */
export interface Flows {
  /** Paid by the rollup (fees, issuance). */
  paidIn: number;
  /** Taken from provers' stakes, bonds and collateral by slashing. */
  slashed: number;
  provers: number;
  /** Fees kept by proving-pool operators. */
  pools: number;
  /** Prover rewards taken by mempool copiers who front-ran a revealed proof. */
  copiers: number;
  tokenholders: number;
  treasury: number;
  burned: number;
}

const emptyFlows = (): Flows => ({ paidIn: 0, slashed: 0, provers: 0, pools: 0, copiers: 0, tokenholders: 0, treasury: 0, burned: 0 });

/** Relative tolerance for float accumulation: far below a cent on totals of billions. */
const CONSERVATION_TOLERANCE = 1e-9;

export class Ledger {
  readonly usd: Flows = emptyFlows();
  readonly tokens: Flows = emptyFlows();
  /** Today's flows (reset each day), in USD at today's token price. */
  dayTokenholderUsd = 0;
  dayTreasuryUsd = 0;
  dayBurnedUsd = 0;
  dayProverRewardUsd = 0;
  /** Paid in by the rollup today (fees plus issuance). */
  dayPaidInUsd = 0;
  /** Slashed from provers today, and the part of it paid to other provers as bounties. */
  daySlashedUsd = 0;
  dayBountyUsd = 0;
  dayPoolFeesUsd = 0;
  dayCopierUsd = 0;
  /** Provers slashed today (each once), and what each lost today, USD. */
  readonly slashedToday: Int32Array;
  slashedTodayCount = 0;
  readonly daySlashedValueUsd: Float64Array;

  constructor(
    private readonly provers: Provers,
    private readonly redistributionShare: number,
    private readonly treasuryShare: number,
  ) {
    this.slashedToday = new Int32Array(provers.n);
    this.daySlashedValueUsd = new Float64Array(provers.n);
  }

  /**
   * Pays for `batches` proofs won by prover i, each worth `feeUsd` plus `tokens` issued, split between
   * the prover, tokenholders and the treasury.
   */
  payProofs(i: number, batches: number, feeUsd: number, tokens: number, tokenPriceUsd: number): void {
    if (batches <= 0) return;
    const fee = batches * feeUsd;
    const tok = batches * tokens;
    const { feeProver, tokProver } = this.payIn(fee, tok, tokenPriceUsd);
    this.usd.provers += feeProver;
    this.tokens.provers += tokProver;
    const p = this.provers;
    p.rewardUsd[i] += feeProver;
    p.rewardTokens[i] += tokProver;
    const value = feeProver + tokProver * tokenPriceUsd;
    p.rewardValueUsd[i] += value;
    p.dayRewardValueUsd[i] += value;
    this.dayProverRewardUsd += value;
  }

  /** Pays for `batches` proofs whose prover reward a front-running copier took (same split otherwise). */
  payCopier(batches: number, feeUsd: number, tokens: number, tokenPriceUsd: number): void {
    if (batches <= 0) return;
    const { feeProver, tokProver } = this.payIn(batches * feeUsd, batches * tokens, tokenPriceUsd);
    this.usd.copiers += feeProver;
    this.tokens.copiers += tokProver;
    this.dayCopierUsd += feeProver + tokProver * tokenPriceUsd;
  }

  /** Records a payment by the rollup and its tokenholder and treasury parts; returns the prover part. */
  private payIn(fee: number, tok: number, tokenPriceUsd: number): { feeProver: number; tokProver: number } {
    // The prover gets the remainder, so the three parts add up to what was paid in; when the shares
    // sum to 1 the remainder may be -1e-16 of rounding, which must not become a negative balance.
    const feeHolders = fee * this.redistributionShare;
    const feeTreasury = fee * this.treasuryShare;
    const tokHolders = tok * this.redistributionShare;
    const tokTreasury = tok * this.treasuryShare;
    this.usd.paidIn += fee;
    this.usd.tokenholders += feeHolders;
    this.usd.treasury += feeTreasury;
    this.tokens.paidIn += tok;
    this.tokens.tokenholders += tokHolders;
    this.tokens.treasury += tokTreasury;
    this.dayPaidInUsd += fee + tok * tokenPriceUsd;
    this.dayTokenholderUsd += feeHolders + tokHolders * tokenPriceUsd;
    this.dayTreasuryUsd += feeTreasury + tokTreasury * tokenPriceUsd;
    return { feeProver: Math.max(0, fee - feeHolders - feeTreasury), tokProver: Math.max(0, tok - tokHolders - tokTreasury) };
  }

  /**
   * Slashes `tokens` from prover i's stake or bond: `bountyTokens` of it (at most all) go to prover
   * `recipient` (-1: nobody), the rest is burned. The caller checks the stake covers the slash.
   */
  slash(i: number, tokens: number, recipient: number, bountyTokens: number, tokenPriceUsd: number): void {
    if (tokens <= 0) return;
    const bounty = recipient >= 0 ? Math.min(tokens, Math.max(0, bountyTokens)) : 0;
    const burned = tokens - bounty;
    const p = this.provers;
    this.tokens.slashed += tokens;
    this.tokens.burned += burned;
    p.slashedTokens[i] += tokens;
    p.slashedValueUsd[i] += tokens * tokenPriceUsd;
    this.daySlashedUsd += tokens * tokenPriceUsd;
    if (this.daySlashedValueUsd[i] === 0) this.slashedToday[this.slashedTodayCount++] = i;
    this.daySlashedValueUsd[i] += tokens * tokenPriceUsd;
    this.dayBurnedUsd += burned * tokenPriceUsd;
    if (bounty > 0) {
      this.tokens.provers += bounty;
      const value = bounty * tokenPriceUsd;
      p.rewardTokens[recipient] += bounty;
      p.rewardValueUsd[recipient] += value;
      p.dayRewardValueUsd[recipient] += value;
      this.dayProverRewardUsd += value;
      this.dayBountyUsd += value;
    }
  }

  /**
   * Moves a pool slot's rewards on to its members: the operator keeps `feeShare`, member k gets
   * `weights[k]` (summing to 1) of the rest. The slot's reward balances end at zero.
   */
  distributePool(slot: number, feeShare: number, members: ArrayLike<number>, weights: ArrayLike<number>, count: number, tokenPriceUsd: number): void {
    const p = this.provers;
    const usd = p.rewardUsd[slot];
    const tok = p.rewardTokens[slot];
    const value = p.rewardValueUsd[slot];
    if (usd === 0 && tok === 0) return;
    const feeUsd = usd * feeShare;
    const feeTok = tok * feeShare;
    this.usd.provers -= feeUsd;
    this.usd.pools += feeUsd;
    this.tokens.provers -= feeTok;
    this.tokens.pools += feeTok;
    const feeValue = feeUsd + feeTok * tokenPriceUsd;
    this.dayPoolFeesUsd += feeValue;
    this.dayProverRewardUsd -= feeValue;
    const keptValue = value * (1 - feeShare);
    for (let k = 0; k < count; k++) {
      const m = members[k];
      const w = weights[k];
      p.rewardUsd[m] += (usd - feeUsd) * w;
      p.rewardTokens[m] += (tok - feeTok) * w;
      p.rewardValueUsd[m] += keptValue * w;
    }
    p.rewardUsd[slot] = 0;
    p.rewardTokens[slot] = 0;
    p.rewardValueUsd[slot] = 0;
  }

  resetDay(): void {
    this.dayTokenholderUsd = 0;
    this.dayTreasuryUsd = 0;
    this.dayBurnedUsd = 0;
    this.dayProverRewardUsd = 0;
    this.dayPaidInUsd = 0;
    this.daySlashedUsd = 0;
    this.dayBountyUsd = 0;
    this.dayPoolFeesUsd = 0;
    this.dayCopierUsd = 0;
    for (let k = 0; k < this.slashedTodayCount; k++) this.daySlashedValueUsd[this.slashedToday[k]] = 0;
    this.slashedTodayCount = 0;
  }

  /** Throws when value was created or lost, or a balance is negative or not a number. */
  check(): void {
    for (const [currency, f] of [['USD', this.usd], ['tokens', this.tokens]] as const) {
      const into = f.paidIn + f.slashed;
      const out = f.provers + f.pools + f.copiers + f.tokenholders + f.treasury + f.burned;
      const parts = [f.paidIn, f.slashed, f.provers, f.pools, f.copiers, f.tokenholders, f.treasury, f.burned];
      const scale = Math.max(1, into);
      // A flow may dip below zero by rounding only (pool fees are moved out of the provers' flow).
      if (parts.some((v) => !Number.isFinite(v) || v < -CONSERVATION_TOLERANCE * scale)) {
        throw new Error(`ledger invariant: a ${currency} flow is negative or not a number: ${parts.join(', ')}`);
      }
      if (Math.abs(out - into) > CONSERVATION_TOLERANCE * scale) {
        throw new Error(`ledger invariant: ${currency} paid in and slashed ${into} but ${out} accounted for`);
      }
    }
    const p = this.provers;
    for (let i = 0; i < p.n; i++) {
      if (!(p.rewardUsd[i] >= 0 && p.rewardTokens[i] >= 0 && p.slashedTokens[i] >= 0)) throw new Error(`ledger invariant: prover ${i} has a negative or NaN balance`);
    }
  }
}
