/**
 * The design of a sweep: which parameters vary and the list of parameter points, from a grid, a
 * seeded Latin hypercube over ranges (crossed with the grid when both are given), or a design table.
 */
import * as path from 'path';
import type { Scenario } from '../model/scenario/schema';
import { Rng } from '../model/random';
import { designFromObjects, readDesignFile, type DesignTable } from './design-file';
import { SweepError } from './errors';
import { isWholeNumberField } from './field-types';
import { cartesian, checkGridValues } from './grid';
import { checkRange, latinHypercube, scaleToRange, type ParamRange } from './lhs';
import { checkParamPath, type ParamValue } from './params';

/** How to choose parameter points (all optional: none gives a plain Monte Carlo of the base scenario). */
export interface DesignOptions {
  /** Values per parameter path; the sweep runs every combination. @example { 'rewards.redistributionShare': [0, 0.2, 0.4] } */
  grid?: Record<string, ParamValue[]>;
  /** Ranges [lo, hi] per parameter path, sampled by `sample`. @example { 'costs.hardwareYearlyDecline': [0.1, 0.4] } */
  ranges?: Record<string, [number, number]>;
  /** How to sample `ranges`. @example { method: 'lhs', count: 200 } */
  sample?: { method: 'lhs'; count: number };
  /** A design CSV file (header: dotted paths; one row per point), or the points themselves. */
  design?: string | ReadonlyArray<Record<string, ParamValue>>;
}

/** What the manifest records about the design (enough to rebuild it). */
export interface DesignSpec {
  grid?: Record<string, ParamValue[]>;
  ranges?: Record<string, ParamRange>;
  sample?: { method: 'lhs'; count: number; seed: string };
  designFile?: { path: string; sha256: string };
  designTable?: boolean;
}

export interface SweepDesign {
  /** Swept parameters by dotted path, in column order. */
  paths: string[];
  /** One row of values (in `paths` order) per parameter point. */
  points: ParamValue[][];
  /** Each path's value in the base scenario (the tornado table's baseline when it is in range). */
  baseValues: ParamValue[];
  spec: DesignSpec;
}

export function buildDesign(base: Scenario, opts: DesignOptions, masterSeed: number): SweepDesign {
  const gridPaths = Object.keys(opts.grid ?? {});
  const rangePaths = Object.keys(opts.ranges ?? {});
  if (opts.design !== undefined) {
    if (gridPaths.length || rangePaths.length || opts.sample) throw new SweepError('--design cannot be combined with --grid, --range or --sample (the file lists every point)');
    return tableDesign(base, opts.design);
  }
  if (rangePaths.length && !opts.sample) throw new SweepError('--range needs --sample lhs:N (how many points to draw from the ranges)');
  if (opts.sample && !rangePaths.length) throw new SweepError('--sample needs at least one --range path=lo:hi to sample');
  for (const p of rangePaths) if (gridPaths.includes(p)) throw new SweepError(`--range ${p}: also given as --grid; sweep a parameter one way only`);

  const spec: DesignSpec = {};
  const baseValues: ParamValue[] = [];
  const gridLists = gridPaths.map((p) => {
    baseValues.push(checkParamPath(base, p, '--grid'));
    const values = opts.grid![p];
    checkGridValues(p, values);
    return values;
  });
  if (gridPaths.length) spec.grid = opts.grid;
  const ranges = rangePaths.map((p) => {
    const current = checkParamPath(base, p, '--range');
    if (typeof current !== 'number') throw new SweepError(`--range ${p}: holds ${JSON.stringify(current)}, not a number; use --grid for it`);
    baseValues.push(current);
    const [lo, hi] = opts.ranges![p];
    const range = { lo, hi, wholeNumbers: isWholeNumberField(base, p) };
    checkRange(p, range);
    return range;
  });

  let points = cartesian(gridLists);
  if (opts.sample) {
    const seedLabel = 'design/lhs';
    const unit = latinHypercube(opts.sample.count, ranges.length, new Rng(masterSeed, seedLabel));
    const samples = unit.map((u) => ranges.map((r, j) => scaleToRange(u[j], r)));
    points = points.flatMap((g) => samples.map((s) => [...g, ...s]));
    spec.ranges = Object.fromEntries(rangePaths.map((p, j) => [p, ranges[j]]));
    spec.sample = { ...opts.sample, seed: `Rng(masterSeed, "${seedLabel}")` };
  }
  return { paths: [...gridPaths, ...rangePaths], points, baseValues, spec };
}

function tableDesign(base: Scenario, design: string | ReadonlyArray<Record<string, ParamValue>>): SweepDesign {
  let table: DesignTable;
  const spec: DesignSpec = {};
  if (typeof design === 'string') {
    const file = readDesignFile(design);
    table = file;
    spec.designFile = { path: path.resolve(design), sha256: file.sha256 };
  } else {
    table = designFromObjects(design);
    spec.designTable = true;
  }
  const option = typeof design === 'string' ? `--design ${design}: column` : 'design:';
  const baseValues = table.paths.map((p) => checkParamPath(base, p, option));
  return { paths: table.paths, points: table.rows, baseValues, spec };
}
