/**
 * Experiments from TypeScript: design expansion against literal tables, Latin hypercube strata,
 * seeds and common random numbers, shards, summaries and the tornado table, resume repair.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildDesign, cartesian, latinHypercube, parseGridOption, parseShard, planSweep, pointKey, readTable, replicateSeed, runSpec, runSweep, SweepError } from '../src/experiments';
import { BatchExecutor } from '../src/experiments/execute';
import { scaleToRange } from '../src/experiments/lhs';
import { sweepContext } from '../src/experiments/plan';
import { trimTail } from '../src/experiments/repair';
import { inShard, shardSize } from '../src/experiments/shard';
import { sampleStats } from '../src/experiments/stats';
import { quantileSorted } from '../src/stats';
import { paramLevels, tornadoRows } from '../src/experiments/tornado';
import { loadScenario, timeseriesCsv } from '../src/io';
import { deriveSeed, Rng, simulate } from '../src/model';
import { tmpDir as tmp } from './helpers/tmp';

const base = loadScenario('permissionless-race', { days: 20 }).scenario;
const FC_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 4242;

describe('grid designs', () => {
  it('expand as nested loops, the first option slowest', () => {
    assert.deepEqual(cartesian([[0, 1], [0, 1]]), [[0, 0], [0, 1], [1, 0], [1, 1]]);
    assert.deepEqual(cartesian([['race', 'centralized'], [10], [0.1, 0.2, 0.3]]), [
      ['race', 10, 0.1], ['race', 10, 0.2], ['race', 10, 0.3],
      ['centralized', 10, 0.1], ['centralized', 10, 0.2], ['centralized', 10, 0.3],
    ]);
    assert.deepEqual(cartesian([]), [[]], 'nothing swept: one point, the base scenario');
  });

  it('parse values as JSON where they parse, text otherwise', () => {
    assert.deepEqual(parseGridOption('mechanism.kind=race,centralized'), { path: 'mechanism.kind', values: ['race', 'centralized'] });
    assert.deepEqual(parseGridOption('a.b=0, 0.25 ,1e2,true'), { path: 'a.b', values: [0, 0.25, 100, true] });
    assert.throws(() => parseGridOption('a.b=1,,2'), /value 2 is empty/);
    assert.throws(() => parseGridOption('a.b'), /expected path=v1,v2/);
  });

  it('builds the points of a two-parameter grid on the scenario', () => {
    const d = buildDesign(base, { grid: { 'rewards.redistributionShare': [0, 0.5], 'behaviour.entryProbabilityPerDay': [0.1, 0.2, 0.3] } }, 1);
    assert.deepEqual(d.paths, ['rewards.redistributionShare', 'behaviour.entryProbabilityPerDay']);
    assert.deepEqual(d.points, [[0, 0.1], [0, 0.2], [0, 0.3], [0.5, 0.1], [0.5, 0.2], [0.5, 0.3]]);
    assert.deepEqual(d.baseValues, [base.rewards.redistributionShare, base.behaviour.entryProbabilityPerDay]);
    assert.throws(() => buildDesign(base, { grid: { 'rewards.redistributionShare': [0.1, 0.1] } }, 1), /listed twice/);
  });

  it('keys a point by its values sorted by path, the empty point like a single run', () => {
    assert.equal(pointKey(['b', 'a'], [1, 'x']), '{"a":"x","b":1}');
    assert.equal(pointKey(['a', 'b'], ['x', 1]), pointKey(['b', 'a'], [1, 'x']));
    assert.equal(pointKey([], []), '');
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each stratum of every parameter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 }), fc.nat(), (n, dims, seed) => {
        const rows = latinHypercube(n, dims, new Rng(seed, 'lhs-test'));
        assert.equal(rows.length, n);
        for (let j = 0; j < dims; j++) {
          const strata = rows.map((r) => Math.floor(r[j] * n)).sort((a, b) => a - b);
          assert.deepEqual(strata, Array.from({ length: n }, (_, k) => k));
        }
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });

  it('draws whole numbers evenly over lo..hi', () => {
    const rows = latinHypercube(30, 1, new Rng(5, 'lhs-test'));
    const values = rows.map((r) => scaleToRange(r[0], { lo: 1, hi: 10, wholeNumbers: true }));
    for (let v = 1; v <= 10; v++) assert.equal(values.filter((x) => x === v).length, 3, `value ${v}`);
  });

  it('is seeded by the master seed, with whole numbers for integer fields', () => {
    const opts = { ranges: { 'rewards.redistributionShare': [0, 0.5] as [number, number], 'provers.classes.3.count': [10, 50] as [number, number] }, sample: { method: 'lhs' as const, count: 8 } };
    const a = buildDesign(base, opts, 7);
    assert.deepEqual(buildDesign(base, opts, 7).points, a.points);
    assert.notDeepEqual(buildDesign(base, opts, 8).points, a.points);
    for (const [share, count] of a.points as number[][]) {
      assert.ok(share >= 0 && share <= 0.5);
      assert.ok(Number.isInteger(count) && count >= 10 && count <= 50, `count ${count}`);
    }
  });

  it('crosses with a grid', () => {
    const d = buildDesign(base, { grid: { 'mechanism.kind': ['race'] , 'behaviour.exitProbabilityPerDay': [0.1, 0.2] }, ranges: { 'rewards.redistributionShare': [0, 1] }, sample: { method: 'lhs', count: 3 } }, 1);
    assert.equal(d.points.length, 6);
    assert.deepEqual(d.points.map((p) => p.slice(0, 2)), [['race', 0.1], ['race', 0.1], ['race', 0.1], ['race', 0.2], ['race', 0.2], ['race', 0.2]]);
  });
});

describe('seeds and shards', () => {
  const plan = planSweep({ scenario: 'permissionless-race', days: 20, grid: { 'rewards.redistributionShare': [0, 0.3] }, seeds: 3, masterSeed: 11 });

  it('numbers runs point-major and seeds them by replicate only', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((r) => { const s = runSpec(plan, r); return [s.point, s.replicate, s.seed]; }),
      [0, 1, 2, 0, 1, 2].map((rep, r) => [Math.floor(r / 3), rep, deriveSeed(11, rep)]),
    );
    assert.equal(replicateSeed(11, 2), deriveSeed(11, 2));
  });

  it('gives replicate k of every point the same population and environment (common random numbers)', () => {
    const exec = (run: number) => {
      const spec = runSpec(plan, run);
      const scenario = { ...plan.base, rewards: { ...plan.base.rewards, redistributionShare: spec.values[0] as number } };
      return simulate(scenario, { seed: spec.seed, streamKey: pointKey(plan.design.paths, spec.values) });
    };
    for (const rep of [0, 1, 2]) {
      const a = exec(rep);
      const b = exec(3 + rep);
      assert.deepEqual(Array.from(a.provers.units), Array.from(b.provers.units), `replicate ${rep}: same population`);
      assert.notEqual(a.streamKey, b.streamKey, 'market streams differ between points');
    }
    assert.notDeepEqual(Array.from(exec(0).provers.units), Array.from(exec(1).provers.units), 'replicates differ');
  });

  it('slices runs by index modulo N, covering the sweep exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 12 }), (total, count) => {
        const owners = Array.from({ length: total }, (_, run) => Array.from({ length: count }, (_, index) => index).filter((index) => inShard(run, { index, count })));
        assert.ok(owners.every((o) => o.length === 1));
        const sizes = Array.from({ length: count }, (_, index) => shardSize(total, { index, count }));
        assert.equal(sizes.reduce((s, x) => s + x, 0), total);
        sizes.forEach((size, index) => assert.equal(size, owners.filter((o) => o[0] === index).length));
      }),
      { seed: FC_SEED, numRuns: 100 },
    );
    assert.deepEqual(parseShard('2/5'), { index: 2, count: 5 });
    for (const bad of ['3/2', '2/2', 'a/b', '1/0', '-1/3', '1']) assert.throws(() => parseShard(bad), SweepError, bad);
  });

  it('writes the same rows from a batch whatever the batching', () => {
    const exec = new BatchExecutor(sweepContext(plan));
    const all = exec.run([0, 1, 2, 3, 4, 5].map((r) => runSpec(plan, r)));
    const fresh = new BatchExecutor(sweepContext(plan));
    const parts = [[5], [0, 1], [4], [2, 3]].map((b) => fresh.run(b.map((r) => runSpec(plan, r))));
    const sorted = (bytes: Uint8Array[]) => Buffer.concat(bytes).toString('utf8').trim().split('\n').sort();
    assert.deepEqual(sorted(parts.map((p) => p.runsCsv)), sorted([all.runsCsv]));
    assert.deepEqual(sorted(parts.map((p) => p.dailyCsv)), sorted([all.dailyCsv]));
  });
});

describe('summaries', () => {
  it('uses linear-interpolation quantiles (numpy and pandas defaults)', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.equal(quantileSorted(sorted, 0.5), 5.5);
    assert.ok(Math.abs(quantileSorted(sorted, 0.05) - 1.45) < 1e-12);
    assert.ok(Math.abs(quantileSorted(sorted, 0.95) - 9.55) < 1e-12);
    assert.deepEqual(sampleStats([4]), { mean: 4, median: 4, p5: 4, p95: 4 });
  });

  it('reads a tornado off a grid: each parameter at low and high, the others at baseline', () => {
    const design = { paths: ['a', 'b'], points: cartesian([[1, 2, 3], [10, 20]]), baseValues: [2, 99], spec: {} };
    assert.deepEqual(paramLevels(design), [{ low: 1, baseline: 2, high: 3, numeric: true }, { low: 10, baseline: 10, high: 20, numeric: true }]);
    // metric = 100 a + b, exactly.
    const means = Float64Array.from(design.points, ([a, b]) => 100 * (a as number) + (b as number));
    const rows = tornadoRows(design, ['m'], means);
    assert.deepEqual(rows.map((r) => [r.parameter, r.atLow, r.atBaseline, r.atHigh, r.swing, r.method]), [
      ['a', 110, 210, 310, 200, 'grid'],
      ['b', 210, 210, 220, 10, 'grid'],
    ]);
  });

  it('fits a tornado for sampled designs (exact on a linear metric)', () => {
    const rng = new Rng(3, 'tornado-test');
    const points = Array.from({ length: 40 }, () => [rng.uniform(), 10 * rng.uniform()]);
    const design = { paths: ['x', 'y'], points, baseValues: [0.5, 5], spec: {} };
    const means = Float64Array.from(points, ([x, y]) => 3 + 2 * x - 0.5 * y);
    const rows = tornadoRows(design, ['m'], means);
    assert.ok(rows.every((r) => r.method === 'linear-fit'));
    const [lx, ly] = paramLevels(design).map((l) => ({ low: l.low as number, baseline: l.baseline as number, high: l.high as number }));
    const f = (x: number, y: number) => 3 + 2 * x - 0.5 * y;
    const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
    const x = rows.find((r) => r.parameter === 'x')!;
    const y = rows.find((r) => r.parameter === 'y')!;
    close(x.atLow, f(lx.low, ly.baseline));
    close(x.atHigh, f(lx.high, ly.baseline));
    close(y.atLow, f(lx.baseline, ly.low));
    close(y.atBaseline, f(lx.baseline, ly.baseline));
    close(y.atHigh, f(lx.baseline, ly.high));
    assert.equal(rows[0].parameter, 'y', 'the longer bar first');
  });

  it('returns points and tornado from runSweep, and points.csv holds one row per point', async () => {
    const out = path.join(tmp('api'), 's');
    const seen: number[] = [];
    const r = await runSweep(
      { scenario: 'permissionless-race', days: 20, grid: { 'rewards.redistributionShare': [0, 0.4], 'behaviour.entryProbabilityPerDay': [0.05, 0.1] }, seeds: 3, out, workers: 0 },
      { onProgress: (p) => seen.push(p.done) },
    );
    assert.equal(seen[seen.length - 1], 12);
    assert.equal(r.points!.length, 4);
    assert.equal(r.points![0].runs, 3);
    assert.equal(readTable(path.join(out, 'runs.csv')).length, 12);
    const runs = readTable(path.join(out, 'runs.csv')).filter((row) => row.point === 1).map((row) => row.prover_profit_usd as number);
    assert.ok(Math.abs((r.points![1].prover_profit_usd_mean as number) - runs.reduce((s, x) => s + x, 0) / 3) < 1e-6 * Math.abs(runs[0]));
    assert.deepEqual(new Set(r.tornado!.map((t) => t.parameter)), new Set(['rewards.redistributionShare', 'behaviour.entryProbabilityPerDay']));
  });
});

describe('common random numbers, end to end', () => {
  it('replicate k sees the same operator outages at every point, and other replicates other ones', async () => {
    const out = path.join(tmp('crn'), 's');
    await runSweep({
      scenario: 'centralized-with-backup',
      days: 120,
      set: ['provers.classes.0.outagesPerYear=20', 'mechanism.backupTrigger=timeout'],
      grid: { 'rewards.redistributionShare': [0, 0.3], 'mechanism.backupPoolSize': [5, 10] },
      seeds: 3,
      out,
      workers: 0,
    });
    // Hours with the backup gate open follow the operator's outages only: environment draws.
    const series = new Map<string, string>();
    for (const row of readTable(path.join(out, 'daily.csv'))) {
      const key = `${row.point}/${row.replicate}`;
      series.set(key, `${series.get(key) ?? ''},${row.backup_open_hours}`);
    }
    for (const rep of [0, 1, 2]) for (const point of [1, 2, 3]) assert.equal(series.get(`${point}/${rep}`), series.get(`0/${rep}`), `point ${point}, replicate ${rep}`);
    assert.notEqual(series.get('0/0'), series.get('0/1'));
    assert.match(series.get('0/0')!, /,[1-9]/, 'the operator failed at least once');
    const seeds = readTable(path.join(out, 'runs.csv')).map((row) => [row.replicate, row.seed]);
    for (const [rep, seed] of seeds) assert.equal(seed, deriveSeed(base.seed, rep as number));
  });
});

describe('reproducing one run', () => {
  it('a Monte Carlo sweep (nothing swept) runs exactly the runs of `prover-sim run --seed <seed column>`', async () => {
    const out = path.join(tmp('mc'), 's');
    await runSweep({ scenario: 'race-reference', days: 20, seeds: 2, masterSeed: 9, out, workers: 0 });
    const daily = fs.readFileSync(path.join(out, 'daily.csv'), 'utf8').trimEnd().split('\n').slice(1);
    const scenario = loadScenario('race-reference', { days: 20 }).scenario;
    for (const rep of [0, 1]) {
      const single = timeseriesCsv(simulate(scenario, { seed: deriveSeed(9, rep) })).trimEnd().split('\n').slice(1);
      const swept = daily.filter((l) => l.split(',')[2] === String(rep)).map((l) => l.split(',').slice(4).join(','));
      assert.deepEqual(swept, single, `replicate ${rep}`);
    }
  });
});

describe('resume repair', () => {
  it('drops a torn last line and the rows of runs without a summary, never the header', () => {
    const file = path.join(tmp('repair'), 'daily.csv');
    fs.writeFileSync(file, 'run,day\n0,0\n0,1\n1,0\n1,1\n2,0\n2,1\n2,');
    assert.equal(trimTail(file, (line) => Number(line.split(',')[0]) <= 1), 2);
    assert.equal(fs.readFileSync(file, 'utf8'), 'run,day\n0,0\n0,1\n1,0\n1,1\n');
    fs.writeFileSync(file, 'run,day\n5,0\n');
    trimTail(file, () => false);
    assert.equal(fs.readFileSync(file, 'utf8'), 'run,day\n');
    fs.writeFileSync(file, 'run,da');
    trimTail(file, () => true);
    assert.equal(fs.readFileSync(file, 'utf8'), '');
  });
});
