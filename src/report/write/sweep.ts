/**
 * A report on a finished sweep: which parameter moves which headline number most (tornado), how the
 * numbers change over the swept values (lines with bands, heatmaps or bars, by the design's shape),
 * and the per-point table. Numbers come from the sweep's own points.csv and tornado.csv, so the
 * report and the sweep's files agree.
 */
import { bandChart } from '../../charts/bands';
import { comparisonChart } from '../../charts/comparison';
import { gridFromPoints, sweepHeatmap } from '../../charts/heatmap';
import { describePoint, type ParamValue } from '../../experiments/params';
import type { Block, Inline, ReportChart, ReportDocument } from './document';
import { plotlyText } from '../escape';
import { FindingWriter, findingJson, type Finding } from './findings';
import { formatQuantity } from './format';
import type { HeadlineMetric } from '../measure/metrics';
import { compareParameters, valueText } from '../measure/parameters';
import { intervalCell, type BuiltReport } from './context';
import { assumptionsCsv, parametersCsv } from './data';
import { ASSUMPTIONS_FILE, assumptionsSection, dataSection, PARAMETERS_FILE, parametersSection, reproduceSection } from './sections';
import type { SweepSource } from '../gather/sweep-source';
import { chartBlocks } from './charts';
import { tornadoChart } from './tornado-chart';

/** The metrics a sweep report talks about and charts, in order. */
const KEY_METRICS = ['activeProversLastYear', 'top1RewardShare30dLastYear', 'p95FinalityDelayHours', 'missedDeadlineShare', 'proverProfitUsd'];
/** Points listed in the report's table at most (all are in data/points.csv). */
const MAX_TABLE_POINTS = 30;
/** Bars per comparison panel at most: beyond it, bars are too thin to read. */
const MAX_BAR_POINTS = 12;

export interface SweepReportContext {
  title?: string;
  command: string;
  version: string;
  gitCommit: string;
  node: string;
}

const pointText = (paths: readonly string[], values: readonly ParamValue[]) => describePoint(paths, values);

function keyMetrics(src: SweepSource): HeadlineMetric[] {
  return KEY_METRICS.map((k) => src.metrics.find((m) => m.key === k)).filter((m): m is HeadlineMetric => m !== undefined);
}

function findings(src: SweepSource): Finding[] {
  const m = src.manifest;
  const out: Finding[] = [];
  const intro = new FindingWriter()
    .num(m.pointCount, 'count', 'parameter points')
    .say(' parameter points x ')
    .num(m.seeds, 'count', 'seeds per point')
    .say(' seeds of ', m.scenario.name, `, sweeping ${m.paths.join(', ')}`);
  out.push(intro.say('.').done());
  for (const metric of keyMetrics(src)) {
    const rows = src.tornado.filter((r) => r.metric === metric.sweepColumn && Number.isFinite(Number(r.swing)));
    if (rows.length === 0) continue;
    const top = rows[0];
    const w = new FindingWriter();
    if (Number(top.swing) === 0) {
      w.say(`${metric.label}: the same at the lowest and highest value of every swept parameter.`);
    } else {
      w.say(`${metric.label} moved most with `, { code: String(top.parameter) }, ': from ')
        .num(Number(top.at_low), metric.kind, 'tornado.csv at_low (mean over seeds)')
        .say(` at ${top.low} to `)
        .num(Number(top.at_high), metric.kind, 'tornado.csv at_high (mean over seeds)')
        .say(` at ${top.high}`, top.method === 'linear-fit' ? ' (means over seeds, other parameters at baseline; a linear fit, as the design has no such points).' : ' (means over seeds, other parameters at baseline).');
      if (rows.length > 1 && Number(rows[1].swing) > 0) w.say(' Next: ', { code: String(rows[1].parameter) }, '.');
    }
    out.push(w.done());
  }
  for (const metric of keyMetrics(src).slice(0, 3)) {
    const withValue = src.points.filter((p) => Number.isFinite(p.stats[metric.key]?.median));
    if (withValue.length < 2) continue;
    const sorted = [...withValue].sort((a, b) => b.stats[metric.key].median - a.stats[metric.key].median);
    const best = metric.better === 'lower' ? sorted[sorted.length - 1] : sorted[0];
    const s = best.stats[metric.key];
    out.push(
      new FindingWriter()
        .say(`${metric.label}: ${metric.better ? 'best' : 'highest'} at ${pointText(m.paths, best.values)} (median `)
        .num(s.median, metric.kind, `points.csv median of point ${best.index}`, metric.key, 'median')
        .say(').')
        .done(),
    );
  }
  return out;
}

