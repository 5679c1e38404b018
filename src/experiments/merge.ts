/**
 * Merging shard folders into what one machine writes for the whole sweep: the same daily.csv and
 * runs.csv (rows in run order, so the files are byte-identical), points.csv, tornado.csv and a
 * manifest listing every shard's sessions. Shard files are each in run order, so a streaming k-way
 * merge keeps memory flat however large they are. Everything is checked before anything is written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { environmentInfo } from '../io/manifest';
import { dailyHeader, headerLine, runsHeader } from './columns';
import { LineReader, leadingInteger } from './csv-read';
import { SweepError } from './errors';
import { AtomicFileWriter } from './files';
import { DAILY_FILE, MANIFEST_FILE, POINTS_FILE, RUNS_FILE, sweepFiles } from './layout';
import { describeShard, fingerprintDifference, manifestDesign, readManifest, writeManifest, type SweepManifest } from './manifest';
import { writeSummaries } from './point-summaries';
import { inShard, shardLabel, WHOLE } from './shard';
import { readTable, type TableRow } from './tables';
import type { TornadoRow } from './tornado';

export interface MergeResult {
  outDir: string;
  manifest: SweepManifest;
  files: string[];
  points: TableRow[];
  tornado: TornadoRow[];
  /** Things worth knowing that do not stop the merge (e.g. shards run by different versions). */
  warnings: string[];
}

/** Merges the shard folders `dirs` into `out`; `command` is recorded in the manifest. */
export function mergeShards(dirs: readonly string[], out: string, command = '(mergeShards)'): MergeResult {
  if (dirs.length === 0) throw new SweepError('merge: name the shard folders to merge');
  const outDir = path.resolve(out);
  const shards = dirs.map((d) => {
    const dir = path.resolve(d);
    const manifest = fs.existsSync(dir) ? readManifest(dir) : undefined;
    if (!manifest) throw new SweepError(`merge: ${d} is not a sweep folder (no ${MANIFEST_FILE})`);
    return { dir, manifest };
  });
  const first = shards[0].manifest;
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const { dir, manifest: m } of shards) {
    if (dir === outDir) throw new SweepError(`merge: --out ${out} is one of the shard folders; choose a new folder`);
    const differs = fingerprintDifference(first.fingerprint, m.fingerprint);
    if (differs) throw new SweepError(`merge: ${dir} is from a different sweep than ${shards[0].dir} (${differs} differ)`);
    if (m.shard.count !== count) throw new SweepError(`merge: ${dir} holds ${describeShard(m)} but ${shards[0].dir} holds ${describeShard(first)}`);
    if (seen.has(m.shard.index)) throw new SweepError(`merge: shard ${shardLabel(m.shard)} is given twice (${seen.get(m.shard.index)} and ${dir})`);
    seen.set(m.shard.index, dir);
    if (m.status !== 'complete') throw new SweepError(`merge: ${dir} (${describeShard(m)}) is not complete; finish it with --resume`);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new SweepError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  checkOutDir(outDir, out);
  const design = manifestDesign(first, path.join(shards[0].dir, MANIFEST_FILE));
  const classIds = first.scenario.provers.classes.map((c) => c.id);
  const runsHead = headerLine(runsHeader(first.paths, classIds)).trimEnd();
  for (const { dir, manifest: m } of shards) checkShardRuns(path.join(dir, RUNS_FILE), runsHead, m);

  const warnings: string[] = [];
  const versions = new Set(shards.map((s) => `${s.manifest.version} (${s.manifest.gitCommit})`));
  if (versions.size > 1) warnings.push(`shards were run by different versions: ${[...versions].join(', ')}`);

  fs.mkdirSync(outDir, { recursive: true });
  const ordered = [...shards].sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  mergeTables(ordered.map((s) => path.join(s.dir, RUNS_FILE)), path.join(outDir, RUNS_FILE), runsHead);
  if (first.daily) mergeTables(ordered.map((s) => path.join(s.dir, DAILY_FILE)), path.join(outDir, DAILY_FILE), headerLine(dailyHeader(first.paths)).trimEnd());
  const tornado = writeSummaries(outDir, { design, classIds });
  const files = sweepFiles({ daily: first.daily, shard: WHOLE });
  const manifest: SweepManifest = {
    ...first,
    status: 'complete',
    shard: WHOLE,
    shardRuns: first.totalRuns,
    files,
    sessions: ordered.flatMap((s) => s.manifest.sessions.map((session) => ({ ...session, shard: shardLabel(s.manifest.shard) }))),
    mergedFrom: ordered.map((s) => s.dir),
  };
  // The merge itself is a session too (it ran no runs), so the manifest says where and when.
  manifest.sessions.push({ startedAt: new Date().toISOString(), runs: 0, workers: 0, runsPerTask: 0, command, environment: environmentInfo() });
  writeManifest(outDir, manifest);
  return { outDir, manifest, files, points: readTable(path.join(outDir, POINTS_FILE)), tornado, warnings };
}

