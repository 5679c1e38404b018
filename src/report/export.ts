/**
 * exportReport: the whole of a report, used by `prover-sim report` and by notebooks alike, as a
 * pipeline whose data flows one way through four stages, one folder each:
 *
 * 1. gather/   what to report on: the scenarios (variants) and their seeds' runs, or a sweep folder;
 * 2. measure/  the numbers: headline values per seed, statistics over seeds, parameters, sources;
 * 3. write/    the words, charts and tables: a report document (write/document.ts), summary.json
 *              and data files, one writer per kind of report;
 * 4. assemble/ the folder: charts rendered in headless Chromium, report.md, index.html, manifest.
 *
 * This file checks the options, runs the stages in order and hands each the previous one's output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gitCommit, packageVersion } from '../io/manifest';
import { assembleReport, type ReportResult } from './assemble/assemble';
import { prepareReportFolder } from './assemble/folder';
import { shellQuote } from './escape';
import { ReportError } from './errors';
import { checkMasterSeed, checkSeedCount, reportSeeds, runVariants } from './gather/runs';
import { readSweep } from './gather/sweep-source';
import { resolveVariants, type ScenarioSource } from './gather/variants';
import { measureVariants } from './measure/variants';
import { buildComparisonReport } from './write/comparison';
import type { BuiltReport } from './write/context';
import { buildScenarioReport } from './write/scenario';
import { buildSweepReport } from './write/sweep';

export type { ReportResult };

/** Seeds per scenario when none are asked for: enough for a rough 5-95% interval, a few seconds of work. */
export const DEFAULT_REPORT_SEEDS = 10;

export interface ReportOptions {
  /**
   * What to report on: a preset name, a scenario file or a scenario object; several of them (a
   * comparison); or one sweep output folder.
   */
  sources: ScenarioSource | readonly ScenarioSource[];
  /** Output folder. */
  out: string;
  /** Seeds per scenario (default 10). Not for sweeps: they have their own. */
  seeds?: number;
  /** Master seed (default: the first scenario's seed). */
  masterSeed?: number;
  /** Days to simulate, overriding the scenarios'. */
  days?: number;
  /** `path=value` overrides applied to every scenario. */
  set?: readonly string[];
  /** `path=v1,v2,...`: compare one scenario under each value. */
  compare?: string;
  /** Names of the scenarios in tables and charts (default: their names). */
  labels?: readonly string[];
  /** Report title (default: from the scenario names). */
  title?: string;
  /** Render PNG and SVG charts (default true; false skips the browser). */
  charts?: boolean;
  /** A Chromium or Chrome binary; when given, the only one tried. */
  chromiumPath?: string;
  /** Also look in the usual install paths (default true unless PROVER_SIM_NO_DEFAULT_CHROMIUM=1). */
  searchDefaultBrowsers?: boolean;
  /** The command line as typed, for the manifest (the report itself shows the equivalent full command). */
  command?: string;
  /** Progress and result lines (default: none). */
  log?: (line: string) => void;
  /** Warnings, e.g. charts not rendered (default: stderr). */
  warn?: (line: string) => void;
}

const asList = (s: ReportOptions['sources']): ScenarioSource[] => (Array.isArray(s) ? [...s] : [s as ScenarioSource]);

/** The sweep folder among the sources, when the sources are exactly one existing folder. */
function sweepFolder(sources: readonly ScenarioSource[]): string | undefined {
  const dirs = sources.filter((s): s is string => typeof s === 'string' && fs.existsSync(s) && fs.statSync(s).isDirectory());
  if (dirs.length === 0) return undefined;
  if (sources.length > 1) throw new ReportError(`${dirs[0]}: a sweep folder is reported on alone, not together with other sources`);
  return dirs[0];
}

