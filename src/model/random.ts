import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { cos, exp, log } from './math';

/** The part of pure-rand's generator we use: a mutable stream of 32-bit integers. */
interface IntStream {
  next(): number;
}

/**
 * Mixes 32-bit words into one (the finaliser of MurmurHash3). Used only to derive stream seeds, so
 * that a run's streams are independent of each other and of how runs are scheduled.
 */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit FNV-1a hash of a string, for naming streams ("environment", a sweep point key, ...). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Derives a 32-bit seed from a master seed and any number of labels (numbers or strings). */
export function deriveSeed(master: number, ...labels: Array<number | string>): number {
  let h = mix32((master >>> 0) ^ 0x9e3779b9);
  for (const label of labels) {
    const word = typeof label === 'number' ? label >>> 0 : hashString(label);
    h = mix32(h ^ mix32(word + 0x7f4a7c15));
  }
  return h;
}

/**
 * The seed of replicate k of a master seed: of every point of a sweep alike, of seed k of a report,
 * and of run k of the browser explorer (so `prover-sim run --seed <it>` reproduces any of them).
 */
export function replicateSeed(masterSeed: number, replicate: number): number {
  return deriveSeed(masterSeed, replicate);
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * A seeded random stream (xoroshiro128+ from pure-rand) with the draws the model needs.
 * Every random draw in the model goes through one of these; nothing touches Math.random.
 */
export class Rng {
  private readonly source: IntStream;

  /** @param seed master seed; @param labels name the stream, so that streams never overlap */
  constructor(seed: number, ...labels: Array<number | string>) {
    const s = deriveSeed(seed, ...labels);
    // Four distinct non-zero state words from one seed (xoroshiro must not start from all zeros).
    const state = [mix32(s ^ 0x1b873593), mix32(s + 0x6a09e667), mix32(s ^ 0xbb67ae85), mix32(s + 0x3c6ef372) | 1];
    this.source = xoroshiro128plusFromState(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = (this.source.next() >>> 0) >>> 5; // 27 bits
    const lo = (this.source.next() >>> 0) >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /**
   * Uniform in [0, 1) with 32 random bits: half the cost of uniform(). For the hot paths where 2^-32
   * resolution is far below any effect: daily yes/no decisions with a given probability, choosing a
   * race winner, proof latencies (an exponential drawn from it is cut at 22.2 means, a tail of
   * probability 2e-10).
   */
  uniform32(): number {
    return (this.source.next() >>> 0) / TWO_POW_32;
  }

  /** Exponential with the given rate, from uniform32 (see there). */
  exponential32(rate: number): number {
    return -log(1 - this.uniform32()) / rate;
  }

  /** Uniform in (0, 1], safe to take a logarithm of. */
  uniformPositive(): number {
    return 1 - this.uniform();
  }

  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    return -log(this.uniformPositive()) / rate;
  }

  /** Standard normal (Box-Muller; one of the pair is discarded to keep the stream stateless). */
  normal(): number {
    const u = this.uniformPositive();
    const v = this.uniform();
    return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
  }

  /** Log-normal: exp(mu + sigma * Z). */
  logNormal(mu: number, sigma: number): number {
    return sigma === 0 ? exp(mu) : exp(mu + sigma * this.normal());
  }

  /** Uniform integer in [min, max], both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.uniform() * (max - min + 1));
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Raw 32-bit unsigned integer (for deriving further seeds). */
  uint32(): number {
    return (this.source.next() >>> 0) % TWO_POW_32;
  }
}
