/**
 * The output folder of a robustness run: claims.csv, claims.md, runs.csv and manifest.json. The
 * folder is built beside its place and renamed into it when complete, so a failure never leaves half
 * of one behind; a folder that holds anything but an earlier robustness run is refused. The folder
 * can be read back (readRobustnessFolder) to rebuild the verdicts, e.g. for the README.
 */
import * as fs from 'fs';
import * as path from 'path';
import { headlineBands, type ComparisonSummary } from '../compare/compare';
import { comparisonTable } from '../compare/outputs';
import { formatCell, rowsToCsv } from '../io/csv';
import { environmentInfo, gitCommit, packageVersion } from '../io/manifest';
import { PROJECT_ROOT } from '../io/paths';
import { readTable } from '../experiments/tables';
import type { Scenario } from '../model/scenario/schema';
import { DEFAULT_ASSUMPTIONS_FILE, type Assumption } from './assumptions';
import { DEFAULT_CLAIMS_FILE } from './claims';
import { RobustnessError } from './errors';
import { claimRows, claimVerdicts, type ClaimVerdict, type MetricRow, type SummaryTable } from './evaluate';
import { CLAIM_METRIC_NAMES } from './metrics';
import type { RobustnessPlan, RobustnessPoint } from './plan';
import { claimsMarkdown, type RobustnessMeta } from './report';

export const CLAIMS_CSV = 'claims.csv';
export const CLAIMS_MD = 'claims.md';
export const RUNS_CSV = 'runs.csv';
export const MANIFEST = 'manifest.json';
export const ROBUSTNESS_FILES = [CLAIMS_CSV, CLAIMS_MD, RUNS_CSV, MANIFEST];

/** manifest.json of a robustness run: what ran (enough to redo it and to rebuild the texts) and how. */
export interface RobustnessManifest extends RobustnessMeta {
  tool: 'prover-sim';
  kind: 'robustness';
  /** The command line as typed (`command` is the one that redoes the run). */
  commandLine: string;
  /** How seeds and settings are run (for readers of the files). */
  seeding: string;
  /** How a claim's verdict is decided. */
  decision: string;
  points: RobustnessPoint[];
  /** The assumptions as read (paths, factors, values, sources). */
  assumptionDefinitions: Assumption[];
  files: string[];
  durationMs: number;
  workers: number;
  environment: Record<string, string | number>;
  /** The resolved base scenario (each mechanism runs it with its own mechanism block). */
  scenario: Scenario;
}

export const SEEDING =
  'every mechanism at every setting runs the same seeds (--seed, --seed + 1, ...) with simulate(scenario, { seed }) and no stream key: a run is exactly `prover-sim run` of its scenario with that seed, and for a seed every mechanism and setting draws the same population, demand and outages (common random numbers). A mechanism whose scenario a setting leaves unchanged is not rerun: rows of runs.csv with the same run number are one simulation.';
export const DECISION =
  'a claim holds at a setting when the median over seeds of its statistic is on the claimed side (so it holds on at least half of the seeds); the statistic of a seed is the paired difference left minus right (or their ratio, for claims with measure "ratio") on that seed, or the left mechanism\'s own value for a claim against a number; p5 and p95 are the 5% and 95% quantiles over seeds (linear interpolation).';

