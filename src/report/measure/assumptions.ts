/**
 * The key assumptions of a scenario with their sources: for each parameter whose value comes from a
 * sourced figure, that figure's source. A value is traced to its source in three ways, most direct
 * first: the preset's own `sources` entry for the path; the schema default it equals (whose source
 * names its data/calibration figure); or a calibration figure it equals whose path names the same
 * field (the default hardware kinds and prover classes are built from data/calibration this way).
 */
import { allFigures, provenance } from '../../model/scenario/calibration';
import type { Scenario } from '../../model/scenario/schema';
import { flattenParameters, sameValue, type Parameter } from './parameters';

export interface Assumption {
  /** Where the number comes from: a source and date, or "assumption ...: why". */
  source: string;
  /** True when the source is a reasoned assumption rather than a published figure. */
  isAssumption: boolean;
  /** How the source was found. */
  via: 'preset' | 'calibration';
  /** The parameters that take it, with their values. */
  parameters: Array<{ path: string; value: unknown; unit?: string }>;
}

const lastKey = (path: string) => path.slice(path.lastIndexOf('.') + 1).toLowerCase();

/** Calibration figures by the field name they can stand for (the last part of their path, and each part). */
function figureIndex(): Map<string, Array<{ path: string; value: number }>> {
  const index = new Map<string, Array<{ path: string; value: number }>>();
  for (const { path, figure } of allFigures()) {
    // Hardware figures describe one kind each and are matched by kind (below), never by field name alone.
    if (path.startsWith('hardware.')) continue;
    for (const part of path.toLowerCase().split('.')) {
      const list = index.get(part) ?? [];
      list.push({ path, value: figure.value });
      index.set(part, list);
    }
  }
  return index;
}

/**
 * The calibration figure a parameter's value comes from: one whose path has a part that ends with the
 * parameter's field name (`outagesPerYear` matches `outages.operatorOutagesPerYear`) and whose value
 * is the parameter's. Hardware kinds match by kind and field (`hardware.h100.capexUsdPerUnit`).
 */
function matchFigure(p: Parameter, index: Map<string, Array<{ path: string; value: number }>>): string | undefined {
  if (typeof p.value !== 'number') return undefined;
  const hw = /^hardware\.([^.]+)\.([^.]+)$/.exec(p.path);
  if (hw) {
    const exact = allFigures().find((f) => f.path === `hardware.kinds.${hw[1]}.${hw[2]}`);
    return exact && exact.figure.value === p.value ? exact.path : undefined;
  }
  const field = lastKey(p.path);
  for (const [part, figures] of index) {
    if (!part.endsWith(field)) continue;
    const hit = figures.find((f) => f.value === p.value && f.path.toLowerCase().split('.').includes(part));
    if (hit) return hit.path;
  }
  return undefined;
}

const isAssumptionText = (source: string) => /^assumption\b/i.test(source.trim());

/** The assumptions of a scenario, grouped by source: published figures first, then reasoned assumptions. */
export function keyAssumptions(scenario: Scenario): Assumption[] {
  const groups = new Map<string, Assumption>();
  const add = (source: string, via: Assumption['via'], p: Parameter) => {
    const key = `${via}\u0000${source}`;
    const group = groups.get(key) ?? { source, isAssumption: isAssumptionText(source), via, parameters: [] };
    group.parameters.push({ path: p.path, value: p.value, unit: p.unit });
    groups.set(key, group);
  };
  const index = figureIndex();
  for (const p of flattenParameters(scenario)) {
    const own = scenario.sources[p.path];
    if (own) {
      add(own, 'preset', p);
      continue;
    }
    if (p.hasDefault && p.source && p.source.includes('data/calibration') && sameValue(p.value, p.defaultValue)) {
      add(p.source, 'calibration', p);
      continue;
    }
    const figurePath = matchFigure(p, index);
    if (figurePath) add(provenance(figurePath), 'calibration', p);
  }
  return [...groups.values()].sort((a, b) => Number(a.isAssumption) - Number(b.isAssumption) || (a.via === b.via ? 0 : a.via === 'preset' ? -1 : 1));
}

/** How a reader should take an assumption's source: the preset's, a published figure, or our estimate. */
export function assumptionKind(a: Assumption): string {
  return a.via === 'preset' ? 'preset\'s source' : a.isAssumption ? 'reasoned assumption' : 'published figure';
}
