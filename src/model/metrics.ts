/**
 * Decentralization and finality statistics over a set of non-negative amounts (proofs won,
 * rewards). Definitions follow BENCHMARK.md and DOMAIN.md section 4; HHI is a share in [0, 1]
 * (multiply by 10,000 for the antitrust convention).
 */

/** Sum of the first `n` values. */
export function total(values: ArrayLike<number>, n = values.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  return s;
}

/**
 * Least number of holders whose amounts add up to more than half the total (0 when the total is 0).
 * `sortedDesc` must be sorted in decreasing order.
 */
export function nakamotoCoefficient(sortedDesc: ArrayLike<number>, n = sortedDesc.length): number {
  const half = total(sortedDesc, n) / 2;
  if (half <= 0) return 0;
  let cum = 0;
  for (let k = 0; k < n; k++) {
    cum += sortedDesc[k];
    if (cum > half) return k + 1;
  }
  return n;
}

/** Herfindahl-Hirschman index: sum of squared shares, in [0, 1] (0 when the total is 0). */
export function hhi(values: ArrayLike<number>, n = values.length): number {
  const t = total(values, n);
  if (t <= 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] / t) ** 2;
  return s;
}

/** Gini coefficient in [0, 1] of amounts sorted in increasing order (0 when n < 2 or total is 0). */
export function gini(sortedAsc: ArrayLike<number>, n = sortedAsc.length): number {
  const t = total(sortedAsc, n);
  if (n < 2 || t <= 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * sortedAsc[i];
  return weighted / (n * t);
}

/** Shannon entropy of the shares, in bits (0 when the total is 0). */
export function entropyBits(values: ArrayLike<number>, n = values.length): number {
  const t = total(values, n);
  if (t <= 0) return 0;
  let h = 0;
  for (let i = 0; i < n; i++) {
    const p = values[i] / t;
    if (p > 0) h -= p * Math.log2(p);
  }
  return h;
}

/** Largest share (0 when the total is 0). */
export function topShare(values: ArrayLike<number>, n = values.length): number {
  const t = total(values, n);
  if (t <= 0) return 0;
  let m = 0;
  for (let i = 0; i < n; i++) if (values[i] > m) m = values[i];
  return m / t;
}

/** Nearest-rank quantile q in [0, 1] of values sorted in increasing order (0 when empty). */
export function quantileSorted(sortedAsc: ArrayLike<number>, q: number, n = sortedAsc.length): number {
  if (n === 0) return 0;
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return sortedAsc[rank - 1];
}

/** All concentration metrics of one set of amounts. */
export interface Concentration {
  nakamoto: number;
  hhi: number;
  gini: number;
  entropyBits: number;
  topShare: number;
}

/** Computes every concentration metric of `values[0..n)`; sorts `scratch` (length >= n) in place. */
export function concentration(values: ArrayLike<number>, n: number, scratch: Float64Array): Concentration {
  const sorted = scratch.subarray(0, n);
  for (let i = 0; i < n; i++) sorted[i] = values[i];
  sorted.sort();
  let cum = 0;
  let nakamoto = 0;
  const half = total(sorted, n) / 2;
  if (half > 0) {
    for (let k = n - 1; k >= 0; k--) {
      cum += sorted[k];
      if (cum > half) {
        nakamoto = n - k;
        break;
      }
    }
  }
  return { nakamoto, hhi: hhi(sorted, n), gini: gini(sorted, n), entropyBits: entropyBits(sorted, n), topShare: n ? (half > 0 ? sorted[n - 1] / (2 * half) : 0) : 0 };
}

/**
 * Amounts per holder summed over a sliding window of days, for window metrics (DOMAIN.md: use windows
 * of 7 days or more for block-share Nakamoto coefficients, arXiv 2403.13736).
 */
export class RollingAmounts {
  /** Amount per holder over the window. */
  readonly sums: Float64Array;
  /** Holders with an entry in the window (unordered), and each one's position in that list. */
  readonly holders: Int32Array;
  holderCount = 0;
  private readonly position: Int32Array;
  /** Number of days in the window on which each holder has an entry. */
  private readonly daysPresent: Int32Array;
  private readonly dayIndex: Int32Array;
  private readonly dayValue: Float64Array;
  private readonly dayCount: Int32Array;
  private day = 0;

  constructor(private readonly holdersMax: number, private readonly windowDays: number) {
    this.sums = new Float64Array(holdersMax);
    this.holders = new Int32Array(holdersMax);
    this.position = new Int32Array(holdersMax);
    this.daysPresent = new Int32Array(holdersMax);
    this.dayIndex = new Int32Array(holdersMax * windowDays);
    this.dayValue = new Float64Array(holdersMax * windowDays);
    this.dayCount = new Int32Array(windowDays);
  }

  /** Adds one day's amounts (holders idx[0..n), amounts val[holder]) and drops the day leaving the window. */
  push(idx: Int32Array, n: number, val: Float64Array): void {
    const slot = this.day % this.windowDays;
    const base = slot * this.holdersMax;
    for (let k = 0; k < this.dayCount[slot]; k++) {
      const i = this.dayIndex[base + k];
      this.sums[i] -= this.dayValue[base + k];
      if (--this.daysPresent[i] === 0) {
        this.sums[i] = 0; // clears float residue
        const last = this.holders[--this.holderCount];
        this.holders[this.position[i]] = last;
        this.position[last] = this.position[i];
      }
    }
    let m = 0;
    for (let k = 0; k < n; k++) {
      const i = idx[k];
      const v = val[i];
      if (v <= 0) continue;
      this.dayIndex[base + m] = i;
      this.dayValue[base + m] = v;
      m++;
      this.sums[i] += v;
      if (this.daysPresent[i]++ === 0) {
        this.position[i] = this.holderCount;
        this.holders[this.holderCount++] = i;
      }
    }
    this.dayCount[slot] = m;
    this.day++;
  }

  /** Concentration of the window's amounts. */
  concentration(scratch: Float64Array, values: Float64Array): Concentration {
    for (let k = 0; k < this.holderCount; k++) values[k] = this.sums[this.holders[k]];
    return concentration(values, this.holderCount, scratch);
  }
}
