/**
 * The figure specs of scenario and comparison reports, built with the shared chart functions of
 * src/charts (one theme). Every label that comes from a scenario (class labels, scenario names)
 * passes through plotlyText, since plotly reads tags in its strings.
 */
import { durationUnit } from '../../charts/axes';
import { bandChart, dailyRuns, type BandChartOptions } from '../../charts/bands';
import { comparisonChart, type ComparisonMetric } from '../../charts/comparison';
import { finalityHistogramChart, mergeHistograms } from '../../charts/histogram';
import { everActiveProverAmounts, lorenzChart } from '../../charts/lorenz';
import { classSeries, shareChart, type NamedSeries } from '../../charts/shares';
import type { DailyColumn } from '../../model/columns';
import type { RunResult } from '../../model/result';
import { everySeriesFlat } from '../../charts/figure';
import type { Block, Inline, ReportChart } from './document';
import { plotlyText } from '../escape';
import type { HeadlineMetric, HeadlineValues, QuantityKind } from '../measure/metrics';
import { formatQuantity } from './format';

/** What the charts need of one scenario (variant) of a report. */
export interface ChartVariant {
  label: string;
  results: readonly RunResult[];
  values: readonly HeadlineValues[];
}

/** Curves per Lorenz chart at most: more seeds make a tangle, not information. */
const MAX_LORENZ_CURVES = 5;

const spreadNote = (seeds: number): Inline[] =>
  seeds > 1 ? [`Lines are the median over ${seeds} seeds; shaded bands the 5-95% interval between seeds.`] : ['One seed: no interval between seeds.'];

/** A daily series charted as median and band over seeds, one per scenario. */
interface BandSpec {
  id: string;
  title: string;
  caption: Inline[];
  column: DailyColumn;
  smoothDays: number;
  kind: QuantityKind;
  chart: BandChartOptions;
}

/**
 * A band chart of a daily column; when the column holds one value on every day of every seed (per
 * scenario), the sentence saying so stands in for the chart.
 */
function bandReportChart(variants: readonly ChartVariant[], spec: BandSpec, note: Inline[]): ReportChart {
  const series = variants.map((v) => ({ label: plotlyText(v.label), runs: dailyRuns(v.results, spec.column, spec.smoothDays) }));
  let figure = bandChart(series, spec.chart);
  if (spec.kind === 'share') figure = withPercentAxis(figure);
  const constants = variants.map((v) => constantOf(v.results.map((r) => r.daily[spec.column])));
  const whenFlat: Inline[] | undefined = constants.every((c) => c !== undefined)
    ? variants.length === 1
      ? [`${spec.title}: ${formatQuantity(constants[0]!, spec.kind)} on every day of ${seedsPhrase(variants[0].results.length)}.`]
      : [`${spec.title}, the same on every day of every seed: `, ...variants.flatMap((v, i): Inline[] => [i ? '; ' : '', { strong: v.label }, ` ${formatQuantity(constants[i]!, spec.kind)}`]), '.']
    : undefined;
  return { id: spec.id, title: spec.title, caption: [...spec.caption, ...note], figure, whenFlat };
}

const seedsPhrase = (seeds: number) => (seeds === 1 ? 'the run' : `every seed (${seeds})`);

/** The one value every series holds at every point, or undefined when they vary. */
function constantOf(series: ReadonlyArray<ArrayLike<number>>): number | undefined {
  const first = series[0]?.[0];
  if (first === undefined || !Number.isFinite(first)) return undefined;
  return series.every((xs) => Array.prototype.every.call(xs, (x: number) => x === first)) ? first : undefined;
}

