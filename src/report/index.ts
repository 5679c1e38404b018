/**
 * Reports for governance forums: report.md (ready to paste into a Discourse post), a self-contained
 * index.html with interactive charts, PNG and SVG charts rendered by headless Chromium, data files,
 * summary.json and manifest.json, for a scenario, a comparison of scenarios, a finished sweep, or
 * the answers to a thread's questions (one section per question).
 */
export { exportReport, DEFAULT_REPORT_SEEDS, type ReportOptions, type ReportResult } from './export';
export { exportAnswers, type AnswerQuestion, type AnswerRuns, type AnswersOptions } from './answers';
export type { AnswerSection } from './write/answers';
export { FindingWriter, type Finding, type FindingValue } from './write/findings';
export type { Inline, ReportChart } from './write/document';
export type { MeasuredVariant } from './measure/variants';
export { ReportError } from './errors';
export { parseCompareOption, type ScenarioSource } from './gather/variants';
export { escapeHtml, escapeMarkdown, plotlyText } from './escape';
export { formatQuantity, type QuantityKind } from './write/format';
export { HEADLINE_METRICS, type HeadlineMetric } from './measure/metrics';
export { keyAssumptions, type Assumption } from './measure/assumptions';
export type { RenderOutcome } from './assemble/render-charts';
