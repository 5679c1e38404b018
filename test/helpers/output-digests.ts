/**
 * "Same bytes": a few small `run`, `sweep`, `merge` and `compare` commands run through the real
 * command line, and a SHA-256 digest of every file they write. test/output-digests.test.ts compares
 * them with the committed test/fixtures/output-digests.json, so a change meant only to make things
 * faster (formatting, buffering, workers, loading) cannot change a byte of any output unnoticed.
 *
 * Manifests hold how and where a command ran (git commit, timings, host, batch size); they are
 * compared on their other fields only, with the command's folder written as "<dir>".
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const BIN = path.resolve(__dirname, '..', '..', 'bin', 'prover-sim.js');
export const DIGESTS_FILE = path.resolve(__dirname, '..', 'fixtures', 'output-digests.json');

/** Fields of a manifest that say how, where or by which build a command ran, not what it wrote. */
const VOLATILE_FIELDS = new Set(['gitCommit', 'version', 'durationMs', 'environment', 'startedAt', 'finishedAt', 'runsPerSecond', 'runsPerTask']);

const SWEEP = ['sweep', 'proving-pools', '--grid', 'mechanism.kind=race,centralized', '--grid', 'rewards.redistributionShare=0,0.3', '--seeds', '3', '--days', '20', '--seed', '5', '--quiet'];

/** Each command writes the folder named by its --out, relative to one working folder. */
export const COMMANDS: ReadonlyArray<readonly string[]> = [
  ['run', 'race-reference', '--days', '60', '--seed', '7', '--out', 'run-race'],
  ['run', 'proving-pools', '--days', '90', '--seed', '11', '--set', 'rewards.redistributionShare=0.3', '--out', 'run-pools'],
  [...SWEEP, '--workers', '2', '--out', 'sweep-w2'],
  [...SWEEP, '--workers', '1', '--out', 'sweep-w1'],
  [...SWEEP, '--workers', '0', '--out', 'sweep-w0'],
  [...SWEEP, '--workers', '2', '--shard', '0/2', '--out', 'shard-0'],
  [...SWEEP, '--workers', '1', '--shard', '1/2', '--out', 'shard-1'],
  ['merge', 'shard-1', 'shard-0', '--out', 'merged'],
  ['sweep', 'permissionless-race', '--range', 'rewards.redistributionShare=0:0.5', '--range', 'behaviour.entryProbabilityPerDay=0.01:0.2', '--sample', 'lhs:4', '--seeds', '2', '--days', '15', '--no-daily', '--workers', '2', '--quiet', '--out', 'lhs'],
  ['compare', 'permissionless-race', '--mechanisms', 'race,centralized,staking', '--seeds', '3', '--days', '30', '--out', 'compare'],
];

/** Folders whose result files (all but the manifest) must equal those of `sweep-w2`, byte for byte. */
export const SAME_AS_SWEEP = ['sweep-w1', 'sweep-w0', 'merged'];

/** Output folder -> file -> digest. */
export type Digests = Record<string, Record<string, string>>;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function deterministic(value: unknown, dir: string): unknown {
  if (typeof value === 'string') return value.split(dir).join('<dir>');
  if (Array.isArray(value)) return value.map((v) => deterministic(v, dir));
  if (value && typeof value === 'object') {
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!VOLATILE_FIELDS.has(k)) kept[k] = deterministic(v, dir);
    return kept;
  }
  return value;
}

/** Digest of a file; a manifest's of its deterministic fields. */
export function fileDigest(file: string, dir: string): string {
  const bytes = fs.readFileSync(file);
  if (path.basename(file) !== 'manifest.json') return sha256(bytes);
  return sha256(JSON.stringify(deterministic(JSON.parse(bytes.toString('utf8')), dir), null, 2));
}

/** Runs every command in `dir` (a new empty folder) with the built CLI; returns the digests of what they wrote. */
export function produceDigests(dir: string): Digests {
  const digests: Digests = {};
  for (const args of COMMANDS) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`prover-sim ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
    const out = args[args.indexOf('--out') + 1];
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(path.join(dir, out)).sort()) files[name] = fileDigest(path.join(dir, out, name), dir);
    digests[out] = files;
  }
  return digests;
}

/** The result files of `folder` that differ from the whole sweep's (worker count, order and shards must not matter). */
export function differingFromSweep(d: Digests, folder: string): string[] {
  const whole = d['sweep-w2'];
  const names = new Set([...Object.keys(whole), ...Object.keys(d[folder])].filter((n) => n !== 'manifest.json'));
  return [...names].filter((n) => whole[n] !== d[folder][n]);
}
