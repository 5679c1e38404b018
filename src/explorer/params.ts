/**
 * The parameters a reader can change in the explorer: those the robustness runs show to matter.
 * Declared as a list of scenario paths, so adding one is one line; everything shown about it (its
 * meaning, unit, range, default and source) is read from the schema declaration at that path.
 */
import { z } from 'zod';
import { core, parameterDeclaration, parameterSchema } from '../docs/parameters';
import { calibrated, provenance } from '../model/scenario/calibration';
import type { Scenario } from '../model/scenario/schema';

export interface ExplorerParameter {
  /** Dotted scenario path, as `--set` takes it. */
  path: string;
  /** Short name next to the input. */
  label: string;
  /** Whether it matters in a scenario (default: whenever the scenario has it). */
  applies?: (s: Scenario) => boolean;
  /** The data/calibration figure its default comes from, where the schema's default is a whole object (hardware kinds). */
  calibration?: string;
}

const centralizedWith = (trigger: string) => (s: Scenario) => s.mechanism.kind === 'centralized' && s.mechanism.backupTrigger === trigger;

/** The explorer's parameters, in the order they are shown. */
export const EXPLORER_PARAMETERS: readonly ExplorerParameter[] = [
  { path: 'rewards.feeUsdPerBatch', label: 'Fee per batch' },
  { path: 'rewards.redistributionShare', label: 'Share of rewards redistributed to tokenholders' },
  { path: 'mechanism.governanceDelayHours', label: 'Governance delay before the backup pool opens', applies: centralizedWith('governance') },
  { path: 'mechanism.timeoutHours', label: 'Protocol timeout before the backup pool opens', applies: centralizedWith('timeout') },
  { path: 'mechanism.provingWindowHours', label: 'Proving window of the assigned prover' },
  { path: 'mechanism.timeoutMinutes', label: 'Timeout of a proof request' },
  { path: 'costs.hardwareYearlyDecline', label: 'Hardware cost decline per year', applies: (s) => s.costs.hardwareDeclineModel === 'exponential' },
  { path: 'costs.experienceLearningRate', label: 'Hardware price fall per doubling of units', applies: (s) => s.costs.hardwareDeclineModel === 'experience' },
  { path: 'hardware.asic.availableFromYear', label: 'ASIC arrival', calibration: 'hardware.kinds.asic.availableFromYear' },
  { path: 'behaviour.entryProbabilityPerDay', label: 'Entry probability of a profitable prover' },
  { path: 'seed', label: 'Master seed' },
];

/** What the page shows and needs about one input. */
export interface InputSpec {
  path: string;
  label: string;
  /** Meaning, from the schema. */
  doc: string;
  unit?: string;
  /** Allowed values in words ("0 to 1", "at least 0", "a number or an expression of t"). */
  range: string;
  /** The value the scenario runs with, as text (what `--set path=<text>` takes). */
  value: string;
  /** The schema's default, as text, when it has one. */
  defaultValue?: string;
  /** Where the value comes from: the preset's own source when it sets it, else the default's. */
  source?: string;
}

/** A value as `--set` text: numbers in their shortest exact form, expressions as they are. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The allowed range of a declaration in words. */
export function rangeText(schema: z.ZodTypeAny): string {
  const s = core(schema);
  if (!(s instanceof z.ZodNumber)) return 'a number, or a mathjs expression of t in years (e.g. 20 * 1.1^t)';
  let low: string | undefined;
  let high: string | undefined;
  for (const check of s._def.checks) {
    if (check.kind === 'min') low = `${check.inclusive ? 'at least' : 'more than'} ${check.value}`;
    if (check.kind === 'max') high = `${check.inclusive ? 'at most' : 'less than'} ${check.value}`;
  }
  const words = [low, high].filter(Boolean).join(' and ') || 'any number';
  return s.isInt ? `a whole number, ${words}` : words;
}

function valueAt(scenario: unknown, path: string): unknown {
  let node = scenario;
  for (const key of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** The inputs of a scenario: the explorer's parameters it has and that matter in it. */
export function explorerInputs(scenario: Scenario, parameters: readonly ExplorerParameter[] = EXPLORER_PARAMETERS): InputSpec[] {
  const out: InputSpec[] = [];
  for (const p of parameters) {
    const value = valueAt(scenario, p.path);
    const schema = parameterSchema(p.path, scenario);
    if (value === undefined || !schema || (p.applies && !p.applies(scenario))) continue;
    const declaration = parameterDeclaration(p.path, scenario);
    const doc = declaration?.doc;
    const spec: InputSpec = { path: p.path, label: p.label, doc: doc?.doc ?? '', range: rangeText(schema), value: valueText(value) };
    if (doc?.unit) spec.unit = doc.unit;
    if (declaration?.hasDefault) spec.defaultValue = valueText(declaration.defaultValue);
    if (p.calibration) spec.defaultValue = valueText(calibrated(p.calibration));
    const source = scenario.sources[p.path] ?? (p.calibration ? provenance(p.calibration) : doc?.source);
    if (source) spec.source = source;
    out.push(spec);
  }
  return out;
}
