/**
 * Which active provers are up, for mechanisms that look at every prover on every batch (two-step
 * commits, multi-proof submissions). The set only changes at outage boundaries, so it is rebuilt only
 * when a batch falls past the next boundary, as the race does with its segments.
 */
import { DAYS_PER_YEAR, downUntil, outageBoundaries, HOURS_PER_DAY } from '../environment';
import type { World } from '../world';

/** The hour at which prover i can start working if asked at `hours` (the end of its outage, if down). */
export function readyAt(w: World, i: number, hours: number): number {
  const o = w.env.outages;
  if (o.none) return hours;
  const until = downUntil(o, i, hours);
  return until >= 0 ? until : hours;
}

/**
 * Expected share of time prover i is down (its class's independent outages plus correlated ones),
 * which a designated prover prices in: a batch assigned while it is down misses its window.
 */
export function downtimeShare(w: World, i: number): number {
  const p = w.provers;
  if (p.slotPool[i] >= 0) return 0;
  const c = w.scenario.provers.classes[p.classIndex[i]];
  const o = w.scenario.outages;
  const hours = c.outagesPerYear * c.meanOutageHours + o.correlatedEventsPerYear * o.correlatedAffectedShare * o.correlatedMeanHours;
  return Math.min(1, hours / (DAYS_PER_YEAR * HOURS_PER_DAY));
}

export class UpSet {
  /** Active provers up at the last `at` time: list[0..count). */
  readonly list: Int32Array;
  count = 0;
  private boundaries = new Float64Array(64);
  private nBoundaries = 0;
  private nextBoundary = 0;
  private validUntil = -Infinity;
  private validFrom = Infinity;

  constructor(n: number) {
    this.list = new Int32Array(n);
  }

  /** Collects today's outage boundaries of the active provers; call before the first `at` of a day. */
  beginDay(w: World): void {
    const p = w.provers;
    const o = w.env.outages;
    const from = w.dayStartHours;
    const to = from + HOURS_PER_DAY;
    let n = 0;
    if (!o.none) {
      for (let k = 0; k < p.activeCount; k++) {
        if (this.boundaries.length - n < 64) {
          const grown = new Float64Array(this.boundaries.length * 2);
          grown.set(this.boundaries);
          this.boundaries = grown;
        }
        n = outageBoundaries(o, p.activeList[k], from, to, this.boundaries, n);
      }
    }
    this.boundaries.subarray(0, n).sort();
    this.nBoundaries = n;
    this.nextBoundary = 0;
    this.validFrom = Infinity;
    this.validUntil = -Infinity;
  }

  /** Fills `list` with the active provers up at `hours` (fastest when calls within a day come in time order); returns the count. */
  at(w: World, hours: number): number {
    if (hours >= this.validFrom && hours < this.validUntil) return this.count;
    if (hours < this.validFrom) this.nextBoundary = 0;
    while (this.nextBoundary < this.nBoundaries && this.boundaries[this.nextBoundary] <= hours) this.nextBoundary++;
    this.validFrom = hours;
    this.validUntil = this.nextBoundary < this.nBoundaries ? this.boundaries[this.nextBoundary] : Infinity;
    const p = w.provers;
    const o = w.env.outages;
    let n = 0;
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      if (!o.none && downUntil(o, i, hours) >= 0) continue;
      this.list[n++] = i;
    }
    this.count = n;
    return n;
  }
}
