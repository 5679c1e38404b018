/**
 * The parameter reference, generated from the documented schema declarations (src/model/scenario/
 * schema.ts): one Markdown table row per parameter with its meaning, unit, default and source.
 */
import { z } from 'zod';
import { scenarioSchema, type ParamDoc } from '../model/scenario/schema';

interface Row {
  path: string;
  type: string;
  unit: string;
  defaultValue: string;
  doc: string;
  source: string;
}

/** The ParamDoc attached to a declaration (stored as JSON in zod's description). */
export function docOf(schema: z.ZodTypeAny): ParamDoc | undefined {
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

/** What the schema declares about one parameter: its documentation and its default. */
export interface ParameterDeclaration {
  doc?: ParamDoc;
  /** Whether a default is declared (also one inside an optional), and its value. */
  hasDefault: boolean;
  defaultValue?: unknown;
  /** Declared optional with no default around it: left out unless set. */
  optional: boolean;
}

/** The documentation and default of a declaration. */
export function declarationOf(schema: z.ZodTypeAny): ParameterDeclaration {
  const doc = docOf(schema);
  let optional = false;
  for (let s: z.ZodTypeAny | undefined = schema; s; ) {
    if (s instanceof z.ZodDefault) return { doc, hasDefault: true, defaultValue: s._def.defaultValue(), optional };
    if (s instanceof z.ZodOptional) optional = true;
    s = s instanceof z.ZodOptional ? s._def.innerType : s instanceof z.ZodEffects ? s._def.schema : undefined;
  }
  return { doc, hasDefault: false, optional };
}

/** A declaration without its default, optional and refinement wrappers. */
export function core(schema: z.ZodTypeAny): z.ZodTypeAny {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s._def.innerType;
    else if (s instanceof z.ZodEffects) s = s._def.schema;
    else return s;
  }
}

/**
 * The declaration of the child `key` of `value`, a value declared by `schema` (list items and map
 * entries by their index or id; `value` picks the option of a discriminated union). undefined when
 * the schema declares no such child.
 */
function childSchema(schema: z.ZodTypeAny, value: unknown, key: string): z.ZodTypeAny | undefined {
  const s = core(schema);
  if (s instanceof z.ZodObject) return (s.shape as Record<string, z.ZodTypeAny>)[key];
  if (s instanceof z.ZodArray) return s.element;
  if (s instanceof z.ZodRecord) return s.valueSchema;
  if (s instanceof z.ZodDiscriminatedUnion) {
    const tag = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[s.discriminator] : undefined;
    const option = s.optionsMap.get(tag as z.Primitive) as z.ZodObject<z.ZodRawShape> | undefined;
    return option?.shape[key];
  }
  return undefined;
}

/**
 * The declaration of the scenario parameter at a dotted path (`provers.classes.2.costModel.minUnits`;
 * list items by index, map entries by id), or its path segments when an id may hold a dot. `scenario`
 * is the scenario the path is read in: it picks the option of each discriminated union (the mechanism
 * kind, the cost model). undefined for a path the schema does not declare.
 */
export function parameterDeclaration(path: string | readonly string[], scenario: unknown): ParameterDeclaration | undefined {
  const schema = parameterSchema(path, scenario);
  return schema && declarationOf(schema);
}

/** The schema declaring the parameter at a dotted path (as parameterDeclaration reads it), or undefined. */
export function parameterSchema(path: string | readonly string[], scenario: unknown): z.ZodTypeAny | undefined {
  const keys = typeof path === 'string' ? path.split('.') : path;
  let schema: z.ZodTypeAny | undefined = scenarioSchema;
  let value = scenario;
  for (const key of keys) {
    schema = childSchema(schema, value, key);
    if (!schema) return undefined;
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return schema;
}

function typeName(schema: z.ZodTypeAny): string {
  const s = core(schema);
  if (s instanceof z.ZodNumber) return s.isInt ? 'integer' : 'number';
  if (s instanceof z.ZodString) return 'text';
  if (s instanceof z.ZodEnum) return (s.options as string[]).map((o) => `"${o}"`).join(' | ');
  if (s instanceof z.ZodLiteral) return `"${String(s.value)}"`;
  if (s instanceof z.ZodArray) return `list of ${typeName(s.element)}`;
  if (s instanceof z.ZodRecord) return 'map';
  if (s instanceof z.ZodType && s._def.typeName === 'ZodAny') return 'number or expression of t';
  return 'number or expression of t';
}

function formatDefault(schema: z.ZodTypeAny): string {
  const d = declarationOf(schema);
  if (d.optional) return '(none)';
  if (!d.hasDefault) return '(required)';
  const v = d.defaultValue;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v === '' ? '""' : `"${v}"`;
  if (Array.isArray(v)) return v.length === 0 ? '[]' : 'see below';
  if (typeof v === 'object' && v !== null) return Object.keys(v).length === 0 ? '{}' : 'see below';
  return String(v);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function walk(schema: z.ZodTypeAny, path: string, rows: Row[]): void {
  const s = core(schema);
  if (s instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodTypeAny>)) walk(field, path ? `${path}.${key}` : key, rows);
    return;
  }
  if (s instanceof z.ZodDiscriminatedUnion) {
    const d = docOf(schema);
    rows.push({ path, type: 'one of the kinds below', unit: '', defaultValue: formatDefault(schema), doc: d?.doc ?? '', source: d?.source ?? '' });
    for (const option of s.options as z.ZodObject<z.ZodRawShape>[]) {
      const discriminator = s.discriminator as string;
      const value = (core(option.shape[discriminator]) as z.ZodLiteral<string>).value;
      for (const [key, field] of Object.entries(option.shape as Record<string, z.ZodTypeAny>)) {
        if (key === discriminator) continue;
        walk(field, `${path}.${key} (${discriminator} = "${value}")`, rows);
      }
    }
    return;
  }
  if (s instanceof z.ZodArray && core(s.element) instanceof z.ZodObject) {
    const d = docOf(schema);
    rows.push({ path, type: 'list', unit: '', defaultValue: formatDefault(schema), doc: d?.doc ?? '', source: d?.source ?? '' });
    walk(s.element, `${path}[]`, rows);
    return;
  }
  if (s instanceof z.ZodRecord) {
    const d = docOf(schema);
    rows.push({ path, type: 'map by id', unit: '', defaultValue: formatDefault(schema), doc: d?.doc ?? '', source: d?.source ?? '' });
    walk(s.valueSchema, `${path}.<id>`, rows);
    return;
  }
  const d = docOf(schema);
  rows.push({ path, type: typeName(schema), unit: d?.unit ?? '', defaultValue: formatDefault(schema), doc: d?.doc ?? '', source: d?.source ?? '' });
}

/** The parameter reference as a Markdown table. */
export function parameterReference(): string {
  const rows: Row[] = [];
  walk(scenarioSchema, '', rows);
  const lines = ['| parameter | type | unit | default | meaning | source of the default |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| \`${r.path}\` | ${cell(r.type)} | ${cell(r.unit)} | ${cell(r.defaultValue)} | ${cell(r.doc)} | ${cell(r.source)} |`);
  return `${lines.join('\n')}\n`;
}
