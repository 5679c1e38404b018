/**
 * Slurm: the shipped scripts (deploy/slurm/) serve every sweep; what differs between sweeps is the
 * spec folder and the `sbatch` options, given on submit.sh's command line (defaults in the scripts'
 * #SBATCH lines: one CPU and 1 GB per task, which any node can schedule).
 */
import * as path from 'path';
import { SweepError } from '../experiments/errors';
import { ARGS_FILE } from './spec';

/** The shipped Slurm scripts (deploy/slurm/ of the package, beside dist/ and src/). */
export const SLURM_SCRIPTS_DIR = path.resolve(__dirname, '..', '..', 'deploy', 'slurm');

/** Resources per task; each unset one keeps the scripts' #SBATCH default (or the site's). */
export interface SlurmResources {
  /** CPUs per array task; the sweep runs that many worker threads. */
  cpusPerTask?: number;
  /** Memory per task in Slurm's notation (`2G`, `500M`). */
  mem?: string;
  /** Time limit per task in Slurm's notation (`90`, `04:00:00`, `1-12`). */
  time?: string;
  partition?: string;
  account?: string;
}

const FORMATS: Record<Exclude<keyof SlurmResources, 'cpusPerTask'>, [RegExp, string]> = {
  mem: [/^\d+[KMGT]?$/i, 'a size such as 2G or 500M'],
  time: [/^(\d+-\d+(:\d+){0,2}|\d+(:\d+){0,2})$/, 'minutes, HH:MM:SS or D-HH[:MM[:SS]]'],
  partition: [/^[\w.-]+$/, 'a partition name'],
  account: [/^[\w.-]+$/, 'an account name'],
};

/** Checks one resource option's text (throws SweepError naming the option and the format). */
export function checkSlurmResource(name: keyof typeof FORMATS, text: string): string {
  const [pattern, expected] = FORMATS[name];
  if (!pattern.test(text)) throw new SweepError(`--${name} ${text}: expected ${expected}`);
  return text;
}

/** The sbatch options for these resources (applied to the array tasks and to the merge job). */
export function sbatchOptions(r: SlurmResources): string[] {
  const out: string[] = [];
  if (r.cpusPerTask !== undefined) out.push(`--cpus-per-task=${r.cpusPerTask}`);
  if (r.mem !== undefined) out.push(`--mem=${checkSlurmResource('mem', r.mem)}`);
  if (r.time !== undefined) out.push(`--time=${checkSlurmResource('time', r.time)}`);
  if (r.partition !== undefined) out.push(`--partition=${checkSlurmResource('partition', r.partition)}`);
  if (r.account !== undefined) out.push(`--account=${checkSlurmResource('account', r.account)}`);
  return out;
}

/** The command that submits a spec folder's sweep: the shard array, then the merge after it. */
export function slurmSubmitCommand(specDir: string, shards: number, r: SlurmResources): string[] {
  return [path.join(SLURM_SCRIPTS_DIR, 'submit.sh'), path.join(specDir, ARGS_FILE), String(shards), ...sbatchOptions(r)];
}
