/**
 * Messages between the explorer page and its Web Worker. The page asks; the worker validates (and
 * says why an input cannot run), or runs the seeds one after the other, reporting after each.
 */
import type { ExploreInvalid, ExploreRequest, ExploreResult } from './engine';

export type ToWorker = { id: number; kind: 'validate' | 'run'; request: ExploreRequest };

export type FromWorker =
  | { id: number; kind: 'invalid'; invalid: ExploreInvalid }
  /** The input can run, with these seeds (seed k = replicateSeed(master seed, k)). */
  | { id: number; kind: 'valid'; seeds: number[] }
  | { id: number; kind: 'progress'; done: number; total: number; ms: number }
  | { id: number; kind: 'result'; result: ExploreResult; totalMs: number }
  /** Something that is not the input's fault (a broken invariant): shown as it is. */
  | { id: number; kind: 'error'; message: string };
