/**
 * What the writers of scenario and comparison reports share: how the report was made (its
 * context), what a writer hands to the assembly (BuiltReport), and the parts both write the same
 * way (lead texts, data files, how to reproduce).
 */
import type { Scenario } from '../../model/scenario/schema';
import { shellQuote } from '../escape';
import type { MeasuredVariant } from '../measure/variants';
import { compareParameters } from '../measure/parameters';
import { assumptionsCsv, classesCsv, dailyCsv, headlineCsv, parametersCsv, runsCsv } from './data';
import type { HeadlineMetric } from '../measure/metrics';
import type { Interval } from '../measure/stats';
import type { Block, Inline, ReportDocument } from './document';
import { formatQuantity } from './format';
import { ASSUMPTIONS_FILE, PARAMETERS_FILE, type ReproduceInfo, type ScenarioParameters } from './sections';

/** What a report knows about how it was made. */
export interface ReportContext {
  title?: string;
  masterSeed: number;
  seeds: readonly number[];
  /** The CLI command that makes this report again. */
  command: string;
  version: string;
  gitCommit: string;
  node: string;
}

export interface BuiltReport {
  doc: ReportDocument;
  /** summary.json's content. */
  summary: Record<string, unknown>;
  /** Data files by path under the report folder. */
  data: Record<string, string>;
  /** The command that makes the report again (shown under "Reproduce"). */
  command: string;
}

export function metricJson(v: MeasuredVariant) {
  return v.metrics.map((m) => ({ key: m.key, label: m.label, kind: m.kind, ...v.stats[m.key] }));
}

export const yearsText = (days: number) => (days === 365 ? '1 year' : days % 365 === 0 ? `${days / 365} years` : `${days} days (${(days / 365).toFixed(1)} years)`);

export function mechanismText(s: Scenario): string {
  return `${s.mechanism.kind} mechanism`;
}

/** The lead of a report over several scenarios run on the same seeds. */
export function sameSeedsLead(ctx: ReportContext, variants: readonly MeasuredVariant[]): Inline[] {
  const days = [...new Set(variants.map((v) => v.scenario.days))];
  return [`Simulated with prover-sim ${ctx.version}: ${days.length === 1 ? yearsText(days[0]) : 'different horizons'}, ${seedsText(ctx)} for every scenario.`];
}

export function seedsText(ctx: ReportContext): string {
  return ctx.seeds.length === 1 ? `1 seed (master seed ${ctx.masterSeed})` : `${ctx.seeds.length} seeds (master seed ${ctx.masterSeed})`;
}

export function reproduceInfo(ctx: ReportContext, variants: readonly MeasuredVariant[]): ReproduceInfo {
  const v = variants[0];
  const days = v.scenario.days;
  const oneRun = ['npx', 'prover-sim', 'run', v.ref === '(object)' ? `<report folder>/${v.scenarioFile}` : v.ref, '--seed', String(ctx.seeds[0])];
  if (v.ref !== '(object)') {
    if (days !== v.baseline.scenario.days) oneRun.push('--days', String(days));
    for (const s of v.set) oneRun.push('--set', s);
  }
  return {
    command: ctx.command,
    version: ctx.version,
    gitCommit: ctx.gitCommit,
    node: ctx.node,
    details: [
      [`Seeds: ${ctx.seeds.join(', ')}. Seed k is deriveSeed(${ctx.masterSeed}, k), as replicate k of `, { code: `prover-sim sweep --seed ${ctx.masterSeed}` }, variants.length > 1 ? '; every scenario runs the same seeds, so replicate k of each sees the same provers and outages (common random numbers).' : '.'],
      ['One run on its own (same numbers as the first seed here): ', { code: oneRun.map(shellQuote).join(' ') }],
      ['Resolved scenarios (every parameter, defaults filled in): ', ...variants.flatMap((x, i) => [i ? ', ' : '', { link: x.scenarioFile, href: x.scenarioFile }])],
    ],
  };
}

/** The headline table of scenario and comparison reports, unrounded, every metric of every scenario. */
export const HEADLINE_FILE = 'data/headline.csv';

/** "median (p5 to p95)" of a statistic over seeds, or the median alone for one seed; "n/a" without one. */
export function intervalCell(i: Interval | undefined, m: HeadlineMetric, seeds: number): Inline[] {
  if (!i) return ['n/a'];
  const median = formatQuantity(i.median, m.kind);
  return [seeds > 1 ? `${median} (${formatQuantity(i.p5, m.kind)} to ${formatQuantity(i.p95, m.kind)})` : median];
}

/** The headline table of several scenarios: one row per metric, one column per scenario (every row in data/headline.csv). */
export function headlineTable(variants: readonly MeasuredVariant[], metrics: readonly HeadlineMetric[], seeds: number): Block {
  return {
    kind: 'table',
    header: ['metric', ...variants.map((v) => v.label)],
    numeric: [false, ...variants.map(() => true)],
    rows: metrics.map((m) => [[m.label], ...variants.map((v) => intervalCell(v.stats[m.key], m, seeds))]),
    fullIn: HEADLINE_FILE,
  };
}

/** A variant's parameters marked against the scenario it was derived from. */
export function variantParameters(v: MeasuredVariant): ScenarioParameters {
  return { label: v.label, rows: compareParameters(v.scenario, v.baseline.scenario), baselineName: v.baseline.name };
}

export function dataFiles(variants: readonly MeasuredVariant[]): Record<string, string> {
  const files: Record<string, string> = {
    [HEADLINE_FILE]: headlineCsv(variants),
    'data/runs.csv': runsCsv(variants),
    'data/daily.csv': dailyCsv(variants),
    'data/classes.csv': classesCsv(variants),
    [PARAMETERS_FILE]: parametersCsv(variants.map(variantParameters)),
    [ASSUMPTIONS_FILE]: assumptionsCsv(variants[0].scenario),
  };
  for (const v of variants) files[v.scenarioFile] = `${JSON.stringify(v.scenario, null, 2)}\n`;
  return files;
}

export function dataList(variants: readonly MeasuredVariant[]): Array<{ file: string; what: string }> {
  return [
    { file: HEADLINE_FILE, what: 'the headline table, unrounded (median, 5% and 95% quantiles and mean over seeds)' },
    { file: 'data/runs.csv', what: 'the headline numbers of every run (one row per scenario and seed)' },
    { file: 'data/daily.csv', what: 'every daily series of every run (one row per scenario, seed and day)' },
    { file: 'data/classes.csv', what: 'daily series per prover class (one row per scenario, seed, day and class)' },
    { file: PARAMETERS_FILE, what: 'every parameter of every scenario, with its unit, meaning and value in the preset' },
    { file: ASSUMPTIONS_FILE, what: `every sourced parameter value${variants.length > 1 ? ` of ${variants[0].label}` : ''}, with its source` },
    ...variants.map((v) => ({ file: v.scenarioFile, what: `the resolved scenario "${v.label}"` })),
    { file: 'summary.json', what: 'every number of the summary and headline table' },
    { file: 'manifest.json', what: 'how this report was made (command, version, commit, seeds, timings, browser)' },
  ];
}

