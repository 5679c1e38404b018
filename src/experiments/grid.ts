/** Full-factorial designs: every combination of every swept parameter's values. */
import { parseSetValue } from '../io/scenarios';
import { SweepError } from './errors';
import { canonicalValue, type ParamValue } from './params';

/**
 * Parses one `--grid path=v1,v2,...` option. Values are JSON where they parse (0.3, true) and
 * text otherwise (race).
 */
export function parseGridOption(text: string): { path: string; values: ParamValue[] } {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new SweepError(`--grid ${text}: expected path=v1,v2,..., e.g. rewards.redistributionShare=0,0.2,0.4`);
  const path = text.slice(0, eq).trim();
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v, i) => {
      if (v.trim() === '') throw new SweepError(`--grid ${text}: value ${i + 1} is empty`);
      return canonicalValue(parseSetValue(v.trim()), `--grid ${path}`);
    });
  return { path, values };
}

/** Checks one parameter's grid values: at least one, none repeated. */
export function checkGridValues(path: string, values: readonly ParamValue[]): void {
  if (values.length === 0) throw new SweepError(`--grid ${path}: needs at least one value`);
  const seen = new Set<ParamValue>();
  for (const v of values) {
    if (seen.has(v)) throw new SweepError(`--grid ${path}: value ${JSON.stringify(v)} is listed twice`);
    seen.add(v);
  }
}

/**
 * The cartesian product of the value lists, the first list varying slowest (as nested loops in the
 * order given): [[0,1],[a,b]] -> [0,a], [0,b], [1,a], [1,b]. No lists give one empty point.
 */
export function cartesian(lists: ReadonlyArray<readonly ParamValue[]>): ParamValue[][] {
  let points: ParamValue[][] = [[]];
  for (const list of lists) points = points.flatMap((p) => list.map((v) => [...p, v]));
  return points;
}