function charts(src: SweepSource): ReportChart[] {
  const m = src.manifest;
  const out: ReportChart[] = [];
  // Metrics that are zero in every run (no missed deadline anywhere) get no chart.
  const metrics = keyMetrics(src).filter((x) => src.points.some((p) => (p.runs[x.key] ?? []).some((v) => v !== 0)));
  // With one parameter, the chart over its values says all a tornado would.
  for (const metric of m.paths.length > 1 ? metrics.slice(0, 4) : []) {
    const rows = src.tornado.filter((r) => r.metric === metric.sweepColumn && Number.isFinite(Number(r.swing)));
    if (rows.length === 0) continue;
    out.push({
      id: `tornado-${metric.sweepColumn!.replace(/_/g, '-')}`,
      title: `Sensitivity of ${metric.short.toLowerCase()}`,
      caption: ['Mean over seeds with one parameter at its lowest (blue) or highest (orange) swept value and the others at baseline; the vertical line is the baseline.'],
      figure: tornadoChart(
        rows.map((r) => ({ parameter: String(r.parameter), low: String(r.low), high: String(r.high), atLow: Number(r.at_low), atBaseline: Number(r.at_baseline), atHigh: Number(r.at_high) })),
        { title: plotlyText(`Sensitivity: ${metric.short}`) },
      ),
    });
  }
  const numericOne = m.paths.length === 1 && src.points.every((p) => typeof p.values[0] === 'number');
  const fullGrid = m.paths.length === 2 && m.design.grid !== undefined && !m.design.ranges;
  if (numericOne && m.seeds > 0) {
    const order = [...src.points].sort((a, b) => (a.values[0] as number) - (b.values[0] as number));
    for (const metric of metrics) {
      const runs = Array.from({ length: m.seeds }, (_, k) => order.map((p) => p.runs[metric.key]?.[k] ?? NaN));
      out.push({
        id: `by-${metric.sweepColumn!.replace(/_/g, '-')}`,
        title: `${metric.short} by ${m.paths[0]}`,
        caption: [m.seeds > 1 ? `Median over ${m.seeds} seeds at each value; the band is the 5-95% interval between seeds.` : 'One seed per value.'],
        figure: bandChart([{ label: plotlyText(metric.short), runs }], {
          title: plotlyText(`${metric.short} by ${m.paths[0]}`),
          yTitle: metric.kind === 'usd' ? 'USD' : metric.kind === 'hours' ? 'hours' : metric.kind === 'share' ? 'share' : '',
          yKind: metric.kind === 'hours' ? 'durationHours' : metric.kind === 'share' ? 'share' : 'number',
          x: order.map((p) => p.values[0] as number),
          xTitle: plotlyText(m.paths[0]),
        }),
        whenFlat: [`${metric.short}: ${formatQuantity(runs[0][0], metric.kind)} at every value of `, { code: m.paths[0] }, ' in every seed.'],
      });
    }
  } else if (fullGrid) {
    for (const metric of metrics) {
      const grid = gridFromPoints(src.points.filter((p) => p.stats[metric.key]).map((p) => ({ x: p.values[0] as number | string, y: p.values[1] as number | string, value: p.stats[metric.key].median })));
      out.push({
        id: `heatmap-${metric.sweepColumn!.replace(/_/g, '-')}`,
        title: `${metric.short} over ${m.paths[0]} and ${m.paths[1]}`,
        caption: ['Median over seeds at each point of the grid.'],
        figure: sweepHeatmap(grid, { title: plotlyText(`${metric.short} (median over seeds)`), xName: plotlyText(m.paths[0]), yName: plotlyText(m.paths[1]), metric: plotlyText(metric.short), reverseScale: metric.better === 'lower' }),
      });
    }
  } else if (src.points.length <= MAX_BAR_POINTS) {
    const labels = src.points.map((p) => plotlyText(pointText(m.paths, p.values)));
    out.push({
      id: 'points',
      title: 'Headline numbers by point',
      caption: ['Bars are medians over seeds; whiskers the 5-95% interval.'],
      figure: comparisonChart(labels, metrics.map((metric) => ({ name: plotlyText(metric.short), values: src.points.map((p) => p.runs[metric.key] ?? []) })), { title: 'Headline numbers by parameter point' }),
    });
  }
  return out;
}

