import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadScenario, timeseriesCsv, proversCsv } from '../src/io';
import { simulate } from '../src/model';
import { cos, exp, log, log10, log2, pow } from '../src/model/math';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('determinism', () => {
  const { scenario } = loadScenario('permissionless-race', { days: 200 });

  it('same scenario and seed give byte-identical outputs', () => {
    const a = simulate(scenario, { seed: 42 });
    const b = simulate(scenario, { seed: 42 });
    assert.equal(timeseriesCsv(a), timeseriesCsv(b));
    assert.equal(proversCsv(a), proversCsv(b));
  });

  it('another seed gives different outputs', () => {
    assert.notEqual(timeseriesCsv(simulate(scenario, { seed: 1 })), timeseriesCsv(simulate(scenario, { seed: 2 })));
  });

  it('the same seed shares population and outages across parameter points (common random numbers)', () => {
    const at = (delay: number) =>
      simulate(loadScenario('centralized-with-backup', { days: 365, set: ['provers.classes.0.outagesPerYear=20', `mechanism.governanceDelayHours=${delay}`] }).scenario, { seed: 5, streamKey: `delay=${delay}` });
    const a = at(0);
    const b = at(1);
    assert.deepEqual(a.provers.units, b.provers.units, 'same population draws');
    // With the same outage schedule, opening the pool 1 h later removes at most 1 h of open time per outage.
    const total = (r: typeof a) => r.daily.backup_open_hours.reduce((x, y) => x + y, 0);
    assert.ok(total(a) > 24, `the operator fails several times a year (open ${total(a)} h)`);
    for (let d = 0; d < 365; d++) {
      const diff = a.daily.backup_open_hours[d] - b.daily.backup_open_hours[d];
      assert.ok(diff >= -1e-9 && diff <= 2 + 1e-9, `day ${d}: open ${a.daily.backup_open_hours[d]} h vs ${b.daily.backup_open_hours[d]} h`);
    }
  });
});

describe('engine-independent arithmetic', () => {
  // Math.exp, log, pow (and **), trigonometric and hyperbolic functions differ in the last bits
  // between JavaScript engines (Node 20 and Chromium 156 disagree on about one argument in ten), so
  // a run would depend on where it ran and the browser explorer could not reproduce `prover-sim run`.
  // The model takes them from src/model/math.ts; this keeps the engine's versions out.
  const ENGINE_DEPENDENT = /\bMath\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot|random)\b|[\w)\]]\s*\*\*\s*[\w(]/;

  it('src/model calls no engine-dependent Math function and no ** operator (src/model/math.ts has portable ones)', () => {
    const root = path.join(__dirname, '..', 'src', 'model');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const offending: string[] = [];
    for (const file of files(root)) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '').replace(/\/\*.*?\*\//g, '');
        if (ENGINE_DEPENDENT.test(code)) offending.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offending, [], 'use exp, log, pow, ... from src/model/math.ts');
    assert.ok(ENGINE_DEPENDENT.test('x = Math.exp(-r * t);') && ENGINE_DEPENDENT.test('y = a ** 2;'), 'the check itself finds what it should');
  });

  it('the portable functions agree with the engine\'s to within an ulp or two', () => {
    const close = (a: number, b: number) => Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(1, Math.abs(b));
    for (let x = 0.001; x < 50; x *= 1.37) {
      assert.ok(close(exp(-x), Math.exp(-x)) && close(log(x), Math.log(x)) && close(log2(x), Math.log2(x)) && close(log10(x), Math.log10(x)), `x=${x}`);
      assert.ok(close(pow(1.07, x), Math.pow(1.07, x)) && close(cos(x), Math.cos(x)), `x=${x}`);
    }
  });
});
