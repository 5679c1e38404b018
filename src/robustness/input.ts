/**
 * Reading a robustness data file (assumptions or claims): a path or an object, checked against its
 * schema, every problem one line that names the entry by its id.
 */
import type { z } from 'zod';
import { readJsonFile } from '../io/scenarios';
import { formatIssue, ScenarioError } from '../model/scenario/validate';
import { RobustnessError } from './errors';

/**
 * Parses a file (path) or an object against `schema`, whose entries sit in the list `listKey`;
 * errors read "<what> <file>: "<id>".<field>: ..." so that the entry is named as written.
 */
export function readDataFile<S extends z.ZodTypeAny>(input: unknown, what: string, listKey: string, schema: S): { source: string; data: z.output<S> } {
  const source = typeof input === 'string' ? input : '(object)';
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = readJsonFile(input, `${what} file`);
    } catch (err) {
      if (err instanceof ScenarioError) throw new RobustnessError(err.message);
      throw err;
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { source, data: parsed.data };
  const issue = parsed.error.issues[0];
  const line = formatIssue(issue, raw);
  const [group, index] = issue.path;
  const entries = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[listKey] : undefined;
  const id = group === listKey && typeof index === 'number' && Array.isArray(entries) ? (entries[index] as { id?: unknown } | undefined)?.id : undefined;
  throw new RobustnessError(`${what} ${source}: ${typeof id === 'string' ? line.replace(`${listKey}.${index}`, `"${id}"`) : line}`);
}