/** Project files by their path in the project, others by their absolute path. */
export function displayPath(file: string): string {
  if (file === '(object)') return file;
  const rel = path.relative(PROJECT_ROOT, path.resolve(file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(file) : rel;
}

/**
 * The command that redoes the run (what decides its results only: no output folder or worker count,
 * so claims.md is the same whatever the workers).
 */
export function reproduceCommand(plan: RobustnessPlan, mechanismsGiven: boolean): string {
  const parts = ['prover-sim robustness', quoteArg(plan.scenarioRef), `--seeds ${plan.seeds.length}`, `--seed ${plan.seeds[0]}`, `--days ${plan.base.days}`];
  if (mechanismsGiven) parts.push(`--mechanisms ${plan.mechanisms.join(',')}`);
  if (plan.sources.assumptions !== DEFAULT_ASSUMPTIONS_FILE) parts.push(`--assumptions ${quoteArg(displayPath(plan.sources.assumptions))}`);
  if (plan.sources.claims !== DEFAULT_CLAIMS_FILE) parts.push(`--claims ${quoteArg(displayPath(plan.sources.claims))}`);
  return parts.join(' ');
}

const quoteArg = (s: string) => (/^[\w./@:+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function robustnessMeta(plan: RobustnessPlan, command: string): RobustnessMeta {
  return {
    scenarioName: plan.base.name,
    scenarioRef: plan.scenarioRef,
    days: plan.base.days,
    seeds: plan.seeds,
    mechanisms: plan.mechanisms,
    assumptions: plan.assumptions,
    claims: plan.claims,
    skippedClaims: plan.skippedClaims,
    settings: plan.points.length,
    distinctRuns: plan.totalRuns,
    assumptionsFile: displayPath(plan.sources.assumptions),
    claimsFile: displayPath(plan.sources.claims),
    command,
    version: packageVersion(),
    gitCommit: gitCommit(),
  };
}

/** The summaries of a finished run as a table by setting and mechanism. */
export function planTable(plan: RobustnessPlan, summaries: readonly MetricRow[][]): SummaryTable {
  return {
    get: (point, mechanism) => {
      const m = plan.mechanisms.indexOf(mechanism);
      if (m < 0) throw new Error(`mechanism ${mechanism} was not run`);
      return summaries[plan.cells[point][m]];
    },
  };
}

/** runs.csv: a row per setting, mechanism and seed with every claim metric; `run` names the simulation. */
export function runsCsv(plan: Pick<RobustnessPlan, 'points' | 'mechanisms' | 'seeds' | 'cells'>, summaries: readonly MetricRow[][]): string {
  const head = ['point', 'assumption', 'value', 'mechanism', 'seed', 'run', ...CLAIM_METRIC_NAMES];
  const lines = [head.join(',')];
  plan.points.forEach((p, point) => {
    plan.mechanisms.forEach((mechanism, m) => {
      const scenario = plan.cells[point][m];
      plan.seeds.forEach((seed, k) => {
        const row = summaries[scenario][k];
        const cells = [point, p.assumption ?? 'baseline', p.value, mechanism, seed, scenario * plan.seeds.length + k, ...CLAIM_METRIC_NAMES.map((name) => row[name])];
        lines.push(cells.map(formatCell).join(','));
      });
    });
  });
  return `${lines.join('\n')}\n`;
}

export function claimsCsv(verdicts: readonly ClaimVerdict[]): string {
  return rowsToCsv(claimRows(verdicts));
}

/**
 * Refuses an output folder that exists and holds anything but an earlier robustness run (whose
 * manifest says so): a robustness run replaces only its own kind of output.
 */
export function checkOutDir(dir: string): void {
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw new RobustnessError(`--out ${dir}: is a file, not a folder`);
  if (fs.readdirSync(dir).length === 0) return;
  let manifest: { tool?: unknown; kind?: unknown } | undefined;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as typeof manifest;
  } catch {
    manifest = undefined;
  }
  if (manifest?.tool !== 'prover-sim' || manifest.kind !== 'robustness') {
    throw new RobustnessError(`--out ${dir}: holds files but no manifest of a robustness run; choose an empty or new folder (an earlier robustness folder is replaced)`);
  }
}

/**
 * Writes the files into a new folder beside `dir` and renames it into place (replacing an earlier
 * robustness run there), so that `dir` holds either the old output or the whole new one.
 */
export function writeFolder(dir: string, files: Record<string, string>): string[] {
  checkOutDir(dir);
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const fresh = fs.mkdtempSync(path.join(parent, `.${path.basename(dir)}.partial-`));
  let old: string | undefined;
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(fresh, name), text);
    if (fs.existsSync(dir)) {
      old = fs.mkdtempSync(path.join(parent, `.${path.basename(dir)}.old-`));
      fs.renameSync(dir, path.join(old, 'previous'));
    }
    fs.renameSync(fresh, dir);
  } catch (err) {
    // Put the earlier run back where it was, and leave nothing of the new one.
    if (old && !fs.existsSync(dir) && fs.existsSync(path.join(old, 'previous'))) fs.renameSync(path.join(old, 'previous'), dir);
    fs.rmSync(fresh, { recursive: true, force: true });
    throw err;
  } finally {
    if (old) fs.rmSync(old, { recursive: true, force: true });
  }
  return Object.keys(files).map((name) => path.join(dir, name));
}

export interface WriteInput {
  plan: RobustnessPlan;
  meta: RobustnessMeta;
  summaries: readonly MetricRow[][];
  verdicts: readonly ClaimVerdict[];
  durationMs: number;
  workers: number;
  commandLine: string;
}

/** The four files of a run, by name. */
export function robustnessFiles(w: WriteInput): Record<string, string> {
  const manifest: RobustnessManifest = {
    tool: 'prover-sim',
    kind: 'robustness',
    ...w.meta,
    commandLine: w.commandLine,
    seeding: SEEDING,
    decision: DECISION,
    points: w.plan.points,
    assumptionDefinitions: w.plan.assumptionDefinitions,
    files: ROBUSTNESS_FILES,
    durationMs: Math.round(w.durationMs),
    workers: w.workers,
    environment: environmentInfo(),
    scenario: w.plan.base,
  };
  return {
    [CLAIMS_CSV]: claimsCsv(w.verdicts),
    [CLAIMS_MD]: claimsMarkdown(w.meta, w.verdicts),
    [RUNS_CSV]: runsCsv(w.plan, w.summaries),
    [MANIFEST]: `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

/** A robustness folder read back: its description, every verdict, and the baseline runs by mechanism. */
export interface RobustnessFolder {
  manifest: RobustnessManifest;
  verdicts: ClaimVerdict[];
  /** Each mechanism's metrics at the baseline, one row per seed. */
  baseline: Record<string, MetricRow[]>;
}

/** Reads a robustness folder (manifest.json and runs.csv) and recomputes its verdicts. */
export function readRobustnessFolder(dir: string): RobustnessFolder {
  const manifestFile = path.join(dir, MANIFEST);
  let manifest: RobustnessManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as RobustnessManifest;
  } catch {
    throw new RobustnessError(`${dir}: no readable ${MANIFEST}; give the folder of a \`prover-sim robustness\` run`);
  }
  if (manifest.tool !== 'prover-sim' || manifest.kind !== 'robustness') throw new RobustnessError(`${manifestFile}: not the manifest of a robustness run`);
  const rows = new Map<string, MetricRow[]>();
  for (const r of readTable(path.join(dir, RUNS_CSV))) {
    const key = `${r.point}|${r.mechanism}`;
    const row = {} as MetricRow;
    for (const m of CLAIM_METRIC_NAMES) row[m] = Number(r[m]);
    const list = rows.get(key) ?? [];
    list.push(row);
    rows.set(key, list);
  }
  const table: SummaryTable = {
    get: (point, mechanism) => {
      const list = rows.get(`${point}|${mechanism}`);
      if (!list || list.length !== manifest.seeds.length) throw new RobustnessError(`${path.join(dir, RUNS_CSV)}: lacks the runs of ${mechanism} at setting ${point}`);
      return list;
    },
  };
  const verdicts = claimVerdicts(manifest.claims, manifest.assumptions, table);
  const baseline = Object.fromEntries(manifest.mechanisms.map((m) => [m, table.get(0, m)]));
  return { manifest, verdicts, baseline };
}

/** The comparison table at the baseline (median [5%, 95%] over seeds), as `prover-sim compare` prints it. */
export function baselineTable(folder: Pick<RobustnessFolder, 'baseline'>): string {
  // The headline metrics read only numbers that runs.csv holds (claim metrics), never the per-class table.
  const mechanisms = Object.entries(folder.baseline).map(([name, runs]) => ({ name, headline: headlineBands(runs as unknown as ComparisonSummary[]) }));
  return comparisonTable({ mechanisms });
}

