/**
 * Loading scenarios: presets in data/scenarios addressed by name, or files by path; overrides by
 * dotted path (`--set rewards.redistributionShare=0.3`); everything validated before anything runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { knownFields, parseScenario, ScenarioError } from '../model/scenario/validate';
import type { Scenario } from '../model/scenario/schema';
import { listPresets } from './presets';
import { SCENARIOS_DIR } from './paths';

export { listPresets, type PresetInfo } from './presets';

/** Reads a JSON file, with a one-line error on a missing file or malformed JSON. */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ScenarioError(`${what} ${file}: cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    throw new ScenarioError(`${what} ${file}: malformed JSON (${reason})`);
  }
}

/** The raw scenario input of a preset name or a file path. */
export function readScenarioInput(ref: string): { input: unknown; file: string } {
  const preset = path.join(SCENARIOS_DIR, `${ref}.json`);
  if (/^[a-z0-9-]+$/.test(ref) && fs.existsSync(preset)) return { input: readJsonFile(preset, 'scenario'), file: preset };
  if (fs.existsSync(ref) && fs.statSync(ref).isFile()) return { input: readJsonFile(ref, 'scenario file'), file: path.resolve(ref) };
  const names = listPresets().map((p) => p.name);
  throw new ScenarioError(`unknown scenario "${ref}": neither a preset (available: ${names.join(', ')}) nor a file`);
}

/** Parses a `--set` value: JSON when it parses (numbers, booleans, lists, objects), else a string. */
export function parseSetValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Splits `path=value` into its parts. */
export function parseAssignment(assignment: string): { path: string; value: unknown } {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new ScenarioError(`--set ${assignment}: expected path=value, e.g. rewards.redistributionShare=0.3`);
  return { path: assignment.slice(0, eq).trim(), value: parseSetValue(assignment.slice(eq + 1)) };
}

/**
 * Sets `value` at a dotted path of a fully resolved scenario object (one with every default filled
 * in), so that an unknown field is an error rather than a silently ignored key. Setting a different
 * `kind` drops the old kind's fields, so the new kind takes its defaults.
 */
export function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node: unknown = target;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const here = keys.slice(0, k).join('.') || '(scenario)';
    if (Array.isArray(node)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) {
        throw new ScenarioError(`--set ${dotted}: ${here} is a list of ${node.length}; "${key}" is not an index (allowed: 0..${node.length - 1})`);
      }
    } else if (typeof node !== 'object' || node === null || !(key in node)) {
      // An optional field left out of the resolved scenario (say capitalBudgetUsd) may still be set.
      const declared = typeof node === 'object' && node !== null ? knownFields(keys.slice(0, k)) : [];
      if (k === keys.length - 1 && declared.includes(key)) {
        (node as Record<string, unknown>)[key] = value;
        return;
      }
      const allowed = typeof node === 'object' && node !== null ? (declared.length ? declared : Object.keys(node)).join(', ') : 'none: it is a value';
      throw new ScenarioError(`--set ${dotted}: unknown field "${key}" in ${here} (allowed: ${allowed})`);
    }
    const holder = node as Record<string, unknown>;
    if (k === keys.length - 1) {
      // A new `kind` (of a mechanism) takes its own defaults: the old kind's fields go.
      if (key === 'kind' && holder[key] !== value) for (const other of Object.keys(holder)) if (other !== 'kind') delete holder[other];
      holder[key] = value;
    }
    else node = holder[key];
  }
}

export interface ScenarioOverrides {
  /** `path=value` assignments, applied in order. */
  set?: string[];
  days?: number;
  seed?: number;
}

/** Applies overrides to a validated scenario and validates the result. */
export function applyOverrides(base: Scenario, overrides: ScenarioOverrides = {}): Scenario {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const assignment of overrides.set ?? []) {
    const { path: p, value } = parseAssignment(assignment);
    setPath(copy, p, value);
  }
  if (overrides.days !== undefined) copy.days = overrides.days;
  if (overrides.seed !== undefined) copy.seed = overrides.seed;
  return parseScenario(copy);
}

/** Resolves a preset name or file, applies overrides and validates: the scenario ready to run. */
export function loadScenario(ref: string, overrides: ScenarioOverrides = {}): { scenario: Scenario; file: string } {
  const { input, file } = readScenarioInput(ref);
  return { scenario: applyOverrides(parseScenario(input), overrides), file };
}
