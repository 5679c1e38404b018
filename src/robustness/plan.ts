/**
 * The plan of a robustness run: the baseline comparison, then each assumption moved alone over its
 * values, every mechanism on the same seeds. Every value of every assumption is applied to every
 * compared mechanism's scenario and validated here, before anything runs or is written. A mechanism
 * whose scenario a value leaves unchanged is not run again: its baseline runs stand for it.
 */
import { resolveMechanisms, variantScenario } from '../compare/compare';
import { MECHANISM_VARIANTS, type MechanismVariant } from '../compare/variants';
import { loadScenario } from '../io/scenarios';
import { formatNumber } from '../io/csv';
import type { Scenario, ScenarioInput } from '../model/scenario/schema';
import { parseScenario, ScenarioError } from '../model/scenario/validate';
import { loadAssumptions, type Assumption, type AssumptionsInput, type CaseValue } from './assumptions';
import { claimMechanisms, loadClaims, type Claim, type ClaimsInput } from './claims';
import { RobustnessError } from './errors';
import { formatValue } from './format';
import { assignAll, expandPath, mechanismField, mechanismKindsWithField, readPath } from './paths';

/** Everything that decides a robustness run's results. */
export interface RobustnessOptions {
  /** A preset name, a scenario file, or a scenario object. */
  scenario: string | ScenarioInput;
  /** Seeds per setting and mechanism. Default 10. */
  seeds?: number;
  /** First seed (then seed + 1, ...). Default: the scenario's seed, as `compare` does. */
  seed?: number;
  /** Days to simulate, overriding the scenario's. */
  days?: number;
  /** Mechanisms to compare (see MECHANISM_NAMES). Default: those the claims name. */
  mechanisms?: string[];
  /** Assumptions file or object. Default: data/robustness/assumptions.json. */
  assumptions?: string | AssumptionsInput;
  /** Claims file or object. Default: data/robustness/claims.json. */
  claims?: string | ClaimsInput;
}

export const DEFAULT_SEEDS = 10;

/** One value of an assumption as run. */
export interface PlannedValue {
  /** How it is written: "0.15", "exponential". */
  label: string;
  /** The number on the assumption's scale, or the case's label (claims.csv's value column). */
  value: number | string;
  /** The scenario's own setting (its runs are the baseline runs). */
  baseline: boolean;
  /** The setting (index into RobustnessPlan.points) whose runs it reads. */
  point: number;
}

export interface PlannedAssumption {
  id: string;
  label: string;
  unit: string;
  rangeText: string;
  /** Numbers in increasing order, then the cases in file order; the baseline among them. */
  values: PlannedValue[];
  /** Compared mechanisms whose scenario some value changes (empty: it does not apply to them). */
  affects: string[];
}

/** A setting of the assumptions: the baseline, or one assumption at one value. */
export interface RobustnessPoint {
  assumption: string | null;
  value: string;
}

export interface RobustnessPlan {
  scenarioRef: string;
  base: Scenario;
  seeds: number[];
  /** Compared mechanisms, in table order. */
  mechanisms: string[];
  assumptions: PlannedAssumption[];
  /** The claims whose mechanisms are all compared. */
  claims: Claim[];
  /** Claims left out because a mechanism they read is not compared. */
  skippedClaims: Array<{ id: string; text: string; missing: string[] }>;
  /** Settings; point 0 is the baseline. */
  points: RobustnessPoint[];
  /** cells[point][mechanism] = the index in `scenarios` of the scenario that mechanism runs there. */
  cells: number[][];
  /** The distinct scenarios to run, each on every seed. */
  scenarios: Scenario[];
  totalRuns: number;
  sources: { assumptions: string; claims: string };
  /** The assumptions as read (paths, factors, values, sources), for the manifest. */
  assumptionDefinitions: Assumption[];
}