/** The `prover-sim report` command equivalent to the options (scenario objects: their data/ files). */
function equivalentCommand(o: ReportOptions, seeds?: { count: number; master: number }, objectFiles: readonly string[] = []): string {
  const words = ['npx', 'prover-sim', 'report'];
  let objects = 0;
  for (const s of asList(o.sources)) words.push(typeof s === 'string' ? s : path.join(o.out, objectFiles[objects++] ?? 'data/scenario.json'));
  if (seeds) words.push('--seeds', String(seeds.count), '--seed', String(seeds.master));
  if (o.days !== undefined) words.push('--days', String(o.days));
  for (const s of o.set ?? []) words.push('--set', s);
  if (o.compare !== undefined) words.push('--compare', o.compare);
  for (const l of o.labels ?? []) words.push('--label', l);
  if (o.title !== undefined) words.push('--title', o.title);
  words.push('--out', o.out);
  return words.map(shellQuote).join(' ');
}

export async function exportReport(o: ReportOptions): Promise<ReportResult> {
  const t0 = performance.now();
  const sources = asList(o.sources);
  const outDir = path.resolve(o.out);
  const version = packageVersion();
  const commit = gitCommit();
  const node = process.version;
  const log = o.log ?? (() => undefined);

  let built: BuiltReport;
  let kind: ReportResult['kind'];
  let simulateMs = 0;
  let extraManifest: Record<string, unknown> = {};
  const sweepDir = sweepFolder(sources);
  if (sweepDir !== undefined) {
    const misplaced = (['seeds', 'masterSeed', 'days', 'set', 'compare', 'labels'] as const).filter((k) => o[k] !== undefined && !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0));
    if (misplaced.length) throw new ReportError(`${misplaced.map((k) => optionName[k]).join(', ')}: not for a sweep folder (the sweep fixed its seeds and parameters)`);
    // A sweep has gathered and measured its runs itself: its tables are the numbers.
    const src = readSweep(sweepDir);
    prepareReportFolder(outDir, [sweepDir]);
    built = buildSweepReport(src, { title: o.title, command: equivalentCommand(o), version, gitCommit: commit, node });
    kind = 'sweep';
    extraManifest = { sweep: { dir: path.resolve(sweepDir), manifest: src.manifest } };
  } else {
    const seedCount = o.seeds ?? DEFAULT_REPORT_SEEDS;
    checkSeedCount(seedCount);
    const variants = resolveVariants({ sources, set: o.set, days: o.days, compare: o.compare, labels: o.labels });
    const masterSeed = o.masterSeed ?? variants[0].scenario.seed;
    checkMasterSeed(masterSeed);
    prepareReportFolder(outDir, sources.filter((s): s is string => typeof s === 'string'));
    const seeds = reportSeeds(masterSeed, seedCount);
    log(`report: running ${variants.length} scenario${variants.length > 1 ? 's' : ''} x ${seedCount} seed${seedCount > 1 ? 's' : ''}`);
    const runs = runVariants(variants, seeds);
    simulateMs = runs.reduce((a, v) => a + v.simulateMs, 0);
    const measured = measureVariants(runs);
    const objectFiles = measured.filter((_, i) => typeof sources[i] !== 'string').map((v) => v.scenarioFile);
    const ctx = { title: o.title, masterSeed, seeds, command: equivalentCommand(o, { count: seedCount, master: masterSeed }, objectFiles), version, gitCommit: commit, node };
    kind = measured.length > 1 ? 'comparison' : 'scenario';
    built = kind === 'comparison' ? buildComparisonReport(measured, ctx) : buildScenarioReport(measured[0], ctx);
  }

  return assembleReport(built, {
    outDir,
    kind,
    charts: o.charts !== false,
    chromiumPath: o.chromiumPath,
    searchDefaultBrowsers: o.searchDefaultBrowsers,
    sources: sources.map((s) => (typeof s === 'string' ? s : '(object)')),
    command: o.command,
    version,
    gitCommit: commit,
    startedMs: t0,
    simulateMs,
    extraManifest,
    log,
    warn: o.warn ?? ((line: string) => process.stderr.write(`${line}\n`)),
  });
}

const optionName: Record<string, string> = { seeds: '--seeds', masterSeed: '--seed', days: '--days', set: '--set', compare: '--compare', labels: '--label' };
