/**
 * What kind of number a scenario field holds, read from the scenario schema, so that a Latin
 * hypercube over `mechanism.backupPoolSize=2:20` draws whole numbers without the user saying so.
 */
import { z } from 'zod';
import { scenarioSchema, type Scenario } from '../model/scenario/schema';
import { unwrap } from '../model/scenario/validate';

/** The schema of the field at a dotted path, or undefined when the walk is ambiguous. */
function schemaAt(base: Scenario, dotted: string): z.ZodTypeAny | undefined {
  let schema: z.ZodTypeAny = scenarioSchema;
  // The value next to the schema, to pick the right branch of a discriminated union (mechanism.kind).
  let value: unknown = base;
  for (const key of dotted.split('.')) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodDiscriminatedUnion) {
      const tag = (value as Record<string, unknown> | undefined)?.[schema.discriminator];
      const option = schema.optionsMap.get(tag as z.Primitive);
      if (!option) return undefined;
      schema = unwrap(option);
    }
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodTypeAny>)[key];
    else if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodRecord) schema = schema.valueSchema;
    else return undefined;
    if (!schema) return undefined;
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return unwrap(schema);
}

/** True when the scenario schema declares the field at `dotted` a whole number. */
export function isWholeNumberField(base: Scenario, dotted: string): boolean {
  const schema = schemaAt(base, dotted);
  return schema instanceof z.ZodNumber && schema._def.checks.some((c) => c.kind === 'int');
}