/** Builds and checks the plan; a bad option, assumption or claim is a one-line RobustnessError. */
export function planRobustness(options: RobustnessOptions): RobustnessPlan {
  const seedsCount = options.seeds ?? DEFAULT_SEEDS;
  if (!Number.isInteger(seedsCount) || seedsCount < 1 || seedsCount > 10_000) throw new RobustnessError(`--seeds ${seedsCount}: expected a whole number from 1 to 10000`);
  const claimsFile = loadClaims(options.claims);
  const assumptionsFile = loadAssumptions(options.assumptions);
  const { names, claims, skipped } = chooseMechanisms(options.mechanisms, claimsFile.claims);
  const variants = resolve(names);
  const scenarioRef = typeof options.scenario === 'string' ? options.scenario : '(object)';
  const base = typeof options.scenario === 'string' ? loadScenario(options.scenario, { days: options.days }).scenario : withDays(parseScenario(options.scenario), options.days);
  const first = options.seed ?? base.seed;
  if (!Number.isInteger(first) || first < 0 || first > 4294967295) throw new RobustnessError(`--seed ${first}: expected a whole number from 0 to 4294967295`);
  const seeds = Array.from({ length: seedsCount }, (_, k) => (first + k) >>> 0);

  const registry = new ScenarioRegistry();
  const baseScenarios = variants.map((v) => variantScenario(base, v, []));
  const points: RobustnessPoint[] = [{ assumption: null, value: '' }];
  const cells: number[][] = [baseScenarios.map((s) => registry.add(s))];
  const assumptions = assumptionsFile.assumptions.map((a) => {
    const where = `assumptions ${assumptionsFile.source}: "${a.id}"`;
    checkMechanismPaths(a, variants, base, where);
    const ordered = orderValues(a);
    const runs = ordered.map((value) => baseScenarios.map((s) => registry.add(applyValue(s, a, value, where))));
    const affects = names.filter((_, m) => runs.some((cellsOfValue) => cellsOfValue[m] !== cells[0][m]));
    const values: PlannedValue[] = ordered.map((value, k) => {
      const same = runs[k].every((index, m) => index === cells[0][m]);
      let point = 0;
      if (!same) {
        point = points.length;
        points.push({ assumption: a.id, value: valueLabel(value) });
        cells.push(runs[k]);
      }
      const baseline = affects.length === 0 ? matchesFileBaseline(a, value) : same;
      return { label: valueLabel(value), value: typeof value === 'number' ? value : value.label, baseline, point };
    });
    if (!values.some((v) => v.baseline)) insertBaseline(values, a, baseScenarios);
    return { id: a.id, label: a.label, unit: a.unit, rangeText: a.rangeText, values, affects };
  });
  const scenarios = registry.list();
  return {
    scenarioRef,
    base,
    seeds,
    mechanisms: names,
    assumptions,
    claims,
    skippedClaims: skipped,
    points,
    cells,
    scenarios,
    totalRuns: scenarios.length * seeds.length,
    sources: { assumptions: assumptionsFile.source, claims: claimsFile.source },
    assumptionDefinitions: assumptionsFile.assumptions,
  };
}

function withDays(s: Scenario, days: number | undefined): Scenario {
  return days === undefined ? s : parseScenario({ ...s, days });
}

function resolve(names: string[]): MechanismVariant[] {
  try {
    return resolveMechanisms(names);
  } catch (err) {
    if (err instanceof ScenarioError) throw new RobustnessError(err.message);
    throw err;
  }
}

/** The compared mechanisms (given, or those the claims name) and the claims they can decide. */
function chooseMechanisms(given: string[] | undefined, all: Claim[]): { names: string[]; claims: Claim[]; skipped: RobustnessPlan['skippedClaims'] } {
  const wanted = new Set(all.flatMap(claimMechanisms));
  const names = given ?? MECHANISM_VARIANTS.map((v) => v.name).filter((n) => wanted.has(n));
  resolve(names);
  const claims: Claim[] = [];
  const skipped: RobustnessPlan['skippedClaims'] = [];
  for (const c of all) {
    const missing = claimMechanisms(c).filter((m) => !names.includes(m));
    if (missing.length) skipped.push({ id: c.id, text: c.text, missing });
    else claims.push(c);
  }
  if (claims.length === 0) throw new RobustnessError(`--mechanisms ${names.join(',')}: no claim can be decided with these mechanisms (the claims read: ${[...wanted].join(', ')})`);
  return { names, claims, skipped };
}

/** Numbers in increasing order, then the named cases in file order. */
function orderValues(a: Assumption): Array<number | CaseValue> {
  const numbers = a.values.filter((v): v is number => typeof v === 'number').sort((x, y) => x - y);
  return [...numbers, ...a.values.filter((v): v is CaseValue => typeof v !== 'number')];
}

function valueLabel(value: number | CaseValue): string {
  return typeof value === 'number' ? formatValue(value) : value.label;
}

function matchesFileBaseline(a: Assumption, value: number | CaseValue): boolean {
  return typeof value === 'number' ? value === a.baseline : value.label === a.baseline;
}

