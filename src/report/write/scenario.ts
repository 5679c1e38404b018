/**
 * The single-scenario report: K seeds of one scenario turned into a document, summary.json and data
 * files. Everything printed comes from the same statistics that summary.json holds.
 */
import { formatQuantity } from './format';
import type { HeadlineMetric } from '../measure/metrics';
import type { Interval } from '../measure/stats';
import type { MeasuredVariant } from '../measure/variants';
import { chartBlocks, scenarioCharts } from './charts';
import { dataFiles, HEADLINE_FILE, dataList, mechanismText, metricJson, reproduceInfo, seedsText, variantParameters, yearsText, type BuiltReport, type ReportContext } from './context';
import type { Block, ReportDocument } from './document';
import { findingJson, scenarioFindings } from './findings';
import { assumptionsSection, dataSection, parametersSection, reproduceSection } from './sections';

const cellText = (i: Interval | undefined, m: HeadlineMetric, field: 'median' | 'p5' | 'p95') => (i ? formatQuantity(i[field], m.kind) : 'n/a');

/** The single-scenario report. */
export function buildScenarioReport(v: MeasuredVariant, ctx: ReportContext): BuiltReport {
  const s = v.scenario;
  const findings = scenarioFindings({
    seeds: ctx.seeds.length,
    days: s.days,
    deadlineHours: s.finality.deadlineHours,
    stats: v.stats,
    values: v.values,
    classes: s.provers.classes.map((c) => ({ id: c.id, label: c.label })),
  });
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
      fullIn: HEADLINE_FILE,
    },
  );
  blocks.push({ kind: 'heading', text: 'Charts' });
  blocks.push(...chartBlocks(scenarioCharts(v)));
  blocks.push(...assumptionsSection(s));
  blocks.push(...parametersSection([variantParameters(v)]));
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
      scenarios: [{ label: v.label, name: s.name, ref: v.ref, metrics: metricJson(v), perSeed: v.summaries }],
      findings: findings.map(findingJson),
    },
    data: dataFiles([v]),
    command: ctx.command,
  };
}

