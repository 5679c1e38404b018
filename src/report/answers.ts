/**
 * exportAnswers: the "thread answers" report through the same pipeline as every report. It gathers
 * and measures the scenarios the questions are answered from (the same seeds for all, so their
 * differences are the mechanisms', not the luck of the draw), asks each question's writer for its
 * answer, writes one section per question (write/answers.ts) and assembles the folder.
 *
 * The questions are data: each names its question, its notebook and a function from the runs to its
 * answer, chart and assumptions. A question that needs a scenario beyond the shared ones asks for
 * it (`runs.extra`): it runs on the same seeds and its numbers join the report's data files.
 */
import * as path from 'path';
import { gitCommit, packageVersion } from '../io/manifest';
import { assembleReport, type ReportResult } from './assemble/assemble';
import { prepareReportFolder } from './assemble/folder';
import { DEFAULT_REPORT_SEEDS } from './export';
import { ReportError } from './errors';
import { checkMasterSeed, checkSeedCount, reportSeeds, runVariants } from './gather/runs';
import { resolveVariants, type ScenarioSource } from './gather/variants';
import { measureVariants, type MeasuredVariant } from './measure/variants';
import { buildAnswersReport, type AnswerSection } from './write/answers';
import type { Inline } from './write/document';

/** The runs a question is answered from. */
export interface AnswerRuns {
  /** The shared scenarios, in the order given. */
  variants: readonly MeasuredVariant[];
  seeds: readonly number[];
  /** A shared scenario by its label (throws on a label that is not one). */
  variant(label: string): MeasuredVariant;
  /**
   * Another scenario on the same seeds (a preset, file or object with `--set` style overrides),
   * run once however many questions ask for it.
   */
  extra(source: ScenarioSource, options?: { set?: readonly string[]; label?: string }): MeasuredVariant;
}

/** A question of the thread and how to answer it from the runs. */
export interface AnswerQuestion {
  id: string;
  question: string;
  notebook: AnswerSection['notebook'];
  answer(runs: AnswerRuns): Pick<AnswerSection, 'answer' | 'chart' | 'assumptions'>;
}

export interface AnswersOptions {
  /** The scenarios every question may draw on. */
  scenarios: readonly ScenarioSource[];
  /** Their names in tables and charts (default: scenario names). */
  labels?: readonly string[];
  questions: readonly AnswerQuestion[];
  out: string;
  seeds?: number;
  masterSeed?: number;
  days?: number;
  title?: string;
  /** A paragraph under the title: what the thread asked and how it is answered. */
  intro?: Inline[];
  /** The command that makes this report again (shown under "Reproduce"), e.g. `npm start`. */
  command: string;
  charts?: boolean;
  chromiumPath?: string;
  searchDefaultBrowsers?: boolean;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export async function exportAnswers(o: AnswersOptions): Promise<ReportResult> {
  const t0 = performance.now();
  const log = o.log ?? (() => undefined);
  const outDir = path.resolve(o.out);
  const seedCount = o.seeds ?? DEFAULT_REPORT_SEEDS;
  checkSeedCount(seedCount);
  const variants = resolveVariants({ sources: o.scenarios, days: o.days, labels: o.labels });
  const masterSeed = o.masterSeed ?? variants[0].scenario.seed;
  checkMasterSeed(masterSeed);
  prepareReportFolder(outDir, o.scenarios.filter((s): s is string => typeof s === 'string'));
  const seeds = reportSeeds(masterSeed, seedCount);
  log(`answers: running ${variants.length} scenarios x ${seedCount} seeds`);
  const gathered = runVariants(variants, seeds);
  let simulateMs = gathered.reduce((a, v) => a + v.simulateMs, 0);
  const measured = measureVariants(gathered);

  const extras = new Map<string, MeasuredVariant>();
  const runs: AnswerRuns = {
    variants: measured,
    seeds,
    variant(label) {
      const v = measured.find((x) => x.label === label);
      if (!v) throw new Error(`answers: no scenario labelled "${label}" (have: ${measured.map((x) => x.label).join(', ')})`);
      return v;
    },
    extra(source, options = {}) {
      const key = JSON.stringify([source, options.set ?? [], options.label ?? null]);
      const known = extras.get(key);
      if (known) return known;
      const [variant] = resolveVariants({ sources: [source], set: options.set, days: o.days, labels: options.label ? [options.label] : undefined });
      const taken = new Set([...measured, ...extras.values()].map((x) => x.label));
      if (taken.has(variant.label)) throw new ReportError(`answers: an extra scenario needs a label of its own; "${variant.label}" is taken`);
      variant.scenarioFile = `data/scenario-extra-${extras.size + 1}.json`;
      const [ran] = runVariants([variant], seeds);
      simulateMs += ran.simulateMs;
      const [m] = measureVariants([ran]);
      extras.set(key, m);
      return m;
    },
  };
  const sections: AnswerSection[] = o.questions.map((q) => ({ id: q.id, question: q.question, notebook: q.notebook, ...q.answer(runs) }));
  const all = [...measured, ...extras.values()];
  const built = buildAnswersReport(sections, all, {
    title: o.title,
    intro: o.intro,
    masterSeed,
    seeds,
    command: o.command,
    version: packageVersion(),
    gitCommit: gitCommit(),
    node: process.version,
  });
  return assembleReport(built, {
    outDir,
    kind: 'answers',
    charts: o.charts !== false,
    chromiumPath: o.chromiumPath,
    searchDefaultBrowsers: o.searchDefaultBrowsers,
    sources: all.map((v) => v.ref),
    version: packageVersion(),
    gitCommit: gitCommit(),
    startedMs: t0,
    simulateMs,
    log,
    warn: o.warn ?? ((line: string) => process.stderr.write(`${line}\n`)),
  });
}