/** Numbers as the CSV files hold them (12 significant digits), so the manifest shows what ran. */
const canonical = (x: number) => Number(formatNumber(x));

/** A mechanism's scenario with one assumption at one value, validated. */
function applyValue(s: Scenario, a: Assumption, value: number | CaseValue, where: string): Scenario {
  const copy = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
  try {
    if (typeof value === 'number') {
      a.set.forEach((t, i) => {
        if (t.value !== undefined) assignAll(copy, t.path, t.value);
        else if (t.relative) assignAll(copy, t.path, value, true);
        else assignAll(copy, t.path, canonical(value * a.factors[i]));
      });
    } else {
      for (const [p, v] of Object.entries(value.set)) assignAll(copy, p, v);
    }
    return parseScenario(copy);
  } catch (err) {
    if (err instanceof ScenarioError) throw new RobustnessError(`${where} at ${valueLabel(value)}: ${err.message.replace(/^invalid scenario: /, '')}`);
    throw err;
  }
}

/**
 * A `mechanism.<field>` path must be a field of some mechanism kind. Where no compared mechanism has
 * it, its values are still checked against a mechanism that does, so a value outside the field's
 * domain is refused whatever --mechanisms says.
 */
function checkMechanismPaths(a: Assumption, variants: MechanismVariant[], base: Scenario, where: string): void {
  const paths = [...a.set.map((t) => t.path), ...a.values.flatMap((v) => (typeof v === 'number' ? [] : Object.keys(v.set)))];
  for (const p of paths) {
    const field = mechanismField(p);
    if (field === undefined) continue;
    const kinds = mechanismKindsWithField(field);
    if (kinds.length === 0) {
      const allowed = [...new Set(MECHANISM_VARIANTS.flatMap((v) => Object.keys(variantScenario(base, v, []).mechanism)))].filter((k) => k !== 'kind');
      throw new RobustnessError(`${where}: path ${p}: no mechanism has the field "${field}" (allowed: ${allowed.join(', ')})`);
    }
    if (variants.some((v) => kinds.includes(String(v.mechanism.kind)))) continue;
    const stand = MECHANISM_VARIANTS.find((v) => kinds.includes(String(v.mechanism.kind)));
    if (stand) for (const value of a.values) applyValue(variantScenario(base, stand, []), a, value, where);
  }
}

/**
 * When no listed value is the scenario's own setting, adds the scenario's value on the assumption's
 * scale (read at the first path a number sets) as the baseline, in its place among the numbers.
 */
function insertBaseline(values: PlannedValue[], a: Assumption, baseScenarios: Scenario[]): void {
  const numeric = scenarioNumber(a, baseScenarios);
  const entry: PlannedValue = numeric === undefined
    ? { label: 'the scenario\'s own', value: 'the scenario\'s own', baseline: true, point: 0 }
    : { label: formatValue(numeric), value: canonical(numeric), baseline: true, point: 0 };
  const at = numeric === undefined ? values.length : values.findIndex((v) => typeof v.value !== 'number' || v.value > numeric);
  values.splice(at < 0 ? values.length : at, 0, entry);
}

/** The scenario's value on the assumption's scale, where its fixed settings are those of the numbers. */
function scenarioNumber(a: Assumption, baseScenarios: Scenario[]): number | undefined {
  const i = a.set.findIndex((t) => t.value === undefined);
  if (i < 0) return undefined;
  const t = a.set[i];
  for (const s of baseScenarios) {
    if (mechanismField(t.path) !== undefined && readPath(s, t.path) === undefined) continue;
    const fixedMatch = a.set.every((f) => f.value === undefined || expandPath(s, f.path).every((p) => readPath(s, p) === f.value));
    const x = readPath(s, expandPath(s, t.path)[0]);
    if (!fixedMatch || typeof x !== 'number') return undefined;
    return t.relative ? 1 : x / a.factors[i];
  }
  return undefined;
}

/** Distinct scenarios by content, so that equal scenarios run once. */
class ScenarioRegistry {
  private readonly index = new Map<string, number>();
  private readonly scenarios: Scenario[] = [];

  add(s: Scenario): number {
    const key = JSON.stringify(s);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.scenarios.length;
      this.index.set(key, i);
      this.scenarios.push(s);
    }
    return i;
  }

  list(): Scenario[] {
    return this.scenarios;
  }
}
