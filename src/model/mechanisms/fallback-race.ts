/**
 * The open race that follows a designated prover's miss: once the batch's window has passed, any
 * active prover that is up may prove it; the first valid proof lands (DOMAIN.md: Taiko's open proving
 * after the window, Boundless's bounty for a late fulfilment). Drawn like the race: the winner with
 * probability speed / total speed, the time as Exponential(total speed).
 */
import { downUntil } from '../environment';
import type { World } from '../world';

export class FallbackRace {
  /** Winner of the last race (-1 when nobody was up) and when its proof landed, hours since day 0. */
  winner = -1;
  atHours = Infinity;
  private readonly racers: Int32Array;
  private readonly cumSpeed: Float64Array;

  constructor(n: number) {
    this.racers = new Int32Array(n);
    this.cumSpeed = new Float64Array(n);
  }

  /** Races from `startHours` among the active provers up then, except `exclude`; each racer pays one attempt. */
  run(w: World, startHours: number, exclude: number): void {
    const p = w.provers;
    const o = w.env.outages;
    let n = 0;
    let total = 0;
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      if (i === exclude || !(p.speed[i] > 0) || (!o.none && downUntil(o, i, startHours) >= 0)) continue;
      total += p.speed[i];
      this.racers[n] = i;
      this.cumSpeed[n] = total;
      n++;
    }
    this.winner = -1;
    this.atHours = Infinity;
    if (n === 0) return;
    const u = w.rng.uniform32() * total;
    let j = 0;
    while (j < n - 1 && this.cumSpeed[j] <= u) j++;
    for (let k = 0; k < n; k++) p.chargeAttempts(this.racers[k], 1);
    this.winner = this.racers[j];
    this.atHours = startHours + w.rng.exponential32(total);
  }
}
