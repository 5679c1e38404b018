/**
 * Shards: deterministic slices of a sweep for running it on several machines. Shard i of N holds
 * the runs whose index is i modulo N, so every shard gets a similar mix of parameter points (and of
 * slow and fast runs), and the union of the N shards is exactly the whole sweep.
 */
import { SweepError } from './errors';

export interface Shard {
  /** This shard, from 0 (Kubernetes' JOB_COMPLETION_INDEX and Slurm's array index count from 0). */
  index: number;
  /** How many shards the sweep is cut into. */
  count: number;
}

/** The whole sweep as one shard. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** Parses `--shard i/N` (0 <= i < N). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new SweepError(`--shard ${text}: expected i/N with whole numbers, 0 <= i < N (e.g. 0/4 ... 3/4)`);
  return checkShard({ index: Number(m[1]), count: Number(m[2]) }, text);
}

export function checkShard(shard: Shard, text = `${shard.index}/${shard.count}`): Shard {
  if (!Number.isInteger(shard.count) || shard.count < 1) throw new SweepError(`--shard ${text}: N must be at least 1`);
  if (!Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new SweepError(`--shard ${text}: i must be from 0 to ${shard.count - 1} (shards count from 0)`);
  }
  return shard;
}

export function inShard(run: number, shard: Shard): boolean {
  return run % shard.count === shard.index;
}

/** How many of `totalRuns` runs belong to a shard. */
export function shardSize(totalRuns: number, shard: Shard): number {
  return shard.index < totalRuns ? Math.floor((totalRuns - 1 - shard.index) / shard.count) + 1 : 0;
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
