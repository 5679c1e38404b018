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

const OPTIONAL = Symbol('optional');

function defaultOf(schema: z.ZodTypeAny): unknown {
  for (let s: z.ZodTypeAny | undefined = schema; s; ) {
    if (s instanceof z.ZodDefault) return s._def.defaultValue();
    if (s instanceof z.ZodOptional) return OPTIONAL;
    s = s instanceof z.ZodEffects ? s._def.schema : undefined;
  }
  return undefined;
}

function core(schema: z.ZodTypeAny): z.ZodTypeAny {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s._def.innerType;
    else if (s instanceof z.ZodEffects) s = s._def.schema;
    else return s;
  }
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

function formatDefault(v: unknown): string {
  if (v === undefined) return '(required)';
  if (v === OPTIONAL) return '(none)';
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
    rows.push({ path, type: 'one of the kinds below', unit: '', defaultValue: formatDefault(defaultOf(schema)), doc: d?.doc ?? '', source: d?.source ?? '' });
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
    rows.push({ path, type: 'list', unit: '', defaultValue: formatDefault(defaultOf(schema)), doc: d?.doc ?? '', source: d?.source ?? '' });
    walk(s.element, `${path}[]`, rows);
    return;
  }
  if (s instanceof z.ZodRecord) {
    const d = docOf(schema);
    rows.push({ path, type: 'map by id', unit: '', defaultValue: formatDefault(defaultOf(schema)), doc: d?.doc ?? '', source: d?.source ?? '' });
    walk(s.valueSchema, `${path}.<id>`, rows);
    return;
  }
  const d = docOf(schema);
  rows.push({ path, type: typeName(schema), unit: d?.unit ?? '', defaultValue: formatDefault(defaultOf(schema)), doc: d?.doc ?? '', source: d?.source ?? '' });
}

/** The parameter reference as a Markdown table. */
export function parameterReference(): string {
  const rows: Row[] = [];
  walk(scenarioSchema, '', rows);
  const lines = ['| parameter | type | unit | default | meaning | source of the default |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| \`${r.path}\` | ${cell(r.type)} | ${cell(r.unit)} | ${cell(r.defaultValue)} | ${cell(r.doc)} | ${cell(r.source)} |`);
  return `${lines.join('\n')}\n`;
}
