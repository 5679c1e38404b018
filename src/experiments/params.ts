/**
 * Swept parameters: dotted paths into the resolved scenario, their values, and the scenario of one
 * parameter point. A point is a list of values in the design's path order.
 */
import { formatNumber } from '../io/csv';
import { setPath } from '../io/scenarios';
import type { Scenario } from '../model/scenario/schema';
import { parseScenario, ScenarioError } from '../model/scenario/validate';
import { SweepError } from './errors';

/** A value a swept parameter may take: a JSON scalar. */
export type ParamValue = number | string | boolean;

/** Fields that are not parameters of the model: the sweep sets them itself. */
const RESERVED_PATHS: Record<string, string> = {
  seed: 'each run\'s seed comes from --seed and the replicate; use --seeds K for more replicates',
};

/**
 * Numbers are kept to the 12 significant digits that the CSV files hold, so that the value written
 * on every result row is exactly the value the run used (so those values can be fed back as a design).
 */
export function canonicalNumber(x: number): number {
  return Number(formatNumber(x));
}

/** Checks a value of a swept parameter and puts it in canonical form; `where` names it in errors. */
export function canonicalValue(value: unknown, where: string): ParamValue {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SweepError(`${where}: ${value} is not a finite number`);
    return canonicalNumber(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  throw new SweepError(`${where}: expected a number, text or true/false, got ${JSON.stringify(value)}`);
}

/**
 * Checks that `dotted` names a scalar field of the resolved scenario; returns its current value.
 * `option` names the command-line option in the error (e.g. "--grid").
 */
export function checkParamPath(base: Scenario, dotted: string, option: string): ParamValue {
  if (dotted in RESERVED_PATHS) throw new SweepError(`${option} ${dotted}: cannot be swept (${RESERVED_PATHS[dotted]})`);
  const probe = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  let current: unknown;
  try {
    current = readPath(probe, dotted);
    setPath(probe, dotted, current);
  } catch (err) {
    // setPath's message starts with "--set <path>:"; name the option the user actually wrote.
    if (err instanceof ScenarioError) throw new SweepError(err.message.replace(/^--set /, `${option} `));
    throw err;
  }
  if (typeof current === 'object' && current !== null) {
    const what = Array.isArray(current) ? `a list of ${current.length}` : `an object (fields: ${Object.keys(current).join(', ')})`;
    throw new SweepError(`${option} ${dotted}: is ${what}; sweep one of its values instead`);
  }
  return current as ParamValue;
}

/** The value at a dotted path, or undefined where the path leaves the object (setPath reports it). */
function readPath(target: unknown, dotted: string): unknown {
  let node = target;
  for (const key of dotted.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/**
 * The key of a point's market stream: the swept values by path, sorted by path so that the order of
 * the options does not matter. The empty point (a plain Monte Carlo) keys as '' like a single run,
 * so its runs are exactly `prover-sim run` runs with the same seeds.
 */
export function pointKey(paths: readonly string[], values: readonly ParamValue[]): string {
  if (paths.length === 0) return '';
  const order = paths.map((_, i) => i).sort((a, b) => (paths[a] < paths[b] ? -1 : paths[a] > paths[b] ? 1 : 0));
  const sorted: Record<string, ParamValue> = {};
  for (const i of order) sorted[paths[i]] = values[i];
  return JSON.stringify(sorted);
}

/** The validated scenario of one parameter point (throws ScenarioError when the point is invalid). */
export function pointScenario(base: Scenario, paths: readonly string[], values: readonly ParamValue[]): Scenario {
  if (paths.length === 0) return base;
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  paths.forEach((p, i) => setPath(copy, p, values[i]));
  return parseScenario(copy);
}

/** One line naming a point, for error messages: "rewards.redistributionShare=0.3, days=20". */
export function describePoint(paths: readonly string[], values: readonly ParamValue[]): string {
  return paths.length ? paths.map((p, i) => `${p}=${values[i]}`).join(', ') : '(the base scenario)';
}
