/**
 * Scenario and comparison reports: K seeds of one scenario (or of several, side by side) turned into
 * a document, summary.json and data files. Everything printed comes from the same statistics that
 * summary.json holds.
 */
import type { Scenario } from '../model/scenario/schema';
import { comparisonCharts, scenarioCharts } from './charts';
import { classesCsv, dailyCsv, headlineCsv, runsCsv, type DataVariant } from './data';
import type { Block, Inline, ReportDocument } from './document';
import { shellQuote, slug } from './escape';
import { comparisonFindings, findingJson, intervals, scenarioFindings } from './findings';
import { formatQuantity } from './format';
import { classProfitMetric, HEADLINE_METRICS, OMIT_WHEN_ZERO, type HeadlineMetric } from './metrics';
import { compareParameters, flattenParameters, sameValue, valueText } from './parameters';
import { runSeeds, type SeedRuns } from './runs';
import { assumptionsSection, dataSection, parametersSection, reproduceSection, type ReproduceInfo } from './sections';
import type { Interval } from './stats';
import type { Variant } from './variants';

/** A variant with its runs and statistics. */
export interface RunVariant extends Variant, DataVariant {
  runs: SeedRuns;
  stats: Record<string, Interval>;
  metrics: HeadlineMetric[];
  /** File of its resolved scenario under data/. */
  scenarioFile: string;
}

/** Runs every variant's seeds and computes its statistics. */
export function runVariants(variants: readonly Variant[], seeds: readonly number[]): RunVariant[] {
  const files = new Set<string>();
  return variants.map((v, i) => {
    const runs = runSeeds(v.scenario, seeds);
    const stats = intervals(runs.values);
    const classMetrics = v.scenario.provers.classes.map((c) => classProfitMetric(c.id, c.label));
    const metrics = [...HEADLINE_METRICS, ...classMetrics].filter((m) => !(OMIT_WHEN_ZERO.has(m.key) && runs.values.every((x) => x[m.key] === 0)));
    let file = `data/scenario-${slug(v.label, `${i + 1}`)}.json`;
    if (files.has(file)) file = `data/scenario-${i + 1}.json`;
    files.add(file);
    return { ...v, runs, stats, metrics, results: runs.results, values: runs.values, scenarioFile: file };
  });
}

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

function metricJson(v: RunVariant) {
  return v.metrics.map((m) => ({ key: m.key, label: m.label, kind: m.kind, ...v.stats[m.key] }));
}

const yearsText = (days: number) => (days === 365 ? '1 year' : days % 365 === 0 ? `${days / 365} years` : `${days} days (${(days / 365).toFixed(1)} years)`);

function mechanismText(s: Scenario): string {
  return `${s.mechanism.kind} mechanism`;
}

function seedsText(ctx: ReportContext): string {
  return ctx.seeds.length === 1 ? `1 seed (master seed ${ctx.masterSeed})` : `${ctx.seeds.length} seeds (master seed ${ctx.masterSeed})`;
}

