/**
 * The scenarios a report runs ("variants"): each named source (a preset, a file or a scenario
 * object) with the shared overrides, or one source under each value of `--compare path=v1,v2`.
 * Each variant keeps the scenario it was derived from (its baseline), so that the report can mark
 * the parameters the overrides changed.
 */
import * as path from 'path';
import { applyOverrides, listPresets, readScenarioInput } from '../../io/scenarios';
import type { Scenario, ScenarioInput } from '../../model/scenario/schema';
import { parseScenario } from '../../model/scenario/validate';
import { ReportError } from '../errors';
import { slug } from '../escape';

/** A scenario as a report's caller names it: a preset name, a file path, or a scenario object. */
export type ScenarioSource = string | ScenarioInput;

export interface Variant {
  /** Name in tables and charts (scenario text: escaped wherever printed). */
  label: string;
  /** The source as named ("(object)" for a scenario object). */
  ref: string;
  /** The `--set` overrides applied (the shared ones, then the compared value). */
  set: string[];
  scenario: Scenario;
  /** What the overrides were applied to, and what to call it ("preset permissionless-race"). */
  baseline: { name: string; scenario: Scenario };
  /** File of its resolved scenario in the report folder (data/scenario-<label>.json). */
  scenarioFile: string;
}

export interface VariantOptions {
  sources: readonly ScenarioSource[];
  set?: readonly string[];
  days?: number;
  /** `path=v1,v2,...`: one variant per value, of a single source. */
  compare?: string;
  /** Labels for the variants, in order (default: scenario names, or the compared values). */
  labels?: readonly string[];
}

/** Splits `--compare path=v1,v2,...` (values as `--set` reads them: JSON where it parses). */
export function parseCompareOption(text: string): { path: string; values: string[] } {
  const eq = text.indexOf('=');
  const values = eq > 0 ? text.slice(eq + 1).split(',').map((v) => v.trim()) : [];
  if (eq <= 0 || values.length < 2 || values.some((v) => v === '')) {
    throw new ReportError(`--compare ${text}: expected path=v1,v2,... with at least two values, e.g. mechanism.kind=race,centralized`);
  }
  if (new Set(values).size !== values.length) throw new ReportError(`--compare ${text}: a value is listed twice`);
  return { path: text.slice(0, eq).trim(), values };
}

/**
 * The `--set` of one compared value. A mechanism's kind cannot change alone (each kind has its own
 * fields), so `mechanism.kind=X` replaces the whole mechanism with kind X and its defaults.
 */
export function compareAssignment(p: string, value: string): string {
  return p === 'mechanism.kind' ? `mechanism=${JSON.stringify({ kind: value })}` : `${p}=${value}`;
}

function baselineOf(source: ScenarioSource): { name: string; scenario: Scenario; ref: string } {
  if (typeof source !== 'string') return { name: 'the scenario object', scenario: parseScenario(source), ref: '(object)' };
  const { input, file } = readScenarioInput(source);
  const preset = listPresets().some((p) => p.name === source && path.resolve(p.file) === path.resolve(file));
  return { name: preset ? `preset ${source}` : `file ${path.basename(file)}`, scenario: parseScenario(input), ref: source };
}

/** Resolves and validates every variant (throws ScenarioError or ReportError before anything runs). */
export function resolveVariants(opts: VariantOptions): Variant[] {
  if (opts.sources.length === 0) throw new ReportError('no scenario given: name a preset (see `prover-sim scenarios`), a scenario file or a sweep folder');
  const shared = [...(opts.set ?? [])];
  let variants: Variant[];
  if (opts.compare !== undefined) {
    if (opts.sources.length !== 1) throw new ReportError(`--compare varies one scenario; got ${opts.sources.length} (drop --compare to compare scenarios with each other)`);
    const { path: p, values } = parseCompareOption(opts.compare);
    const base = baselineOf(opts.sources[0]);
    variants = values.map((v) => {
      const set = [...shared, compareAssignment(p, v)];
      return { label: `${p}=${v}`, ref: base.ref, set, scenario: applyOverrides(base.scenario, { set, days: opts.days }), baseline: base, scenarioFile: '' };
    });
  } else {
    variants = opts.sources.map((source) => {
      const base = baselineOf(source);
      return { label: base.scenario.name, ref: base.ref, set: shared, scenario: applyOverrides(base.scenario, { set: shared, days: opts.days }), baseline: base, scenarioFile: '' };
    });
  }
  if (opts.labels) {
    if (opts.labels.length !== variants.length) throw new ReportError(`labels: ${opts.labels.length} given for ${variants.length} scenarios`);
    variants.forEach((v, i) => (v.label = opts.labels![i]));
  }
  return withScenarioFiles(uniqueLabels(variants));
}

/** Names each variant's resolved-scenario file after its label (by position where two slugs collide). */
function withScenarioFiles(variants: Variant[]): Variant[] {
  const files = new Set<string>();
  variants.forEach((v, i) => {
    let file = `data/scenario-${slug(v.label, `${i + 1}`)}.json`;
    if (files.has(file)) file = `data/scenario-${i + 1}.json`;
    files.add(file);
    v.scenarioFile = file;
  });
  return variants;
}

/** Two variants may share a scenario name (a preset and an edited copy): number the repeats. */
function uniqueLabels(variants: Variant[]): Variant[] {
  const seen = new Map<string, number>();
  for (const v of variants) {
    const n = (seen.get(v.label) ?? 0) + 1;
    seen.set(v.label, n);
    if (n > 1) v.label = `${v.label} (${n})`;
  }
  return variants;
}
