/**
 * Assumptions as data (data/robustness/assumptions.json): each one a guessed or uncertain input the
 * comparison's conclusions may depend on, the scenario paths it sets, the values it takes over its
 * documented range, its calibrated baseline, and where that range comes from. This module reads and
 * checks a file on its own; plan.ts checks every value against the scenario and the schema.
 */
import * as path from 'path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../io/paths';
import { figure } from '../model/scenario/calibration';
import { RobustnessError } from './errors';
import { readDataFile } from './input';

/** The shipped assumptions. */
export const DEFAULT_ASSUMPTIONS_FILE = path.join(PROJECT_ROOT, 'data', 'robustness', 'assumptions.json');

const scalar = z.union([z.number().finite(), z.string(), z.boolean()]);
/** A calibration figure by dotted path, e.g. "proving.latencySigmaLow" (data/calibration/proving.json). */
const calibrationKey = z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/, 'must be a dotted path into data/calibration, e.g. "proving.latencySigmaLow"');
const factor = z.union([z.number().finite().positive(), calibrationKey]);
const dottedPath = z.string().regex(/^[A-Za-z0-9_*-]+(\.[A-Za-z0-9_*-]+)*$/, 'must be a dotted scenario path, "*" standing for every element, e.g. "provers.classes.*.outagesPerYear"');

/** One scenario path an assumption's number sets. */
const targetSchema = z
  .object({
    /** Where: a dotted path into the resolved scenario; `*` for every element of a list or table. */
    path: dottedPath,
    /** A fixed value set along with every number (e.g. the latency model that a sigma belongs to). */
    value: scalar.optional(),
    /** The number times each factor (a number or a calibration figure), e.g. gwei x gas x ETH price. */
    times: z.array(factor).default([]),
    /** The number divided by each factor (a number or a calibration figure). */
    per: z.array(factor).default([]),
    /** Multiply the scenario's own value at the path by the number (a rate x 0.5, x 3) instead of setting it. */
    relative: z.boolean().default(false),
  })
  .strict();

/** A value that is not a number on the assumption's scale (e.g. exponential proof times), with its own settings. */
const caseSchema = z
  .object({
    label: z.string().min(1),
    set: z.record(dottedPath, scalar).refine((s) => Object.keys(s).length > 0, 'must set at least one path'),
  })
  .strict();

/** Where an assumption's range comes from: calibration figures (checked to be spanned), or our reasoning. */
const rangeSchema = z
  .object({
    low: calibrationKey.optional(),
    high: calibrationKey.optional(),
    baseline: calibrationKey.optional(),
    assumption: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => (r.low !== undefined && r.high !== undefined) || r.assumption !== undefined, {
    message: 'give the calibration figures of the range (low and high) or, for a range of our own, "assumption" with the reason',
  });

const assumptionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    /** Words for a delegate, short (a column heading of claims.md). */
    label: z.string().min(1),
    /** Unit of the numbers, written after them ("gwei", "x proving cost"). */
    unit: z.string().default(''),
    /** What a number sets (several paths move together). */
    set: z.array(targetSchema).default([]),
    /** The values tried: numbers on the assumption's scale and named cases; at least 3 in all. */
    values: z.array(z.union([z.number().finite(), caseSchema])).min(3),
    /** The calibrated default (a number within the values' span, or a case's label). */
    baseline: z.union([z.number().finite(), z.string()]),
    range: rangeSchema,
  })
  .strict();

const fileSchema = z
  .object({
    about: z.string().optional(),
    assumptions: z.array(assumptionSchema).min(1),
  })
  .strict();

export type AssumptionsInput = z.input<typeof fileSchema>;
export type Target = z.output<typeof targetSchema>;
export type CaseValue = z.output<typeof caseSchema>;
export type AssumptionSpec = z.output<typeof assumptionSchema>;

/** Paths an assumption may not set: the run's identity, not the model's inputs. */
const RESERVED = new Set(['name', 'description', 'sources', 'seed', 'days']);

/** An assumption with its factors resolved from the calibration. */
export interface Assumption extends AssumptionSpec {
  /** Each target's numeric factor (product of `times` over product of `per`). */
  factors: number[];
  /** One line on where the range comes from, for the manifest and claims.md. */
  rangeText: string;
}

export interface AssumptionsFile {
  /** The file read, or "(object)". */
  source: string;
  about?: string;
  assumptions: Assumption[];
}