/** Charts of one or more scenarios over time (shared by single and comparison reports). */
function timeCharts(variants: readonly ChartVariant[]): ReportChart[] {
  const seeds = variants[0].results.length;
  const note = spreadNote(seeds);
  const one = variants.length === 1;
  const bands = (specs: BandSpec[]) => specs.map((spec) => bandReportChart(variants, spec, note));
  const charts: ReportChart[] = bands([
    {
      id: 'active-provers',
      title: 'Active provers',
      caption: ['Provers taking part each day (7-day mean). '],
      column: 'active_provers',
      smoothDays: 7,
      kind: 'count',
      chart: { title: 'Active provers (7-day mean)', yTitle: 'provers', yMin: 0 },
    },
    {
      id: 'nakamoto',
      title: 'Nakamoto coefficient',
      caption: ['Fewest provers whose proofs add up to more than half, over 30-day windows: 1 means one prover does most of the work. '],
      column: 'nakamoto_coefficient_30d',
      smoothDays: 1,
      kind: 'count',
      chart: { title: 'Nakamoto coefficient of proofs (30-day windows)', yTitle: 'provers', yMin: 0 },
    },
    {
      id: 'top-share',
      title: 'Largest prover\'s share of rewards',
      caption: ['Share of prover rewards earned by the largest prover over 30-day windows. '],
      column: 'top1_reward_share_30d',
      smoothDays: 1,
      kind: 'share',
      chart: { title: 'Largest prover\'s share of rewards (30-day windows)', yTitle: 'share', yMin: 0 },
    },
    {
      id: 'finality-p95',
      title: 'Finality delay over time',
      caption: ['95th percentile of the delay from posting a batch to its proof, per day (7-day mean), log scale. '],
      column: 'p95_finality_delay_hours',
      smoothDays: 7,
      kind: 'hours',
      chart: { title: '95th percentile finality delay (7-day mean)', yTitle: 'delay (log scale)', yType: 'log', yKind: 'durationHours' },
    },
  ]);
  const deadline = variants[0].results[0].scenario.finality.deadlineHours;
  const sameDeadline = variants.every((v) => v.results[0].scenario.finality.deadlineHours === deadline);
  charts.push({
    id: 'finality-distribution',
    title: 'Finality delay distribution',
    caption: [`Share of proven batches that took at least a given delay, all seeds pooled (log axes: rare long delays stay visible)${sameDeadline ? `; the dotted line is the ${formatQuantity(deadline, 'hours')} deadline` : ''}.`],
    figure: finalityHistogramChart(
      variants.map((v) => ({ label: plotlyText(v.label), histogram: mergeHistograms(v.results.map((r) => r.finalityHistogram)) })),
      { title: 'Finality delay: share of batches taking at least a given delay', deadlineHours: sameDeadline ? deadline : undefined, view: 'exceedance' },
    ),
    whenFlat: ['Finality delay distribution: every proven batch took about the same time (one bin of the delay histogram); see the finality numbers above.'],
  });
  charts.push(
    ...bands([
      {
        id: 'prover-profit',
        title: 'Prover profit per day',
        caption: ['Rewards won by all provers minus their costs, per day (30-day mean). '],
        column: 'prover_profit_usd',
        smoothDays: 30,
        kind: 'usd',
        chart: { title: 'Prover profit per day (30-day mean)', yTitle: 'USD/day' },
      },
      {
        id: 'tokenholder-income',
        title: 'Tokenholder income per day',
        caption: ['Rewards redistributed to tokenholders, per day (30-day mean). '],
        column: 'tokenholder_income_usd',
        smoothDays: 30,
        kind: 'usd',
        chart: { title: 'Tokenholder income per day (30-day mean)', yTitle: 'USD/day', yMin: 0 },
      },
      {
        id: 'wasted-work',
        title: 'Wasted proving work',
        caption: ['Share of the day\'s attempt spending on attempts that did not win (30-day mean). '],
        column: 'wasted_cost_share',
        smoothDays: 30,
        kind: 'share',
        chart: { title: 'Wasted share of attempt spending (30-day mean)', yTitle: 'share', yMin: 0 },
      },
      {
        id: 'entry-capital',
        title: 'Capital needed to enter',
        caption: ['Least up-front capital (hardware at the day\'s prices plus stake) with which a newcomer can start proving: the permissionless axis, separate from concentration. '],
        column: 'entry_capital_usd',
        smoothDays: 1,
        kind: 'usd',
        chart: { title: 'Capital needed to enter', yTitle: 'USD', yMin: 0 },
      },
    ]),
  );
  if (one) charts.splice(3, 0, classSharesChart(variants[0]));
  charts.push(lorenz(variants));
  return charts;
}

/**
 * The blocks of a list of charts: a subheading and the figure, or, for a chart whose every series is
 * flat, its sentence instead (a chart must show something that varies).
 */
export function chartBlocks(charts: readonly ReportChart[]): Block[] {
  return charts.flatMap((chart): Block[] =>
    everySeriesFlat(chart.figure)
      ? [{ kind: 'paragraph', content: chart.whenFlat ?? [`${chart.title}: the same value throughout, so no chart.`] }]
      : [{ kind: 'subheading', text: chart.title }, { kind: 'figure', chart }],
  );
}

