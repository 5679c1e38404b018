import { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';

/** Invalid scenario input. `message` is one line naming the field and what is allowed. */
export class ScenarioError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

function valueAt(input: unknown, path: Array<string | number>): unknown {
  let node = input;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** One line for one zod issue: "<path>: <what is wrong> (<what is allowed>)". */
export function formatIssue(issue: z.ZodIssue, input: unknown): string {
  const path = issue.path.join('.') || '(scenario)';
  const got = describeValue(valueAt(input, issue.path));
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined' ? `${path}: required (expected ${issue.expected})` : `${path}: expected ${issue.expected}, got ${issue.received} ${got}`;
    case z.ZodIssueCode.too_small:
      if (issue.type === 'array') return `${path}: needs at least ${issue.minimum} item(s)`;
      if (issue.type === 'string') return `${path}: must not be empty`;
      return `${path}: must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum} (got ${got})`;
    case z.ZodIssueCode.too_big:
      return `${path}: must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum} (got ${got})`;
    case z.ZodIssueCode.invalid_enum_value:
      return `${path}: ${got} is not allowed (allowed: ${issue.options.map((o) => JSON.stringify(o)).join(', ')})`;
    case z.ZodIssueCode.invalid_union_discriminator:
      return `${path}: ${got} is not allowed (allowed: ${issue.options.map((o) => JSON.stringify(o)).join(', ')})`;
    case z.ZodIssueCode.invalid_literal:
      return `${path}: must be ${JSON.stringify(issue.expected)} (got ${got})`;
    case z.ZodIssueCode.unrecognized_keys:
      return `${issue.path.length ? `${path}.` : ''}${issue.keys[0]}: unknown field`;
    case z.ZodIssueCode.not_finite:
      return `${path}: must be a finite number (got ${got})`;
    case z.ZodIssueCode.invalid_string:
      return `${path}: ${issue.message} (got ${got})`;
    default:
      return `${path}: ${issue.message}`;
  }
}

/** Known field names of the object schema at a path (for "unknown field" messages and --set). */
export function knownFields(path: Array<string | number>): string[] {
  let schema: z.ZodTypeAny = scenarioSchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = schema.shape[key as string];
    else if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodRecord) schema = schema.valueSchema;
    else return [];
    if (!schema) return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Strips defaults, optionals and refinements to reach the structural schema. */
export function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  for (;;) {
    if (schema instanceof z.ZodDefault) schema = schema._def.innerType;
    else if (schema instanceof z.ZodOptional) schema = schema._def.innerType;
    else if (schema instanceof z.ZodEffects) schema = schema._def.schema;
    else return schema;
  }
}

/**
 * Validates scenario input and fills in every default. Throws a ScenarioError whose message is one
 * line naming the first wrong field and what is allowed.
 */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  let message = formatIssue(issue, input);
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const allowed = knownFields(issue.path);
    if (allowed.length) message += ` (allowed: ${allowed.join(', ')})`;
  }
  const more = result.error.issues.length - 1;
  throw new ScenarioError(`invalid scenario: ${message}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`, issue.path.join('.'));
}