export function buildSweepReport(src: SweepSource, ctx: SweepReportContext): BuiltReport {
  const m = src.manifest;
  const metrics = keyMetrics(src);
  const shown = src.points.slice(0, MAX_TABLE_POINTS);
  const found = findings(src);
  const blocks: Block[] = [];
  if (m.scenario.description) blocks.push({ kind: 'paragraph', content: [m.scenario.description] });
  blocks.push({ kind: 'heading', text: 'Summary' }, { kind: 'list', items: found.map((f) => f.text) });
  blocks.push(
    { kind: 'heading', text: 'Headline numbers by parameter point' },
    {
      kind: 'paragraph',
      content: [
        m.seeds > 1 ? `Median over ${m.seeds} seeds per point, with the 5-95% interval between seeds in brackets` : 'One seed per point',
        src.points.length > shown.length ? `; the first ${shown.length} of ${src.points.length} points (all in ` : ' (every metric in ',
        { link: 'data/points.csv', href: 'data/points.csv' },
        ').',
      ],
    },
    {
      kind: 'table',
      header: ['point', ...m.paths, ...metrics.map((x) => x.short)],
      numeric: [true, ...m.paths.map(() => true), ...metrics.map(() => true)],
      rows: shown.map((p) => [[String(p.index)], ...p.values.map((v): Inline[] => [valueText(v)]), ...metrics.map((x) => intervalCell(p.stats[x.key], x, m.seeds))]),
      fullIn: 'data/points.csv',
    },
  );
  const figures = charts(src);
  if (figures.length) {
    blocks.push({ kind: 'heading', text: 'Charts' });
    blocks.push(...chartBlocks(figures));
  }
  blocks.push(...assumptionsSection(m.scenario));
  const baseline = src.baseline;
  const sweptNote: Block = { kind: 'paragraph', content: ['Swept: ', ...m.paths.flatMap((p, i): Inline[] => [i ? ', ' : '', { code: p }]), '; the values below are the base scenario\'s.'] };
  const parameters = { label: m.scenario.name, rows: compareParameters(m.scenario, baseline?.scenario), baselineName: baseline?.name };
  blocks.push(...parametersSection([parameters]).flatMap((b, i) => (i === 0 ? [b, sweptNote] : [b])));
  blocks.push(
    ...dataSection([
      { file: 'data/points.csv', what: 'the sweep\'s points.csv: mean, median, 5% and 95% over seeds of every metric at every point' },
      { file: PARAMETERS_FILE, what: 'every parameter of the base scenario, with its unit, meaning and value in the preset' },
      { file: ASSUMPTIONS_FILE, what: 'every sourced parameter value of the base scenario, with its source' },
      { file: 'data/runs.csv', what: 'the sweep\'s runs.csv: the headline numbers of every run' },
      ...(src.tornado.length ? [{ file: 'data/tornado.csv', what: 'the sweep\'s tornado.csv: one-at-a-time sensitivity' }] : []),
      { file: 'summary.json', what: 'every number of the summary and table' },
      { file: 'manifest.json', what: 'how this report was made, with the sweep\'s manifest' },
    ]),
  );
  const sweepCommand = m.sessions[0]?.command ?? '(not recorded)';
  blocks.push(
    ...reproduceSection({
      command: ctx.command,
      version: ctx.version,
      gitCommit: ctx.gitCommit,
      node: ctx.node,
      details: [
        ['The sweep: ', { code: sweepCommand }, ` (prover-sim ${m.version}, git commit ${m.gitCommit}; master seed ${m.masterSeed}, ${m.seeds} seed${m.seeds > 1 ? 's' : ''} per point).`],
        [`Seeding: ${m.seeding}.`],
      ],
    }),
  );
  const doc: ReportDocument = {
    title: ctx.title ?? `${m.scenario.name}: sweep of ${m.paths.length ? m.paths.join(', ') : 'seeds'}`,
    lead: [`A prover-sim sweep: ${m.pointCount} points x ${m.seeds} seeds = ${m.totalRuns} runs of ${m.scenario.days} days, ${m.scenario.mechanism.kind} mechanism.`],
    notices: [],
    blocks,
  };
  return {
    doc,
    summary: {
      kind: 'sweep',
      title: doc.title,
      sweep: { scenarioRef: m.scenarioRef, paths: m.paths, seeds: m.seeds, masterSeed: m.masterSeed, pointCount: m.pointCount, totalRuns: m.totalRuns },
      table: { metrics: metrics.map((x) => ({ key: x.key, label: x.short, kind: x.kind })), points: shown.map((p) => p.index) },
      points: src.points.map((p) => ({ point: p.index, values: p.values, metrics: Object.fromEntries(metrics.map((x) => [x.key, p.stats[x.key]])) })),
      findings: found.map(findingJson),
    },
    // The sweep's own tables, as they are: the report's numbers come from them.
    data: {
      ...Object.fromEntries(Object.entries(src.tables).map(([file, text]) => [`data/${file}`, text])),
      [PARAMETERS_FILE]: parametersCsv([parameters]),
      [ASSUMPTIONS_FILE]: assumptionsCsv(m.scenario),
    },
    command: ctx.command,
  };
}