/** Who does the work: proofs won by class, seeds pooled. */
function classSharesChart(v: ChartVariant): ReportChart {
  const first = classSeries(v.results[0], 'proofs_won');
  const pooled: NamedSeries[] = first.map((s, c) => {
    const sum = new Float64Array(s.values.length);
    for (const r of v.results) {
      const values = classSeries(r, 'proofs_won')[c].values;
      for (let d = 0; d < sum.length; d++) sum[d] += values[d];
    }
    return { label: plotlyText(s.label), values: sum };
  });
  return {
    id: 'class-shares',
    title: 'Proofs by prover class',
    caption: [`Share of proofs won by each prover class (30-day mean), ${v.results.length > 1 ? `all ${v.results.length} seeds pooled` : 'one seed'}.`],
    figure: shareChart(pooled, { title: 'Proofs won by prover class', top: 6 }),
    whenFlat: (() => {
      // Labels as written (pooled's are escaped for plotly).
      const winners = first.filter((_, c) => Array.prototype.some.call(pooled[c].values, (x: number) => x > 0));
      return winners.length === 1 ? [`Proofs by prover class: ${winners[0].label} won every proof, every day.`] : undefined;
    })(),
  };
}

function lorenz(variants: readonly ChartVariant[]): ReportChart {
  const groups: Array<{ label: string; amounts: Float64Array }> = [];
  if (variants.length === 1) {
    for (const r of variants[0].results.slice(0, MAX_LORENZ_CURVES)) groups.push({ label: `seed ${r.seed}`, amounts: everActiveProverAmounts(r) });
  } else {
    // Replicate 0 of every variant: the same population and environment (common random numbers).
    for (const v of variants) groups.push({ label: plotlyText(`${v.label} (seed ${v.results[0].seed})`), amounts: everActiveProverAmounts(v.results[0]) });
  }
  const shown = variants.length === 1 ? Math.min(variants[0].results.length, MAX_LORENZ_CURVES) : variants.length;
  return {
    id: 'lorenz',
    title: 'Rewards across provers',
    caption: [
      `Lorenz curves of rewards over the provers that were ever active, ${variants.length === 1 ? `one curve per seed (${shown} shown)` : 'first seed of each scenario'}; the further below the diagonal, the more concentrated.`,
    ],
    figure: lorenzChart(groups, { title: 'Lorenz curve of prover rewards' }),
  };
}

/** Bands of shares read better as percentages. */
function withPercentAxis<T extends { layout: Record<string, unknown> }>(figure: T): T {
  const yaxis = { ...(figure.layout.yaxis as Record<string, unknown>), tickformat: '.0%' };
  return { ...figure, layout: { ...figure.layout, yaxis } };
}

/** Charts of a single scenario report. */
export function scenarioCharts(variant: ChartVariant): ReportChart[] {
  return timeCharts([variant]);
}

/** One panel of the side-by-side chart; durations in the unit of their largest value. */
function comparisonPanel(m: HeadlineMetric, values: number[][]): ComparisonMetric {
  const name = plotlyText(m.short);
  if (m.kind === 'hours') {
    const { unit, perHour } = durationUnit(Math.max(0, ...values.flat().filter(Number.isFinite)));
    return { name, unit, values: values.map((xs) => xs.map((x) => x * perHour)) };
  }
  return { name, unit: m.kind === 'usd' ? 'USD' : m.kind === 'share' ? 'share' : undefined, values };
}

/** Charts of a comparison report: the headline numbers side by side, then the same charts over time. */
export function comparisonCharts(variants: readonly ChartVariant[], metrics: readonly HeadlineMetric[]): ReportChart[] {
  const seeds = variants[0].results.length;
  // A panel where every run is zero (no entry capital anywhere) says nothing.
  const shown = metrics.filter((m) => variants.some((v) => v.values.some((x) => x[m.key] !== 0)));
  const panels: ComparisonMetric[] = shown.map((m) => comparisonPanel(m, variants.map((v) => v.values.map((x) => x[m.key]))));
  const side: ReportChart = {
    id: 'comparison',
    title: 'Headline numbers side by side',
    caption: [seeds > 1 ? `Bars are medians over ${seeds} seeds; whiskers the 5-95% interval.` : 'One seed per scenario.'],
    figure: comparisonChart(variants.map((v) => plotlyText(v.label)), panels, { title: 'Headline numbers by scenario' }),
  };
  return [side, ...timeCharts(variants)];
}
