/**
 * Loading scenarios: presets in data/scenarios addressed by name, or files by path; overrides by
 * dotted path (`--set rewards.redistributionShare=0.3`); everything validated before anything runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyOverrides, type ScenarioOverrides } from '../model/scenario/overrides';
import { parseScenario, ScenarioError } from '../model/scenario/validate';
import type { Scenario } from '../model/scenario/schema';
import { listPresets } from './presets';
import { SCENARIOS_DIR } from './paths';

// The overrides are pure (the browser explorer applies them too): they live beside the schema.
export { applyOverrides, parseAssignment, parseSetValue, setPath, type ScenarioOverrides } from '../model/scenario/overrides';
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

/** Resolves a preset name or file, applies overrides and validates: the scenario ready to run. */
export function loadScenario(ref: string, overrides: ScenarioOverrides = {}): { scenario: Scenario; file: string } {
  const { input, file } = readScenarioInput(ref);
  return { scenario: applyOverrides(parseScenario(input), overrides), file };
}
