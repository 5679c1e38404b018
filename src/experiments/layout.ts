/** The files of a sweep's output folder. */

export const DAILY_FILE = 'daily.csv';
export const RUNS_FILE = 'runs.csv';
export const POINTS_FILE = 'points.csv';
export const TORNADO_FILE = 'tornado.csv';
export const MANIFEST_FILE = 'manifest.json';

/** Files of a folder holding a sweep (or one shard of it: summaries come with the merge). */
export function sweepFiles(plan: { daily: boolean; shard: { count: number } }): string[] {
  return [...(plan.daily ? [DAILY_FILE] : []), RUNS_FILE, ...(plan.shard.count === 1 ? [POINTS_FILE, TORNADO_FILE] : []), MANIFEST_FILE];
}