function checkOutDir(outDir: string, out: string): void {
  if (!fs.existsSync(outDir)) return;
  if (!fs.statSync(outDir).isDirectory()) throw new SweepError(`merge: --out ${out} is a file, not a folder`);
  const taken = [MANIFEST_FILE, RUNS_FILE, DAILY_FILE].filter((f) => fs.existsSync(path.join(outDir, f)));
  if (taken.length) throw new SweepError(`merge: --out ${out} already holds ${taken.join(', ')}; choose a new folder`);
}

/** A shard's runs.csv must list exactly its runs, in order, under this sweep's header. */
function checkShardRuns(file: string, header: string, m: SweepManifest): void {
  if (!fs.existsSync(file)) throw new SweepError(`merge: ${file} is missing`);
  const reader = new LineReader(file);
  try {
    if (reader.next() !== header) throw new SweepError(`merge: ${file} has other columns than this sweep's runs table`);
    let expected = m.shard.index;
    let rows = 0;
    for (let line = reader.next(); line !== undefined; line = reader.next()) {
      if (line === '') continue;
      const run = leadingInteger(line);
      if (run !== expected || !inShard(run, m.shard)) throw new SweepError(`merge: ${file} row ${rows + 1} is run ${line.split(',')[0]}, expected run ${expected}`);
      expected += m.shard.count;
      rows++;
    }
    if (rows !== m.shardRuns) throw new SweepError(`merge: ${file} has ${rows} runs, ${describeShard(m)} has ${m.shardRuns}`);
  } finally {
    reader.close();
  }
}

/**
 * Streams the rows of several files, each in run order, into one file in run order; a run's rows
 * (one in runs.csv, one per day in daily.csv) stay together.
 */
function mergeTables(inputs: string[], output: string, header: string): void {
  const readers = inputs.map((f) => new LineReader(f));
  const writer = new AtomicFileWriter(output);
  try {
    const heads = readers.map((r) => {
      if (r.next() !== header) throw new SweepError(`merge: ${r.file} has other columns than this sweep's`);
      return nextRow(r);
    });
    writer.write(`${header}\n`);
    let lastRun = -1;
    for (;;) {
      let k = -1;
      for (let i = 0; i < heads.length; i++) if (heads[i] && (k < 0 || heads[i]!.run < heads[k]!.run)) k = i;
      if (k < 0) break;
      const run = heads[k]!.run;
      if (!(run > lastRun)) throw new SweepError(`merge: ${readers[k].file} has rows of run ${run} out of order`);
      while (heads[k] && heads[k]!.run === run) {
        writer.write(`${heads[k]!.line}\n`);
        heads[k] = nextRow(readers[k]);
      }
      lastRun = run;
    }
    writer.commit();
  } catch (err) {
    writer.abandon();
    throw err;
  } finally {
    readers.forEach((r) => r.close());
  }
}

function nextRow(reader: LineReader): { line: string; run: number } | undefined {
  for (let line = reader.next(); line !== undefined; line = reader.next()) {
    if (line === '') continue;
    const run = leadingInteger(line);
    if (Number.isNaN(run)) throw new SweepError(`merge: ${reader.file} has a row that does not start with a run index`);
    return { line, run };
  }
  return undefined;
}
