/**
 * The comparison report: several scenarios run on the same seeds, side by side (headline table,
 * which is best and by how much, charts over time, what differs between them).
 */
import { HEADLINE_METRICS, type HeadlineMetric } from '../measure/metrics';
import { flattenParameters, sameValue, valueText } from '../measure/parameters';
import type { MeasuredVariant } from '../measure/variants';
import { chartBlocks, comparisonCharts } from './charts';
import { dataFiles, dataList, headlineTable, metricJson, reproduceInfo, sameSeedsLead, variantParameters, type BuiltReport, type ReportContext } from './context';
import type { Block, Inline, ReportDocument } from './document';
import { comparisonFindings, findingJson } from './findings';
import { assumptionsSection, dataSection, PARAMETERS_FILE, parametersSection, reproduceSection } from './sections';

/** Parameters whose values differ between the variants. */
function differingParameters(variants: readonly MeasuredVariant[]): Array<{ path: string; values: unknown[] }> {
  const lists = variants.map((v) => new Map(flattenParameters(v.scenario).map((p) => [p.path, p.value] as const)));
  const paths = [...new Set(lists.flatMap((l) => [...l.keys()]))];
  return paths.map((p) => ({ path: p, values: lists.map((l) => l.get(p)) })).filter((d) => d.values.some((x) => !sameValue(x, d.values[0])));
}

/** The comparison report: several scenarios, the same seeds, side by side. */
export function buildComparisonReport(variants: readonly MeasuredVariant[], ctx: ReportContext): BuiltReport {
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
    headlineTable(variants, metrics, ctx.seeds.length),
  );
  blocks.push({ kind: 'heading', text: 'Charts' });
  const panelKeys = ['activeProversLastYear', 'nakamoto30dLastYear', 'top1RewardShare30dLastYear', 'p95FinalityDelayHours', 'missedDeadlineShare', 'costPerProofUsd', 'proverProfitUsd', 'tokenholderIncomeUsd', 'entryCapitalUsdEnd'];
  const panels = panelKeys.map((k) => HEADLINE_METRICS.find((m) => m.key === k)!).filter(Boolean);
  blocks.push(...chartBlocks(comparisonCharts(variants, panels)));

  const diffs = differingParameters(variants);
  blocks.push({ kind: 'heading', text: 'What differs between the scenarios' });
  blocks.push(
    diffs.length
      ? { kind: 'table', header: ['parameter', ...labels], rows: diffs.map((d) => [[{ code: d.path }], ...d.values.map((x): Inline[] => [valueText(x)])]), fullIn: PARAMETERS_FILE }
      : { kind: 'paragraph', content: ['No parameter differs: the scenarios differ only in name.'] },
  );
  blocks.push(...assumptionsSection(variants[0].scenario, [
    'Sources of the numbers of ', { strong: variants[0].label }, ' (the other scenarios share them except where listed under "What differs"): the sourced figures of ', { code: 'data/calibration/*.json' }, ' and the presets\' own sources.',
  ]));
  blocks.push(...parametersSection(variants.map(variantParameters)));
  blocks.push(...dataSection(dataList(variants)));
  blocks.push(...reproduceSection(reproduceInfo(ctx, variants)));
  const doc: ReportDocument = {
    title: ctx.title ?? (variants.length <= 3 ? `${labels.join(' vs ')}: prover-sim comparison` : `${variants.length} scenarios compared: prover-sim comparison`),
    lead: sameSeedsLead(ctx, variants),
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
      scenarios: variants.map((v) => ({ label: v.label, name: v.scenario.name, ref: v.ref, set: v.set, days: v.scenario.days, metrics: metricJson(v), perSeed: v.summaries })),
      table: metrics.map((m) => m.key),
      findings: findings.map(findingJson),
    },
    data: dataFiles(variants),
    command: ctx.command,
  };
}

/** Metrics of the comparison table: every metric any scenario shows, in the first one's order. */
function mergedMetrics(variants: readonly MeasuredVariant[]): HeadlineMetric[] {
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
