/**
 * The sweep spec: what a cluster runner needs to run a sweep, as data. Its heart is `sweep.args`,
 * the arguments of `prover-sim sweep` one per line (scenario first), beside the files they name (a
 * scenario file, a design file) copied into the same folder, so the folder holds the whole sweep
 * and a file edited on the laptop later cannot change shards that start later. The runners read it
 * from the spec folder (`cd` there first, so file names resolve) and add only what differs between
 * tasks: `--shard i/N`, `--workers`, `--resume`, `--out`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeFiles } from '../io/files';
import { SweepError } from '../experiments/errors';

/** The file of the sweep's arguments in a spec folder. */
export const ARGS_FILE = 'sweep.args';
/** Names of the copied input files in a spec folder. */
export const SCENARIO_FILE = 'scenario.json';
export const DESIGN_FILE = 'design.csv';

export interface SweepSpec {
  /** `prover-sim sweep` arguments, scenario first; file arguments name files of the spec folder. */
  args: string[];
  /** The files the arguments name, by name in the spec folder, with their contents. */
  inputs: Record<string, string>;
  /** Shards the sweep is cut into (array tasks, Job completions). */
  shards: number;
  /** What the sweep is, for messages: runs, points, seeds, scenario as the user named it. */
  totalRuns: number;
  pointCount: number;
  seeds: number;
  scenarioRef: string;
}

/** The text of `sweep.args`: one argument per line (bash reads it with `mapfile -t`). */
export function formatArgs(args: readonly string[]): string {
  for (const a of args) {
    if (/[\r\n]/.test(a)) throw new SweepError(`deploy: the sweep argument ${JSON.stringify(a)} spans lines; sweep.args holds one argument per line`);
  }
  return `${args.join('\n')}\n`;
}

/** The arguments of a `sweep.args` text (the inverse of formatArgs). */
export function parseArgs(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/** The spec folder's files: sweep.args and the inputs it names. */
export function specFiles(spec: SweepSpec): Record<string, string> {
  return { [ARGS_FILE]: formatArgs(spec.args), ...spec.inputs };
}

/**
 * Checks that `dir` can take this spec: a new or empty folder, or one holding this same spec (so
 * re-running the command, e.g. for other resources, is fine, but a folder whose shards hold
 * another sweep is never repointed). Throws SweepError naming the folder.
 */
export function checkSpecDir(dir: string, files: Record<string, string>): void {
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw new SweepError(`--out ${dir}: is a file, not a folder`);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') !== text) {
      throw new SweepError(`--out ${dir}: already holds another sweep (its ${name} differs); choose another --out`);
    }
  }
}

/** Writes the spec folder (and `extra` target files) after checking it; returns the file names. */
export function writeSpec(dir: string, spec: SweepSpec, extra: Record<string, string> = {}): string[] {
  const files = { ...specFiles(spec), ...extra };
  checkSpecDir(dir, specFiles(spec));
  writeFiles(dir, files);
  return Object.keys(files);
}

/** Quotes a word for a POSIX shell when it needs it (for commands printed to be pasted). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
