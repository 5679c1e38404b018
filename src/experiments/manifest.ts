/**
 * manifest.json of a sweep: what was run (resolved base scenario, design, master seed, seeds, shard,
 * version and git commit) and how (sessions with timings, host and worker count). Timings, hosts and
 * worker counts live here only, never in result rows, so results compare equal across machines.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../io/files';
import { gitCommit, packageVersion } from '../io/manifest';
import type { Scenario } from '../model/scenario/schema';
import type { DesignSpec, SweepDesign } from './design';
import { SweepError } from './errors';
import { MANIFEST_FILE } from './layout';
import type { ParamValue } from './params';
import type { SweepPlan } from './plan';
import { shardLabel, shardSize, type Shard } from './shard';

/** Hashes of what decides the results; two folders with equal fingerprints hold parts of one sweep. */
export interface SweepFingerprint {
  /** sha256 of the resolved base scenario's JSON (without its seed, the master seed). */
  scenario: string;
  /** sha256 of the swept paths and every point's values. */
  design: string;
  masterSeed: number;
  seeds: number;
  daily: boolean;
}

/** One invocation that ran runs into this folder (a resumed sweep has several). */
export interface SweepSession {
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  /** Runs this session ran. */
  runs: number;
  runsPerSecond?: number;
  /** Worker threads (0: in the main thread). */
  workers: number;
  /** Runs per batch at most (batches shrink towards the end of a session). */
  runsPerTask: number;
  command: string;
  environment: Record<string, string | number>;
  /** The shard the session ran (set on merged manifests, where sessions come from several shards). */
  shard?: string;
}

export interface SweepManifest {
  tool: 'prover-sim';
  kind: 'sweep';
  version: string;
  gitCommit: string;
  status: 'running' | 'complete';
  scenarioRef: string;
  masterSeed: number;
  seeds: number;
  /** How each run's seed and stream are derived (for readers of the files). */
  seeding: string;
  /** Parameter points of the design. */
  pointCount: number;
  totalRuns: number;
  shard: Shard;
  /** Runs in this folder's shard (totalRuns when not sharded). */
  shardRuns: number;
  /** Swept parameters (dotted paths), in column order. */
  paths: string[];
  /** Each swept parameter's value in the base scenario. */
  baseValues: ParamValue[];
  daily: boolean;
  /** How the points were made (grid values, ranges and sample, or design file). */
  design: DesignSpec;
  fingerprint: SweepFingerprint;
  files: string[];
  sessions: SweepSession[];
  /** Shard folders a merge combined. */
  mergedFrom?: string[];
  scenario: Scenario;
  /** Every point's values in `paths` order (point i is row i); last, as it can be long. */
  designPoints: ParamValue[][];
}

const SEEDING =
  'run r = point * seeds + replicate; seed = deriveSeed(masterSeed, replicate); streamKey = JSON of the point\'s swept values sorted by path (\'\' when nothing is swept); simulate(scenario, { seed, streamKey })';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Hash of a design's paths and points (also checks a manifest's designPoints on merge). */
export function designHash(paths: readonly string[], points: ReadonlyArray<readonly ParamValue[]>): string {
  return sha256(JSON.stringify({ paths, points }));
}

export function fingerprint(plan: SweepPlan): SweepFingerprint {
  return {
    // The seed field is the master seed, compared on its own below.
    scenario: sha256(JSON.stringify({ ...plan.base, seed: undefined })),
    design: designHash(plan.design.paths, plan.design.points),
    masterSeed: plan.masterSeed,
    seeds: plan.seeds,
    daily: plan.daily,
  };
}

/** The first field in which two fingerprints differ, named for an error message; undefined if equal. */
export function fingerprintDifference(a: SweepFingerprint, b: SweepFingerprint): string | undefined {
  const names: Record<keyof SweepFingerprint, string> = {
    scenario: 'the base scenario (scenario, --set, --days)',
    design: 'the parameter points (--grid, --range, --sample, --design)',
    masterSeed: 'the master seed (--seed)',
    seeds: 'the seeds per point (--seeds)',
    daily: 'daily rows (--no-daily)',
  };
  const differing = (Object.keys(names) as Array<keyof SweepFingerprint>).find((k) => a[k] !== b[k]);
  return differing && names[differing];
}

export function newManifest(plan: SweepPlan, files: string[]): SweepManifest {
  return {
    tool: 'prover-sim',
    kind: 'sweep',
    version: packageVersion(),
    gitCommit: gitCommit(),
    status: 'running',
    scenarioRef: plan.scenarioRef,
    masterSeed: plan.masterSeed,
    seeds: plan.seeds,
    seeding: SEEDING,
    pointCount: plan.design.points.length,
    totalRuns: plan.totalRuns,
    shard: plan.shard,
    shardRuns: shardSize(plan.totalRuns, plan.shard),
    paths: plan.design.paths,
    baseValues: plan.design.baseValues,
    daily: plan.daily,
    design: plan.design.spec,
    fingerprint: fingerprint(plan),
    files,
    sessions: [],
    scenario: plan.base,
    designPoints: plan.design.points,
  };
}

export function writeManifest(dir: string, manifest: SweepManifest): void {
  writeFileAtomic(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads a sweep folder's manifest, or undefined when the folder has none. */
export function readManifest(dir: string): SweepManifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return undefined;
  let parsed: Partial<SweepManifest>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SweepManifest>;
  } catch {
    throw new SweepError(`${file}: cannot be read as JSON`);
  }
  if (parsed.tool !== 'prover-sim' || parsed.kind !== 'sweep' || !parsed.fingerprint) throw new SweepError(`${file}: not the manifest of a prover-sim sweep`);
  return parsed as SweepManifest;
}

export function describeShard(m: SweepManifest): string {
  return m.shard.count > 1 ? `shard ${shardLabel(m.shard)}` : 'the sweep';
}

/** The design recorded in a manifest (checked against its fingerprint). */
export function manifestDesign(m: SweepManifest, where: string): SweepDesign {
  if (!Array.isArray(m.designPoints) || designHash(m.paths, m.designPoints) !== m.fingerprint.design) {
    throw new SweepError(`${where}: its designPoints do not match its fingerprint (edited by hand?)`);
  }
  return { paths: m.paths, points: m.designPoints, baseValues: m.baseValues, spec: m.design };
}
