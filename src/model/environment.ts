/**
 * The exogenous environment of a run, tabulated per day before the run starts: proof demand, fees,
 * issuance, token price, cost-decline factors; and the outage schedule of every prover. Everything
 * here is drawn from streams that do not depend on the mechanism or on the parameter point's other
 * choices, so runs that share a seed see the same environment (common random numbers).
 */
import type { Rng } from './random';
import { tabulateCurve } from './scenario/curves';
import type { Scenario } from './scenario/schema';
import type { Provers } from './provers';
import { pow } from './math';

export const HOURS_PER_DAY = 24;
export const DAYS_PER_YEAR = 365;

export interface Environment {
  days: number;
  /** Batches posted per day (whole numbers). */
  batchesPerDay: Float64Array;
  feeUsdPerBatch: Float64Array;
  issuanceTokensPerBatch: Float64Array;
  tokenPriceUsd: Float64Array;
  /** Software efficiency multiplier of proving throughput, (1 + gain)^t. */
  efficiency: Float64Array;
  /** Per prover class: attempt-cost factor of perAttempt classes, (1 - decline)^t (1 for others). */
  classCostFactor: Float64Array[];
  /** Hardware kind ids, in the order used by Provers.kind. */
  hardwareIds: string[];
  outages: OutageSchedule;
}

/**
 * Outage intervals per prover in compressed rows: prover i's intervals are entries
 * offsets[i] .. offsets[i+1]-1 of start/end (hours since day 0), sorted and merged.
 */
export interface OutageSchedule {
  offsets: Int32Array;
  startHours: Float64Array;
  endHours: Float64Array;
  /** True when no prover ever fails (lets mechanisms skip outage checks). */
  none: boolean;
}

export function compileEnvironment(scenario: Scenario): Environment {
  const days = scenario.days;
  const classCostFactor = scenario.provers.classes.map((c) => {
    const f = new Float64Array(days);
    const decline = c.costModel.model === 'perAttempt' ? c.costModel.yearlyCostDecline : 0;
    for (let d = 0; d < days; d++) f[d] = pow(1 - decline, d / DAYS_PER_YEAR);
    return f;
  });
  const efficiency = new Float64Array(days);
  const gain = scenario.costs.proofEfficiencyGainPerYear;
  for (let d = 0; d < days; d++) efficiency[d] = pow(1 + gain, d / DAYS_PER_YEAR);
  const batchesPerDay = tabulateCurve(scenario.demand.batchesPerDay, days);
  for (let d = 0; d < days; d++) batchesPerDay[d] = Math.round(batchesPerDay[d]);
  return {
    days,
    batchesPerDay,
    feeUsdPerBatch: tabulateCurve(scenario.rewards.feeUsdPerBatch, days),
    issuanceTokensPerBatch: tabulateCurve(scenario.rewards.issuanceTokensPerBatch, days),
    tokenPriceUsd: tabulateCurve(scenario.rewards.tokenPriceUsd, days),
    efficiency,
    classCostFactor,
    hardwareIds: Object.keys(scenario.hardware),
    outages: { offsets: new Int32Array(1), startHours: new Float64Array(0), endHours: new Float64Array(0), none: true },
  };
}

/**
 * Draws every prover's outages for the whole horizon: independent failures per prover (Poisson
 * arrivals, exponential durations), correlated failures hitting each prover with a given probability,
 * and the scenario's scheduled failures. Overlapping intervals are merged.
 */
export function sampleOutages(scenario: Scenario, provers: Provers, rng: Rng): OutageSchedule {
  const horizonHours = scenario.days * HOURS_PER_DAY;
  const hoursPerYear = DAYS_PER_YEAR * HOURS_PER_DAY;
  const perProver: Array<Array<[number, number]>> = Array.from({ length: provers.n }, () => []);
  const classes = scenario.provers.classes;
  // Pool slots (after the individual provers) are never down: their hardware is their members'.
  const individuals = provers.nIndividuals;
  for (let i = 0; i < individuals; i++) {
    const c = classes[provers.classIndex[i]];
    if (c.outagesPerYear <= 0) continue;
    const rate = c.outagesPerYear / hoursPerYear;
    for (let t = rng.exponential(rate); t < horizonHours; t += rng.exponential(rate)) {
      const end = t + rng.exponential(1 / c.meanOutageHours);
      perProver[i].push([t, end]);
      t = end;
    }
  }
  const o = scenario.outages;
  if (o.correlatedEventsPerYear > 0) {
    const rate = o.correlatedEventsPerYear / hoursPerYear;
    for (let t = rng.exponential(rate); t < horizonHours; t += rng.exponential(rate)) {
      const end = t + rng.exponential(1 / o.correlatedMeanHours);
      for (let i = 0; i < individuals; i++) if (rng.bernoulli(o.correlatedAffectedShare)) perProver[i].push([t, end]);
    }
  }
  for (const s of o.scheduled) {
    const hit = new Set(s.classes.map((id) => classes.findIndex((c) => c.id === id)));
    for (let i = 0; i < individuals; i++) {
      if (hit.size === 0 || hit.has(provers.classIndex[i])) perProver[i].push([s.startHours, s.startHours + s.durationHours]);
    }
  }
  const offsets = new Int32Array(provers.n + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < provers.n; i++) {
    const list = perProver[i].sort((a, b) => a[0] - b[0]);
    for (const [s, e] of list) {
      const last = starts.length - 1;
      if (starts.length > offsets[i] && s <= ends[last]) ends[last] = Math.max(ends[last], e);
      else {
        starts.push(s);
        ends.push(e);
      }
    }
    offsets[i + 1] = starts.length;
  }
  return { offsets, startHours: Float64Array.from(starts), endHours: Float64Array.from(ends), none: starts.length === 0 };
}

/** Index of prover i's first outage interval that ends after `hours` (binary search). */
export function firstEndingAfter(s: OutageSchedule, i: number, hours: number): number {
  let lo = s.offsets[i];
  let hi = s.offsets[i + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.endHours[mid] <= hours) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** When prover i is down at `hours`: the end of that outage; otherwise -1. */
export function downUntil(s: OutageSchedule, i: number, hours: number): number {
  const k = firstEndingAfter(s, i, hours);
  return k < s.offsets[i + 1] && s.startHours[k] <= hours ? s.endHours[k] : -1;
}

/** Start of prover i's first outage starting after `hours` (Infinity if none). */
export function nextOutageStart(s: OutageSchedule, i: number, hours: number): number {
  for (let k = firstEndingAfter(s, i, hours); k < s.offsets[i + 1]; k++) if (s.startHours[k] > hours) return s.startHours[k];
  return Infinity;
}

/** Appends to `out` prover i's outage boundaries inside (fromHours, toHours); returns the new length. */
export function outageBoundaries(s: OutageSchedule, i: number, fromHours: number, toHours: number, out: Float64Array, length: number): number {
  for (let k = firstEndingAfter(s, i, fromHours); k < s.offsets[i + 1] && s.startHours[k] < toHours; k++) {
    if (s.startHours[k] > fromHours) out[length++] = s.startHours[k];
    if (s.endHours[k] < toHours) out[length++] = s.endHours[k];
  }
  return length;
}
