/**
 * A scenario's parameters as a flat list of dotted paths (the paths `--set` takes), each with its
 * documentation, unit, default and source read from the schema declarations, and compared with a
 * baseline (the preset the scenario came from) so that a report can mark what was changed.
 */
import { z } from 'zod';
import { scenarioSchema, type ParamDoc, type Scenario } from '../model/scenario/schema';

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

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s._def.innerType;
    else if (s instanceof z.ZodEffects) s = s._def.schema;
    else return s;
  }
}

/** The ParamDoc attached to a declaration (stored as JSON in zod's description). */
function docOf(schema: z.ZodTypeAny): ParamDoc | undefined {
  for (let s: z.ZodTypeAny | undefined = schema; s; ) {
    if (s.description) {
      try {
        return JSON.parse(s.description) as ParamDoc;
      } catch {
        return { doc: s.description };
      }
    }
    s = s instanceof z.ZodDefault || s instanceof z.ZodOptional ? s._def.innerType : s instanceof z.ZodEffects ? s._def.schema : undefined;
  }
  return undefined;
}

function defaultOf(schema: z.ZodTypeAny): { has: boolean; value?: unknown } {
  for (let s: z.ZodTypeAny | undefined = schema; s; ) {
    if (s instanceof z.ZodDefault) return { has: true, value: s._def.defaultValue() };
    s = s instanceof z.ZodOptional ? s._def.innerType : s instanceof z.ZodEffects ? s._def.schema : undefined;
  }
  return { has: false };
}

/** The declaration of the child `key` of a value declared by `schema` (undefined when unknown). */
function childSchema(schema: z.ZodTypeAny, value: unknown, key: string): z.ZodTypeAny | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return (s.shape as Record<string, z.ZodTypeAny>)[key];
  if (s instanceof z.ZodArray) return s.element;
  if (s instanceof z.ZodRecord) return s.valueSchema;
  if (s instanceof z.ZodDiscriminatedUnion) {
    const tag = (value as Record<string, unknown>)[s.discriminator];
    const option = s.optionsMap.get(tag as z.Primitive) as z.ZodObject<z.ZodRawShape> | undefined;
    return option?.shape[key];
  }
  return undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarList = (v: unknown) => Array.isArray(v) && v.every((x) => !isPlainObject(x) && !Array.isArray(x));

/** Every parameter of a resolved scenario, in declaration order. */
export function flattenParameters(scenario: Scenario): Parameter[] {
  const out: Parameter[] = [];
  const walk = (value: unknown, schema: z.ZodTypeAny | undefined, path: string) => {
    if (isPlainObject(value) || (Array.isArray(value) && !isScalarList(value))) {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [key, child] of entries) {
        if (!path && NOT_PARAMETERS.has(key)) continue;
        walk(child, schema && childSchema(schema, value, key), path ? `${path}.${key}` : key);
      }
      return;
    }
    const d = schema ? docOf(schema) : undefined;
    const def = schema ? defaultOf(schema) : { has: false };
    out.push({ path, value, doc: d?.doc, unit: d?.unit, source: d?.source, defaultValue: def.value, hasDefault: def.has });
  };
  walk(scenario, scenarioSchema, '');
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
