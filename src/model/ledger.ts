/**
 * Where every dollar and token paid in goes. Rewards enter from the rollup (fees in USD, issuance in
 * tokens) and leave to provers, tokenholders, the treasury or burn; `check()` verifies that nothing
 * was created or lost and no balance went negative.
 */
import type { Provers } from './provers';

/** Cumulative flows of one currency. */
export interface Flows {
  paidIn: number;
  provers: number;
  tokenholders: number;
  treasury: number;
  burned: number;
}

const emptyFlows = (): Flows => ({ paidIn: 0, provers: 0, tokenholders: 0, treasury: 0, burned: 0 });

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

  constructor(
    private readonly provers: Provers,
    private readonly redistributionShare: number,
    private readonly treasuryShare: number,
  ) {}

  /**
   * Pays for `batches` proofs won by prover i, each worth `feeUsd` plus `tokens` issued, split between
   * the prover, tokenholders and the treasury.
   */
  payProofs(i: number, batches: number, feeUsd: number, tokens: number, tokenPriceUsd: number): void {
    if (batches <= 0) return;
    const fee = batches * feeUsd;
    const tok = batches * tokens;
    // The prover gets the remainder, so the three parts add up to what was paid in; when the shares
    // sum to 1 the remainder may be -1e-16 of rounding, which must not become a negative balance.
    const feeHolders = fee * this.redistributionShare;
    const feeTreasury = fee * this.treasuryShare;
    const feeProver = Math.max(0, fee - feeHolders - feeTreasury);
    const tokHolders = tok * this.redistributionShare;
    const tokTreasury = tok * this.treasuryShare;
    const tokProver = Math.max(0, tok - tokHolders - tokTreasury);
    this.usd.paidIn += fee;
    this.usd.provers += feeProver;
    this.usd.tokenholders += feeHolders;
    this.usd.treasury += feeTreasury;
    this.tokens.paidIn += tok;
    this.tokens.provers += tokProver;
    this.tokens.tokenholders += tokHolders;
    this.tokens.treasury += tokTreasury;
    const p = this.provers;
    p.rewardUsd[i] += feeProver;
    p.rewardTokens[i] += tokProver;
    const value = feeProver + tokProver * tokenPriceUsd;
    p.rewardValueUsd[i] += value;
    p.dayRewardValueUsd[i] += value;
    this.dayProverRewardUsd += value;
    this.dayTokenholderUsd += feeHolders + tokHolders * tokenPriceUsd;
    this.dayTreasuryUsd += feeTreasury + tokTreasury * tokenPriceUsd;
  }

  resetDay(): void {
    this.dayTokenholderUsd = 0;
    this.dayTreasuryUsd = 0;
    this.dayBurnedUsd = 0;
    this.dayProverRewardUsd = 0;
  }

  /** Throws when value was created or lost, or a balance is negative or not a number. */
  check(): void {
    for (const [currency, f] of [['USD', this.usd], ['tokens', this.tokens]] as const) {
      const out = f.provers + f.tokenholders + f.treasury + f.burned;
      const parts = [f.paidIn, f.provers, f.tokenholders, f.treasury, f.burned];
      if (parts.some((v) => !Number.isFinite(v) || v < 0)) throw new Error(`ledger invariant: a ${currency} flow is negative or not a number: ${parts.join(', ')}`);
      if (Math.abs(out - f.paidIn) > CONSERVATION_TOLERANCE * Math.max(1, f.paidIn)) {
        throw new Error(`ledger invariant: ${currency} paid in ${f.paidIn} but ${out} accounted for`);
      }
    }
    const p = this.provers;
    for (let i = 0; i < p.n; i++) {
      if (!(p.rewardUsd[i] >= 0 && p.rewardTokens[i] >= 0)) throw new Error(`ledger invariant: prover ${i} has a negative or NaN balance`);
    }
  }
}
