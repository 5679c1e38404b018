/**
 * Dotted paths into a resolved scenario object, as assumptions name them: `*` stands for every
 * element of a list or every key of a table (`provers.classes.*.outagesPerYear`), and a
 * `mechanism.<field>` path reaches only the mechanisms that have that field (as `compare --set`
 * does). Only own properties are looked at.
 */
import { setPath } from '../model/scenario/overrides';
import { mechanismSchema } from '../model/scenario/schema';
import { ScenarioError } from '../model/scenario/validate';

const own = (node: unknown, key: string): boolean => typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, key);

/**
 * The concrete paths a path with `*` stands for in `root`. Keys without `*` are kept as they are,
 * even where the object lacks them (setting them reports the unknown field); a `*` over something
 * that is neither a list nor a table is a one-line error.
 */
export function expandPath(root: unknown, dotted: string): string[] {
  let prefixes: Array<{ path: string[]; node: unknown }> = [{ path: [], node: root }];
  for (const key of dotted.split('.')) {
    const next: typeof prefixes = [];
    for (const { path, node } of prefixes) {
      if (key !== '*') {
        next.push({ path: [...path, key], node: own(node, key) ? (node as Record<string, unknown>)[key] : undefined });
        continue;
      }
      if (typeof node !== 'object' || node === null) {
        throw new ScenarioError(`${dotted}: ${path.join('.') || '(scenario)'} is not a list or a table, so "*" has nothing to stand for`);
      }
      for (const k of Object.keys(node)) next.push({ path: [...path, k], node: (node as Record<string, unknown>)[k] });
    }
    prefixes = next;
  }
  return prefixes.map((p) => p.path.join('.'));
}

/** The value at a concrete dotted path (own properties only), or undefined. */
export function readPath(root: unknown, dotted: string): unknown {
  let node = root;
  for (const key of dotted.split('.')) node = own(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** The mechanism kinds whose schema declares a field (e.g. submissionCostUsd -> ["multi-proof"]). */
export function mechanismKindsWithField(field: string): string[] {
  return mechanismSchema.options.filter((o) => Object.prototype.hasOwnProperty.call(o.shape, field)).map((o) => String(o.shape.kind.value));
}

/** A `mechanism.<field>` path's field, or undefined for other paths. */
export function mechanismField(dotted: string): string | undefined {
  const [head, field, ...rest] = dotted.split('.');
  return head === 'mechanism' && field !== undefined && rest.length === 0 ? field : undefined;
}

/**
 * Sets `value` (or, with `relative`, multiplies the value already there by it) at every path a
 * dotted path stands for in a resolved scenario object. A `mechanism.<field>` path is skipped when
 * this scenario's mechanism lacks the field. Returns false when nothing was set.
 */
export function assignAll(root: Record<string, unknown>, dotted: string, value: unknown, relative = false): boolean {
  const field = mechanismField(dotted);
  if (field !== undefined && !own(root.mechanism, field)) return false;
  const paths = expandPath(root, dotted);
  for (const p of paths) {
    let v = value;
    if (relative) {
      const current = readPath(root, p);
      if (typeof current !== 'number') throw new ScenarioError(`${p}: holds ${JSON.stringify(current)}, not a number, so it cannot be scaled`);
      v = current * (value as number);
    }
    const current = readPath(root, p);
    if (typeof current === 'object' && current !== null) {
      throw new ScenarioError(`${p}: is ${Array.isArray(current) ? 'a list' : 'an object'}; an assumption sets single values (name one of its fields)`);
    }
    try {
      setPath(root, p, v);
    } catch (err) {
      // setPath's messages start with "--set <path>:"; here the path is the assumption's.
      if (err instanceof ScenarioError) throw new ScenarioError(err.message.replace(/^--set /, ''));
      throw err;
    }
  }
  return paths.length > 0;
}
