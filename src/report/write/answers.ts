/**
 * The "thread answers" report: one section per question of a forum thread, each with the question
 * in one line, the answer in a short paragraph whose numbers (and their uncertainty) are recorded
 * like a finding's, one chart, the assumptions the answer depends on, and the notebook that
 * explores it. The questions and their answers are written elsewhere (they are functions of the
 * runs); this writer lays them out the same way every time, then adds what every report has: the
 * headline table of the scenarios run, data files and how to reproduce.
 */
import type { MeasuredVariant } from '../measure/variants';
import { chartBlocks } from './charts';
import { dataFiles, dataList, headlineTable, metricJson, reproduceInfo, sameSeedsLead, type BuiltReport, type ReportContext } from './context';
import { plainText, type Block, type Inline, type ReportChart, type ReportDocument } from './document';
import { findingJson, type Finding } from './findings';
import { dataSection, reproduceSection } from './sections';

/** One question of the thread, answered. */
export interface AnswerSection {
  /** Lower-case letters, digits and dashes: the section's anchor and its chart's file name. */
  id: string;
  /** The question, in one line. */
  question: string;
  /** The answer: a short paragraph; every number it prints is recorded with what it is. */
  answer: Finding;
  /** The one chart of the answer (a flat one becomes its sentence, as everywhere). */
  chart: ReportChart;
  /** What the answer depends on, one sentence each (the range over which it holds, where known). */
  assumptions: Inline[][];
  /** The notebook that explores the question (a path in the repository, e.g. notebooks/01-x.ipynb). */
  notebook: { file: string; title: string };
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkSections(sections: readonly AnswerSection[]): void {
  if (sections.length === 0) throw new Error('buildAnswersReport: no questions');
  const ids = new Set<string>();
  for (const s of sections) {
    if (!ID.test(s.id)) throw new Error(`buildAnswersReport: section id "${s.id}" is not lower-case words joined by dashes`);
    if (ids.has(s.id)) throw new Error(`buildAnswersReport: two sections have the id "${s.id}"`);
    ids.add(s.id);
    if (/[\r\n]/.test(s.question)) throw new Error(`buildAnswersReport: question "${s.id}" is more than one line`);
    if (s.answer.values.length === 0) throw new Error(`buildAnswersReport: the answer to "${s.id}" prints no number`);
  }
}

/** The blocks of one answered question. */
function sectionBlocks(s: AnswerSection): Block[] {
  // Chart files are named after the question, so two answers never share one.
  const chart: ReportChart = { ...s.chart, id: `${s.id}-${s.chart.id}` };
  return [
    { kind: 'heading', text: s.question },
    { kind: 'paragraph', content: s.answer.text },
    ...chartBlocks([chart]),
    { kind: 'paragraph', content: [{ strong: 'Depends on' }, s.assumptions.length ? ':' : ': nothing beyond the scenarios\' parameters.'] },
    ...(s.assumptions.length ? [{ kind: 'list', items: s.assumptions } as Block] : []),
    { kind: 'paragraph', content: [{ strong: 'Explore' }, ': ', s.notebook.title, ', in ', { code: s.notebook.file }, '.'] },
  ];
}

/** The answers report over the measured scenarios it was computed from. */
export function buildAnswersReport(sections: readonly AnswerSection[], variants: readonly MeasuredVariant[], ctx: ReportContext & { intro?: Inline[] }): BuiltReport {
  checkSections(sections);
  const blocks: Block[] = [];
  if (ctx.intro) blocks.push({ kind: 'paragraph', content: ctx.intro });
  blocks.push({ kind: 'list', items: sections.map((s) => [s.question]) });
  for (const s of sections) blocks.push(...sectionBlocks(s));

  const seeds = ctx.seeds.length;
  const metrics = variants[0].metrics;
  blocks.push(
    { kind: 'heading', text: 'The scenarios behind the answers' },
    {
      kind: 'paragraph',
      content: [
        `${variants.length} scenario${variants.length > 1 ? 's' : ''}, each run with the same ${seeds} seed${seeds > 1 ? 's' : ''}: `,
        ...variants.flatMap((v, i): Inline[] => [i ? '; ' : '', { strong: v.label }, ` (${v.ref === '(object)' ? 'scenario object' : v.ref}${v.set.length ? `, ${v.set.join(', ')}` : ''})`]),
        seeds > 1 ? '. Median over seeds, with the 5-95% interval between seeds in brackets.' : '.',
      ],
    },
    headlineTable(variants, metrics, seeds),
  );
  blocks.push(...dataSection(dataList(variants)));
  blocks.push(...reproduceSection(reproduceInfo(ctx, variants)));
  const doc: ReportDocument = {
    title: ctx.title ?? 'Answers from prover-sim',
    lead: sameSeedsLead(ctx, variants),
    notices: [],
    blocks,
  };
  return {
    doc,
    summary: {
      kind: 'answers',
      title: doc.title,
      masterSeed: ctx.masterSeed,
      seeds: ctx.seeds,
      answers: sections.map((s) => ({
        id: s.id,
        question: s.question,
        answer: findingJson(s.answer),
        chart: `${s.id}-${s.chart.id}`,
        assumptions: s.assumptions.map(plainText),
        notebook: s.notebook,
      })),
      scenarios: variants.map((v) => ({ label: v.label, name: v.scenario.name, ref: v.ref, set: v.set, days: v.scenario.days, metrics: metricJson(v), perSeed: v.summaries })),
    },
    data: dataFiles(variants),
    command: ctx.command,
  };
}
