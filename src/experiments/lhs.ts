/**
 * Latin hypercube samples: N points in which every parameter's range is cut into N equal strata and
 * each stratum holds exactly one point. Seeded: the same seed gives the same design.
 */
import { Rng } from '../model/random';
import { SweepError } from './errors';
import { canonicalNumber } from './params';

/** A swept range: continuous, or whole numbers lo..hi (both included) for integer fields. */
export interface ParamRange {
  lo: number;
  hi: number;
  wholeNumbers: boolean;
}

/** Parses one `--range path=lo:hi` option (lo may equal hi; lo > hi is an error). */
export function parseRangeOption(text: string): { path: string; lo: number; hi: number } {
  const m = /^([^=]+)=([^:]+):([^:]+)$/.exec(text);
  if (!m) throw new SweepError(`--range ${text}: expected path=lo:hi, e.g. rewards.redistributionShare=0:0.5`);
  const path = m[1].trim();
  const lo = Number(m[2]);
  const hi = Number(m[3]);
  if (m[2].trim() === '' || !Number.isFinite(lo)) throw new SweepError(`--range ${path}: lo "${m[2]}" is not a number`);
  if (m[3].trim() === '' || !Number.isFinite(hi)) throw new SweepError(`--range ${path}: hi "${m[3]}" is not a number`);
  return { path, lo, hi };
}

/** Checks a range (lo <= hi; whole-number ends for whole-number fields). */
export function checkRange(path: string, r: ParamRange): void {
  if (!(r.lo <= r.hi)) throw new SweepError(`--range ${path}=${r.lo}:${r.hi}: lo must not exceed hi`);
  if (r.wholeNumbers && !(Number.isInteger(r.lo) && Number.isInteger(r.hi))) {
    throw new SweepError(`--range ${path}=${r.lo}:${r.hi}: the field holds whole numbers, so lo and hi must be whole numbers`);
  }
}

/** Parses `--sample lhs:N`. */
export function parseSampleOption(text: string): { method: 'lhs'; count: number } {
  const m = /^lhs:(\d+)$/.exec(text.trim());
  const count = m ? Number(m[1]) : NaN;
  if (!m || count < 1 || count > 10_000_000) throw new SweepError(`--sample ${text}: expected lhs:N with N a whole number from 1 (e.g. lhs:200)`);
  return { method: 'lhs', count };
}

/**
 * Unit-cube Latin hypercube: `count` rows of `dims` coordinates in [0, 1). Column j holds one draw
 * in each stratum [k/count, (k+1)/count), the strata shuffled independently per column.
 */
export function latinHypercube(count: number, dims: number, rng: Rng): Float64Array[] {
  const rows = Array.from({ length: count }, () => new Float64Array(dims));
  const strata = new Int32Array(count);
  for (let j = 0; j < dims; j++) {
    for (let k = 0; k < count; k++) strata[k] = k;
    for (let k = count - 1; k > 0; k--) {
      const swap = rng.integer(0, k);
      const t = strata[k];
      strata[k] = strata[swap];
      strata[swap] = t;
    }
    for (let i = 0; i < count; i++) rows[i][j] = (strata[i] + rng.uniform()) / count;
  }
  return rows;
}

/** A unit coordinate mapped into a range: whole numbers take equal shares of [0, 1). */
export function scaleToRange(u: number, r: ParamRange): number {
  if (r.wholeNumbers) return Math.min(r.hi, r.lo + Math.floor(u * (r.hi - r.lo + 1)));
  return canonicalNumber(r.lo + u * (r.hi - r.lo));
}