/** Reads and checks an assumptions file (or object); every problem is a one-line RobustnessError. */
export function loadAssumptions(input: string | AssumptionsInput = DEFAULT_ASSUMPTIONS_FILE): AssumptionsFile {
  const { source, data } = readDataFile(input, 'assumptions', 'assumptions', fileSchema);
  const where = (a: AssumptionSpec) => `assumptions ${source}: "${a.id}"`;
  const ids = new Set<string>();
  const assumptions = data.assumptions.map((a) => {
    if (ids.has(a.id)) throw new RobustnessError(`${where(a)}: id given twice`);
    ids.add(a.id);
    return checkAssumption(a, where(a));
  });
  return { source, about: data.about, assumptions };
}

function checkAssumption(a: AssumptionSpec, where: string): Assumption {
  const numbers = a.values.filter((v): v is number => typeof v === 'number');
  const cases = a.values.filter((v): v is CaseValue => typeof v !== 'number');
  if (new Set(numbers).size !== numbers.length) throw new RobustnessError(`${where}: values: a number is listed twice`);
  const labels = cases.map((c) => c.label);
  if (new Set(labels).size !== labels.length) throw new RobustnessError(`${where}: values: a case label is listed twice`);
  for (const label of labels) if (label.trim() !== '' && Number.isFinite(Number(label))) throw new RobustnessError(`${where}: values: case label "${label}" reads as a number; give cases words`);
  const scaled = a.set.filter((t) => t.value === undefined);
  if (numbers.length > 0 && scaled.length === 0) throw new RobustnessError(`${where}: set: its values include numbers, so at least one target must take the number (a target without "value")`);
  const paths = [...a.set.map((t) => t.path), ...cases.flatMap((c) => Object.keys(c.set))];
  for (const p of paths) {
    if (RESERVED.has(p.split('.')[0])) throw new RobustnessError(`${where}: path ${p}: cannot be an assumption (allowed: any model parameter; not ${[...RESERVED].join(', ')})`);
  }
  const factors = a.set.map((t, i) => {
    let x = 1;
    for (const f of t.times) x *= figureValue(f, `${where}: set.${i}.times`);
    for (const f of t.per) x /= figureValue(f, `${where}: set.${i}.per`);
    return x;
  });
  if (typeof a.baseline === 'number') {
    if (numbers.length === 0 || a.baseline < Math.min(...numbers) || a.baseline > Math.max(...numbers)) {
      throw new RobustnessError(`${where}: baseline ${a.baseline}: must lie within the numeric values (${numbers.length ? `${Math.min(...numbers)} to ${Math.max(...numbers)}` : 'there are none'})`);
    }
  } else if (!labels.includes(a.baseline)) {
    throw new RobustnessError(`${where}: baseline "${a.baseline}": is neither a number nor a case label (allowed: a number, ${labels.map((l) => `"${l}"`).join(', ') || 'no cases'})`);
  }
  return { ...a, factors, rangeText: checkRange(a, numbers, where) };
}

/** Checks that the values span the calibrated range and returns one line on where it comes from. */
function checkRange(a: AssumptionSpec, numbers: number[], where: string): string {
  const r = a.range;
  const parts: string[] = [];
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  if (r.low !== undefined && r.high !== undefined) {
    const low = figureValue(r.low, `${where}: range.low`);
    const high = figureValue(r.high, `${where}: range.high`);
    const min = numbers.length ? Math.min(...numbers) : NaN;
    const max = numbers.length ? Math.max(...numbers) : NaN;
    if (!(min <= low || close(min, low)) || !(max >= high || close(max, high))) {
      throw new RobustnessError(`${where}: values: must span the documented range ${low} (${r.low}) to ${high} (${r.high}); they span ${min} to ${max}`);
    }
    parts.push(`range ${low}-${high} from data/calibration (${r.low}, ${r.high})`);
  }
  if (r.baseline !== undefined) {
    const base = figureValue(r.baseline, `${where}: range.baseline`);
    if (typeof a.baseline !== 'number' || !close(base, a.baseline)) throw new RobustnessError(`${where}: baseline ${a.baseline}: differs from ${r.baseline} = ${base}`);
  }
  if (r.assumption !== undefined) parts.push(`assumption: ${r.assumption}`);
  if (r.note !== undefined) parts.push(r.note);
  return parts.join('; ');
}

function figureValue(key: string | number, where: string): number {
  if (typeof key === 'number') return key;
  try {
    return figure(key).value;
  } catch {
    throw new RobustnessError(`${where}: calibration figure "${key}" not found in data/calibration`);
  }
}
