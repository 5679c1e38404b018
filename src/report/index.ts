/**
 * Reports for governance forums: report.md (ready to paste into a Discourse post), a self-contained
 * index.html with interactive charts, PNG and SVG charts rendered by headless Chromium, data files,
 * summary.json and manifest.json, for a scenario, a comparison of scenarios, or a finished sweep.
 */
export { exportReport, DEFAULT_REPORT_SEEDS, type ReportOptions, type ReportResult } from './export';
export { ReportError } from './errors';
export { parseCompareOption, type ScenarioSource } from './gather/variants';
export { escapeHtml, escapeMarkdown, plotlyText } from './escape';
export { formatQuantity, type QuantityKind } from './write/format';
export { HEADLINE_METRICS, type HeadlineMetric } from './measure/metrics';
export { keyAssumptions, type Assumption } from './measure/assumptions';
export type { RenderOutcome } from './assemble/render-charts';
