/**
 * exportReport: the whole of a report, used by `prover-sim report` and by notebooks alike. It
 * resolves the sources (scenarios, or one sweep folder), runs the seeds, builds the document, renders
 * the charts to PNG and SVG in headless Chromium (or says why not), and writes report.md, index.html,
 * summary.json, data/ and manifest.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../io/files';
import { environmentInfo, gitCommit, packageVersion } from '../io/manifest';
import { CHROMIUM_INSTALL_ALTERNATIVE } from '../browser/find';
import { chartsOf, type Inline, type ReportDocument } from './document';
import { shellQuote } from './escape';
import { ReportError } from './errors';
import { prepareReportFolder, REPORT_MANIFEST } from './folder';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderCharts, type RenderOutcome } from './render-charts';
import { reportSeeds } from './runs';
import { buildComparisonReport, buildScenarioReport, runVariants, type BuiltReport } from './scenario-report';
import { buildSweepReport } from './sweep-report';
import { readSweep } from './sweep-source';
import { resolveVariants, type ScenarioSource } from './variants';

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

export interface ReportResult {
  outDir: string;
  kind: 'scenario' | 'comparison' | 'sweep';
  reportMd: string;
  indexHtml: string;
  /** Every file written, relative to outDir. */
  files: string[];
  charts: RenderOutcome;
  summary: Record<string, unknown>;
  timings: { simulateMs: number; renderMs: number; totalMs: number };
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

function checkSeedCount(seeds: number): void {
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100_000) throw new ReportError(`--seeds ${seeds}: expected a whole number from 1 to 100000`);
}

