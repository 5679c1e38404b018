/**
 * Stage 4 of the day, proving: the mechanism proves the day's batches (recording wins, attempts,
 * payments and finality through the world), pools pass their results on to their members, and
 * stakes and bonds are charged their capital cost.
 */
import type { DayOutcome, Mechanism } from '../mechanisms';
import type { Pools } from '../pools';
import type { World } from '../world';

export function proveDay(w: World, mechanism: Mechanism, pools: Pools | null): DayOutcome {
  w.finality.reset();
  w.ledger.resetDay();
  w.collateral.resetDay();
  const outcome = mechanism.runDay(w);
  pools?.settle(w);
  w.collateral.endOfDay(w);
  return outcome;
}
