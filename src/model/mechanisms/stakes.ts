/** Stakes as mechanisms see them: shared by the mechanisms that weigh, split or slash by stake. */
import type { World } from '../world';
import type { Mechanism } from './mechanism';

/**
 * Stake that counts for prover i: what it has locked (for a pool, what its members delegated), or for
 * a prover not taking part what it would lock on entry.
 */
export function stakeTokens(w: World, m: Mechanism, i: number): number {
  const p = w.provers;
  if (p.active[i] || p.poolOf[i] >= 0 || p.slotPool[i] >= 0) return w.collateral.stakeOf(i);
  return m.standingBondTokens?.(w, i) ?? 0;
}

/** Opportunity cost per day of the standing stake prover i locks itself (none for a pool slot: its members pay). */
export function mechanismCostOfStake(w: World, m: Mechanism, i: number): number {
  if (w.provers.slotPool[i] >= 0 || !m.standingBondTokens) return 0;
  return w.collateral.dailyCostUsd(w, i, m.standingBondTokens(w, i));
}

/** A prover's stake from a per-class table, or the mechanism's minimum for classes left out. */
export function classStakeTokens(w: World, i: number, byClass: Record<string, number>, minimum: number): number {
  const p = w.provers;
  if (p.slotPool[i] >= 0) return 0;
  const id = w.scenario.provers.classes[p.classIndex[i]].id;
  return byClass[id] ?? minimum;
}
