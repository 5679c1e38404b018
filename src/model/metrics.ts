/**
 * Decentralization and finality statistics over a set of non-negative amounts (proofs won,
 * rewards). Definitions follow BENCHMARK.md and DOMAIN.md section 4; HHI is a share in [0, 1]
 * (multiply by 10,000 for the antitrust convention).
 */
import { log2 } from './math';

/**
 * Sorts a[0..n) in increasing order, in place. A plain quicksort with insertion sort for short runs:
 * on the short arrays sorted every simulated day it is several times faster than TypedArray#sort.
 */
export function sortAscending(a: Float64Array, n: number): void {
  // Counts of proofs won are small whole numbers: a counting sort is linear for them.
  let max = 0;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v > max) max = v;
    if (!(v >= 0 && v === Math.floor(v))) {
      integral = false;
      break;
    }
  }
  if (integral && n > 16 && max <= 4 * n + 64) countingSort(a, n, max);
  else quicksort(a, 0, n - 1);
}

let counts = new Int32Array(256);

function countingSort(a: Float64Array, n: number, max: number): void {
  if (counts.length <= max) counts = new Int32Array(2 * max + 2);
  counts.fill(0, 0, max + 1);
  for (let i = 0; i < n; i++) counts[a[i]]++;
  let k = 0;
  for (let v = 0; v <= max; v++) for (let c = counts[v]; c > 0; c--) a[k++] = v;
}

function quicksort(a: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    // Median of three as pivot, then Hoare partition.
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

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
  const t = total(sortedDesc, n);
  if (!(t > 0)) return 0;
  const half = t / 2;
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
  for (let i = 0; i < n; i++) s += (values[i] / t) * (values[i] / t);
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
    if (p > 0) h -= p * log2(p);
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

/**
 * Nakamoto coefficient of values[0..n) without a full sort: quickselect-style partitioning that only
 * descends into the part holding the 50% threshold (expected linear time). Reorders `values`.
 */
export function nakamotoUnsorted(values: Float64Array, n: number): number {
  const t = total(values, n);
  if (!(t > 0)) return 0;
  const half = t / 2;
  let lo = 0;
  let hi = n - 1;
  let taken = 0; // holders already counted (all larger than anything in [lo, hi])
  let cum = 0;
  while (lo <= hi) {
    if (hi - lo < 16) {
      // Few left: sort them in decreasing order and count.
      sortAscending(values.subarray(lo, hi + 1), hi - lo + 1);
      for (let k = hi; k >= lo; k--) {
        cum += values[k];
        taken++;
        if (cum > half) return taken;
      }
      return taken;
    }
    // Partition [lo, hi] so that the large values come first.
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    // [lo, j] >= pivot >= [i, hi]; elements between j and i equal the pivot.
    let bigSum = 0;
    for (let k = lo; k <= j; k++) bigSum += values[k];
    if (cum + bigSum > half) {
      hi = j;
    } else {
      cum += bigSum;
      taken += j - lo + 1;
      for (let k = j + 1; k < i; k++) {
        cum += values[k];
        taken++;
        if (cum > half) return taken;
      }
      lo = i;
    }
  }
  return taken;
}

/** Nakamoto coefficient and HHI of a set of amounts. */
export interface WindowConcentration {
  nakamoto: number;
  hhi: number;
}

/** All concentration metrics of one set of amounts. */
export interface Concentration {
  nakamoto: number;
  hhi: number;
  gini: number;
  entropyBits: number;
  topShare: number;
}

/** Computes every concentration metric of `values[0..n)`; sorts a copy in `scratch` (length >= n). */
export function concentration(values: ArrayLike<number>, n: number, scratch: Float64Array): Concentration {
  const sorted = scratch;
  for (let i = 0; i < n; i++) sorted[i] = values[i];
  sortAscending(sorted, n);
  const t = total(sorted, n);
  if (!(t > 0)) return { nakamoto: 0, hhi: 0, gini: 0, entropyBits: 0, topShare: 0 };
  // One pass for HHI, Gini and entropy; runs of equal amounts (common: counts of proofs won) share
  // one logarithm.
  let sumSquares = 0;
  let weighted = 0;
  let entropy = 0;
  let lastValue = -1;
  let lastTerm = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    const share = x / t; // not x*x/t^2: tiny amounts would underflow
    sumSquares += share * share;
    weighted += (2 * (i + 1) - n - 1) * x;
    if (x > 0) {
      if (x !== lastValue) {
        lastTerm = -share * log2(share);
        lastValue = x;
      }
      entropy += lastTerm;
    }
  }
  let cum = 0;
  let nakamoto = 0;
  const half = t / 2;
  for (let k = n - 1; k >= 0; k--) {
    cum += sorted[k];
    if (cum > half) {
      nakamoto = n - k;
      break;
    }
  }
  return { nakamoto, hhi: sumSquares, gini: n < 2 ? 0 : weighted / (n * t), entropyBits: entropy, topShare: sorted[n - 1] / t };
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

  /** Nakamoto coefficient and HHI of the window's amounts (`values` is scratch of length >= holders). */
  concentration(values: Float64Array): WindowConcentration {
    for (let k = 0; k < this.holderCount; k++) values[k] = this.sums[this.holders[k]];
    const h = hhi(values, this.holderCount);
    return { nakamoto: nakamotoUnsorted(values, this.holderCount), hhi: h };
  }
}