export async function exportReport(o: ReportOptions): Promise<ReportResult> {
  const t0 = performance.now();
  const log = o.log ?? (() => undefined);
  const warn = o.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const sources = asList(o.sources);
  const outDir = path.resolve(o.out);
  const version = packageVersion();
  const commit = gitCommit();
  const node = process.version;

  let built: BuiltReport;
  let kind: ReportResult['kind'];
  let simulateMs = 0;
  let extraManifest: Record<string, unknown> = {};
  const sweepDir = sweepFolder(sources);
  if (sweepDir !== undefined) {
    const misplaced = (['seeds', 'masterSeed', 'days', 'set', 'compare', 'labels'] as const).filter((k) => o[k] !== undefined && !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0));
    if (misplaced.length) throw new ReportError(`${misplaced.map((k) => optionName[k]).join(', ')}: not for a sweep folder (the sweep fixed its seeds and parameters)`);
    const src = readSweep(sweepDir);
    prepareReportFolder(outDir, [sweepDir]);
    built = buildSweepReport(src, { title: o.title, command: equivalentCommand(o), version, gitCommit: commit, node });
    for (const f of ['points.csv', 'runs.csv', 'tornado.csv']) {
      const file = path.join(sweepDir, f);
      if (fs.existsSync(file)) built.data[`data/${f}`] = fs.readFileSync(file, 'utf8');
    }
    kind = 'sweep';
    extraManifest = { sweep: { dir: path.resolve(sweepDir), manifest: src.manifest } };
  } else {
    const seedCount = o.seeds ?? DEFAULT_REPORT_SEEDS;
    checkSeedCount(seedCount);
    const variants = resolveVariants({ sources, set: o.set, days: o.days, compare: o.compare, labels: o.labels });
    const masterSeed = o.masterSeed ?? variants[0].scenario.seed;
    if (!Number.isInteger(masterSeed) || masterSeed < 0 || masterSeed > 4294967295) throw new ReportError(`--seed ${masterSeed}: expected a whole number from 0 to 4294967295`);
    prepareReportFolder(outDir, sources.filter((s): s is string => typeof s === 'string'));
    const seeds = reportSeeds(masterSeed, seedCount);
    log(`report: running ${variants.length} scenario${variants.length > 1 ? 's' : ''} x ${seedCount} seed${seedCount > 1 ? 's' : ''}`);
    const runs = runVariants(variants, seeds);
    simulateMs = runs.reduce((a, v) => a + v.runs.simulateMs, 0);
    const objectFiles = runs.filter((_, i) => typeof sources[i] !== 'string').map((v) => v.scenarioFile);
    const ctx = { title: o.title, masterSeed, seeds, command: equivalentCommand(o, { count: seedCount, master: masterSeed }, objectFiles), version, gitCommit: commit, node };
    kind = runs.length > 1 ? 'comparison' : 'scenario';
    built = kind === 'comparison' ? buildComparisonReport(runs, ctx) : buildScenarioReport(runs[0], ctx);
  }

  const doc: ReportDocument = built.doc;
  const charts = chartsOf(doc);
  fs.mkdirSync(outDir, { recursive: true });
  let rendered: RenderOutcome;
  if (o.charts === false) {
    rendered = { rendered: false, files: [], reason: 'chart rendering was turned off (--no-charts)', ms: 0 };
  } else {
    log(`report: rendering ${charts.length} charts to PNG and SVG in headless Chromium`);
    rendered = await renderCharts(outDir, charts, { executablePath: o.chromiumPath, searchDefaults: o.searchDefaultBrowsers });
  }
  if (!rendered.rendered) {
    const notice: Inline[] = [`The charts were not rendered to PNG and SVG: ${rendered.reason}. `];
    if (rendered.installCommand) notice.push('Install a browser with ', { code: rendered.installCommand }, ` (${CHROMIUM_INSTALL_ALTERNATIVE}), then run the command under "Reproduce" again. `);
    notice.push('The interactive charts are in ', { link: 'index.html', href: 'index.html' }, '.');
    doc.notices.push(notice);
    if (o.charts !== false) {
      const install = rendered.installCommand ? `\n  Install a browser with: ${rendered.installCommand}   (${CHROMIUM_INSTALL_ALTERNATIVE})` : '';
      warn(`prover-sim: charts not rendered: ${rendered.reason}.${install}\n  report.md, index.html and the data are written, without PNG/SVG charts.`);
    }
  }

  const missingReason = rendered.installCommand ? 'not rendered (no browser: see the note at the top); the interactive chart is in index.html' : `not rendered (${rendered.reason}); the interactive chart is in index.html`;
  const files: Record<string, string> = {
    'report.md': renderMarkdown(doc, { rendered: rendered.rendered, missingReason }),
    'index.html': renderHtml(doc, { rendered: rendered.rendered }),
    'summary.json': `${JSON.stringify(built.summary, null, 2)}\n`,
    ...built.data,
  };
  for (const [name, text] of Object.entries(files)) writeFileAtomic(path.join(outDir, name), text);
  const written = [...Object.keys(files), ...rendered.files].sort();
  const totalMs = performance.now() - t0;
  const manifest = {
    tool: 'prover-sim',
    kind: 'report',
    reportKind: kind,
    version,
    gitCommit: commit,
    command: o.command ?? built.command,
    reproduce: built.command,
    sources: sources.map((s) => (typeof s === 'string' ? s : '(object)')),
    masterSeed: built.summary.masterSeed,
    seeds: built.summary.seeds,
    charts: { rendered: rendered.rendered, count: charts.length, browser: rendered.browserVersion, reason: rendered.reason },
    durationMs: { simulate: Math.round(simulateMs), render: Math.round(rendered.ms), total: Math.round(totalMs) },
    environment: environmentInfo(),
    files: [...written, REPORT_MANIFEST],
    ...extraManifest,
  };
  writeFileAtomic(path.join(outDir, REPORT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`report: wrote report.md, index.html, summary.json, ${rendered.files.length} chart files and ${Object.keys(built.data).length} data files in ${(totalMs / 1000).toFixed(1)} s (simulation ${(simulateMs / 1000).toFixed(1)} s, charts ${(rendered.ms / 1000).toFixed(1)} s)`);
  return {
    outDir,
    kind,
    reportMd: path.join(outDir, 'report.md'),
    indexHtml: path.join(outDir, 'index.html'),
    files: manifest.files,
    charts: rendered,
    summary: built.summary,
    timings: { simulateMs, renderMs: rendered.ms, totalMs },
  };
}

const optionName: Record<string, string> = { seeds: '--seeds', masterSeed: '--seed', days: '--days', set: '--set', compare: '--compare', labels: '--label' };
