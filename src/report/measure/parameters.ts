/**
 * A scenario's parameters as a flat list of dotted paths (the paths `--set` takes), each with its
 * documentation, unit, default and source read from the schema declarations, and compared with a
 * baseline (the preset the scenario came from) so that a report can mark what was changed.
 */
import { parameterDeclaration } from '../../docs/parameters';
import type { Scenario } from '../../model/scenario/schema';

/** One parameter of a resolved scenario. */
export interface Parameter {
  /** Dotted path, list items by index: `provers.classes.2.costModel.minUnits`. */
  path: string;
  value: unknown;
  doc?: string;
  unit?: string;
  /** Source of the schema default (meaningful when `value` equals `defaultValue`). */
  source?: string;
  /** The schema's default, when it has one. */
  defaultValue?: unknown;
  hasDefault: boolean;
}

/** Fields a report shows elsewhere (title, description, assumptions, seeds), not as parameters. */
const NOT_PARAMETERS = new Set(['name', 'description', 'sources', 'seed']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarList = (v: unknown) => Array.isArray(v) && v.every((x) => !isPlainObject(x) && !Array.isArray(x));

/** Every parameter of a resolved scenario, in declaration order. */
export function flattenParameters(scenario: Scenario): Parameter[] {
  const out: Parameter[] = [];
  const walk = (value: unknown, keys: string[]) => {
    if (isPlainObject(value) || (Array.isArray(value) && !isScalarList(value))) {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [key, child] of entries) {
        if (!keys.length && NOT_PARAMETERS.has(key)) continue;
        walk(child, [...keys, key]);
      }
      return;
    }
    const d = parameterDeclaration(keys, scenario);
    out.push({ path: keys.join('.'), value, doc: d?.doc?.doc, unit: d?.doc?.unit, source: d?.doc?.source, defaultValue: d?.defaultValue, hasDefault: d?.hasDefault ?? false });
  };
  walk(scenario, []);
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A parameter's value as text: numbers as they are, texts quoted only in lists, lists with commas. */
export function valueText(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') : '(none)';
  return JSON.stringify(value);
}

export interface ParameterRow extends Parameter {
  /** The baseline's value when it differs (undefined in the baseline: the parameter is new). */
  baselineValue?: unknown;
  changed: boolean;
}

/** The scenario's parameters marked against a baseline scenario (without one, nothing is marked). */
export function compareParameters(scenario: Scenario, baseline?: Scenario): ParameterRow[] {
  const before = new Map(baseline ? flattenParameters(baseline).map((p) => [p.path, p.value] as const) : []);
  return flattenParameters(scenario).map((p) => {
    const changed = baseline !== undefined && !sameValue(p.value, before.get(p.path));
    return { ...p, changed, baselineValue: changed ? before.get(p.path) : undefined };
  });
}