function reproduceInfo(ctx: ReportContext, variants: readonly RunVariant[]): ReproduceInfo {
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

function dataFiles(variants: readonly RunVariant[]): Record<string, string> {
  const files: Record<string, string> = {
    'data/headline.csv': headlineCsv(variants),
    'data/runs.csv': runsCsv(variants),
    'data/daily.csv': dailyCsv(variants),
    'data/classes.csv': classesCsv(variants),
  };
  for (const v of variants) files[v.scenarioFile] = `${JSON.stringify(v.scenario, null, 2)}\n`;
  return files;
}

function dataList(variants: readonly RunVariant[]): Array<{ file: string; what: string }> {
  return [
    { file: 'data/headline.csv', what: 'the headline table, unrounded (median, 5% and 95% quantiles and mean over seeds)' },
    { file: 'data/runs.csv', what: 'the headline numbers of every run (one row per scenario and seed)' },
    { file: 'data/daily.csv', what: 'every daily series of every run (one row per scenario, seed and day)' },
    { file: 'data/classes.csv', what: 'daily series per prover class (one row per scenario, seed, day and class)' },
    ...variants.map((v) => ({ file: v.scenarioFile, what: `the resolved scenario "${v.label}"` })),
    { file: 'summary.json', what: 'every number of the summary and headline table' },
    { file: 'manifest.json', what: 'how this report was made (command, version, commit, seeds, timings, browser)' },
  ];
}

const cellText = (i: Interval | undefined, m: HeadlineMetric, field: 'median' | 'p5' | 'p95') => (i ? formatQuantity(i[field], m.kind) : 'n/a');

/** The single-scenario report. */
export function buildScenarioReport(v: RunVariant, ctx: ReportContext): BuiltReport {
  const s = v.scenario;
  const findings = scenarioFindings({
    seeds: ctx.seeds.length,
    days: s.days,
    deadlineHours: s.finality.deadlineHours,
    stats: v.stats,
    values: v.values,
    classes: s.provers.classes.map((c) => ({ id: c.id, label: c.label })),
  });
  const rows = compareParameters(s, v.baseline.scenario);
  const blocks: Block[] = [];
  if (s.description) blocks.push({ kind: 'paragraph', content: [s.description] });
  blocks.push({ kind: 'heading', text: 'Summary' }, { kind: 'list', items: findings.map((f) => f.text) });
  blocks.push(
    { kind: 'heading', text: 'Headline numbers' },
    { kind: 'paragraph', content: [ctx.seeds.length > 1 ? `Median over ${ctx.seeds.length} seeds, with the 5-95% interval between seeds. "Last year" is the final 365 days of the run.` : 'One seed. "Last year" is the final 365 days of the run.'] },
    {
      kind: 'table',
      header: ['metric', 'median', '5-95% over seeds'],
      numeric: [false, true, true],
      rows: v.metrics.map((m) => [[m.label], [cellText(v.stats[m.key], m, 'median')], [`${cellText(v.stats[m.key], m, 'p5')} to ${cellText(v.stats[m.key], m, 'p95')}`]]),
    },
  );
  blocks.push({ kind: 'heading', text: 'Charts' });
  for (const chart of scenarioCharts(v)) blocks.push({ kind: 'subheading', text: chart.title }, { kind: 'figure', chart });
  blocks.push(...assumptionsSection(s));
  blocks.push(...parametersSection(rows, v.baseline.name));
  blocks.push(...dataSection(dataList([v])));
  blocks.push(...reproduceSection(reproduceInfo(ctx, [v])));
  const doc: ReportDocument = {
    title: ctx.title ?? `${s.name}: prover-sim report`,
    lead: [`Simulated with prover-sim ${ctx.version}: ${mechanismText(s)}, ${yearsText(s.days)}, ${seedsText(ctx)}.`],
    notices: [],
    blocks,
  };
  return {
    doc,
    summary: {
      kind: 'scenario',
      title: doc.title,
      masterSeed: ctx.masterSeed,
      seeds: ctx.seeds,
      days: s.days,
      scenarios: [{ label: v.label, name: s.name, ref: v.ref, metrics: metricJson(v), perSeed: v.runs.summaries }],
      findings: findings.map(findingJson),
    },
    data: dataFiles([v]),
    command: ctx.command,
  };
}

/** Parameters whose values differ between the variants. */
function differingParameters(variants: readonly RunVariant[]): Array<{ path: string; values: unknown[] }> {
  const lists = variants.map((v) => new Map(flattenParameters(v.scenario).map((p) => [p.path, p.value] as const)));
  const paths = [...new Set(lists.flatMap((l) => [...l.keys()]))];
  return paths.map((p) => ({ path: p, values: lists.map((l) => l.get(p)) })).filter((d) => d.values.some((x) => !sameValue(x, d.values[0])));
}

/** The comparison report: several scenarios, the same seeds, side by side. */
export function buildComparisonReport(variants: readonly RunVariant[], ctx: ReportContext): BuiltReport {
  const labels = variants.map((v) => v.label);
  const findings = comparisonFindings(variants);
  const metrics = mergedMetrics(variants);
  const blocks: Block[] = [];
  const intro: Inline[] = [`${variants.length} scenarios, each run with the same ${ctx.seeds.length} seed${ctx.seeds.length > 1 ? 's' : ''}: `];
  variants.forEach((v, i) => intro.push(i ? '; ' : '', { strong: v.label }, ` (${v.ref === '(object)' ? 'scenario object' : v.ref}${v.set.length ? `, ${v.set.join(', ')}` : ''})`));
  intro.push('.');
  blocks.push({ kind: 'paragraph', content: intro });
  blocks.push({ kind: 'heading', text: 'Summary' }, { kind: 'list', items: findings.map((f) => f.text) });
  blocks.push(
    { kind: 'heading', text: 'Headline numbers' },
    { kind: 'paragraph', content: [ctx.seeds.length > 1 ? `Median over ${ctx.seeds.length} seeds, with the 5-95% interval between seeds in brackets.` : 'One seed per scenario.'] },
    {
      kind: 'table',
      header: ['metric', ...labels],
      numeric: [false, ...labels.map(() => true)],
      rows: metrics.map((m) => [
        [m.label],
        ...variants.map((v): Inline[] => {
          const i = v.stats[m.key];
          if (!i) return ['n/a'];
          const median = formatQuantity(i.median, m.kind);
          return [ctx.seeds.length > 1 ? `${median} (${formatQuantity(i.p5, m.kind)} to ${formatQuantity(i.p95, m.kind)})` : median];
        }),
      ]),
    },
  );
  blocks.push({ kind: 'heading', text: 'Charts' });
  const panelKeys = ['activeProversLastYear', 'nakamoto30dLastYear', 'top1RewardShare30dLastYear', 'p95FinalityDelayHours', 'missedDeadlineShare', 'costPerProofUsd', 'proverProfitUsd', 'tokenholderIncomeUsd', 'entryCapitalUsdEnd'];
  const panels = panelKeys.map((k) => HEADLINE_METRICS.find((m) => m.key === k)!).filter(Boolean);
  for (const chart of comparisonCharts(variants, panels)) blocks.push({ kind: 'subheading', text: chart.title }, { kind: 'figure', chart });

  const diffs = differingParameters(variants);
  blocks.push({ kind: 'heading', text: 'What differs between the scenarios' });
  blocks.push(
    diffs.length
      ? { kind: 'table', header: ['parameter', ...labels], rows: diffs.map((d) => [[{ code: d.path }], ...d.values.map((x): Inline[] => [valueText(x)])]) }
      : { kind: 'paragraph', content: ['No parameter differs: the scenarios differ only in name.'] },
  );
  blocks.push(...assumptionsSection(variants[0].scenario, [
    'Sources of the numbers of ', { strong: variants[0].label }, ' (the other scenarios share them except where listed under "What differs"): the sourced figures of ', { code: 'data/calibration/*.json' }, ' and the presets\' own sources.',
  ]));
  for (const v of variants) blocks.push(...parametersSection(compareParameters(v.scenario, v.baseline.scenario), v.baseline.name, `Parameters of ${v.label}`));
  blocks.push(...dataSection(dataList(variants)));
  blocks.push(...reproduceSection(reproduceInfo(ctx, variants)));
  const days = [...new Set(variants.map((v) => v.scenario.days))];
  const doc: ReportDocument = {
    title: ctx.title ?? (variants.length <= 3 ? `${labels.join(' vs ')}: prover-sim comparison` : `${variants.length} scenarios compared: prover-sim comparison`),
    lead: [`Simulated with prover-sim ${ctx.version}: ${days.length === 1 ? yearsText(days[0]) : 'different horizons'}, ${seedsText(ctx)} for every scenario.`],
    notices: [],
    blocks,
  };
  return {
    doc,
    summary: {
      kind: 'comparison',
      title: doc.title,
      masterSeed: ctx.masterSeed,
      seeds: ctx.seeds,
      scenarios: variants.map((v) => ({ label: v.label, name: v.scenario.name, ref: v.ref, set: v.set, days: v.scenario.days, metrics: metricJson(v), perSeed: v.runs.summaries })),
      table: metrics.map((m) => m.key),
      findings: findings.map(findingJson),
    },
    data: dataFiles(variants),
    command: ctx.command,
  };
}

/** Metrics of the comparison table: every metric any scenario shows, in the first one's order. */
function mergedMetrics(variants: readonly RunVariant[]): HeadlineMetric[] {
  const out: HeadlineMetric[] = [];
  const seen = new Set<string>();
  for (const v of variants) {
    for (const m of v.metrics) {
      if (seen.has(m.key)) continue;
      seen.add(m.key);
      out.push(m);
    }
  }
  return out;
}
