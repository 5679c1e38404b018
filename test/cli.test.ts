/** The command line as a user meets it: outputs, help, and one-line errors that write nothing. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DAILY_COLUMN_NAMES } from '../src/model';

const BIN = path.resolve(__dirname, '..', 'bin', 'prover-sim.js');

function cli(args: string[], cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-cli-'))) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, cwd };
}

describe('prover-sim run', () => {
  it('writes the five outputs and prints a summary', () => {
    const r = cli(['run', 'race-reference', '--days', '60', '--seed', '7', '--out', 'o']);
    assert.equal(r.code, 0, r.stderr);
    const out = path.join(r.cwd, 'o');
    assert.deepEqual(fs.readdirSync(out).sort(), ['classes.csv', 'manifest.json', 'provers.csv', 'summary.json', 'timeseries.csv']);
    const lines = fs.readFileSync(path.join(out, 'timeseries.csv'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 61, 'header + one row per day');
    // BENCHMARK.md's columns come first, under its names.
    assert.deepEqual(lines[0].split(',').slice(0, 9), ['day', 'active_provers', 'nakamoto_coefficient', 'hhi', 'wasted_attempt_share', 'mean_finality_delay_hours', 'missed_batches', 'prover_profit_usd', 'tokenholder_income_usd']);
    assert.deepEqual(lines[0].split(','), [...DAILY_COLUMN_NAMES]);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.seed, 7);
    assert.equal(manifest.scenario.days, 60);
    assert.match(manifest.version, /^\d+\.\d+\.\d+/);
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8'));
    assert.equal(summary.days, 60);
    assert.match(r.stdout, /race-reference \(seed 7, 60 days/);
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const a = cli(['run', 'permissionless-race', '--days', '90', '--seed', '3', '--out', 'o']);
    const b = cli(['run', 'permissionless-race', '--days', '90', '--seed', '3', '--out', 'o']);
    const c = cli(['run', 'permissionless-race', '--days', '90', '--seed', '4', '--out', 'o']);
    const read = (r: typeof a) => fs.readFileSync(path.join(r.cwd, 'o', 'timeseries.csv'));
    assert.ok(read(a).equals(read(b)));
    assert.ok(!read(a).equals(read(c)));
  });

  it('reproduces one run of a sweep with --seed and --stream-key', () => {
    const sweep = cli(['sweep', 'permissionless-race', '--grid', 'rewards.redistributionShare=0.1,0.4', '--seeds', '2', '--days', '30', '--workers', '0', '--quiet', '--no-daily', '--out', 's']);
    assert.equal(sweep.code, 0, sweep.stderr);
    const [header, ...rows] = fs.readFileSync(path.join(sweep.cwd, 's', 'runs.csv'), 'utf8').trim().split('\n');
    const names = header.split(',');
    const row = rows[3].split(','); // point 1 (share 0.4), replicate 1
    const col = (n: string) => row[names.indexOf(n)];
    assert.equal(col('rewards.redistributionShare'), '0.4');
    const key = JSON.stringify({ 'rewards.redistributionShare': 0.4 });
    const single = cli(['run', 'permissionless-race', '--days', '30', '--seed', col('seed'), '--stream-key', key, '--set', 'rewards.redistributionShare=0.4', '--out', 'o'], sweep.cwd);
    assert.equal(single.code, 0, single.stderr);
    const summary = JSON.parse(fs.readFileSync(path.join(sweep.cwd, 'o', 'summary.json'), 'utf8'));
    const metrics: Array<[string, string]> = [['prover_profit_usd', 'proverProfitUsd'], ['active_provers_last_year', 'activeProversLastYear'], ['tokenholder_income_usd', 'tokenholderIncomeUsd'], ['mean_finality_delay_hours', 'meanFinalityDelayHours']];
    for (const [column, field] of metrics) assert.equal(Number(col(column)).toPrecision(10), Number(summary[field]).toPrecision(10), column);
  });

  it('lists presets and documents every command', () => {
    const list = cli(['scenarios']);
    assert.equal(list.code, 0);
    for (const name of ['centralized-with-backup', 'permissionless-race', 'race-reference']) assert.match(list.stdout, new RegExp(`^${name} `, 'm'));
    for (const args of [['--help'], ['run', '--help'], ['scenarios', '--help']]) {
      const h = cli(args);
      assert.equal(h.code, 0);
      assert.match(h.stdout, /Usage: prover-sim/);
    }
  });
});

describe('bad input: one line naming the field, exit code 2, nothing written', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-bad-'));
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown preset', ['run', 'no-such-thing'], /unknown scenario "no-such-thing": neither a preset \(available: centralized-with-backup/],
    ['unknown --set field', ['run', 'permissionless-race', '--set', 'rewards.bogus=1'], /--set rewards\.bogus: unknown field "bogus" in rewards \(allowed: /],
    ['malformed JSON', ['run', file('bad.json', '{"name": "x",,}')], /bad\.json: malformed JSON/],
    ['wrong type', ['run', file('type.json', '{"name": "x", "days": "many"}')], /days: expected number, got string "many"/],
    ['negative cost', ['run', 'permissionless-race', '--set', 'provers.classes.0.overheadUsdPerDay=-5'], /provers\.classes\.0\.overheadUsdPerDay: must be at least 0 \(got -5\)/],
    ['share above 1', ['run', 'permissionless-race', '--set', 'rewards.redistributionShare=1.2'], /rewards\.redistributionShare: must be at most 1 \(got 1\.2\)/],
    ['unknown mechanism', ['run', 'permissionless-race', '--set', 'mechanism.kind=lottery'], /mechanism\.kind: "lottery" is not allowed \(allowed: "race", "centralized"/],
    ['malformed expression', ['run', 'permissionless-race', '--set', 'rewards.tokenPriceUsd=2*(t'], /rewards\.tokenPriceUsd: invalid expression '2\*\(t'/],
    ['bad seed', ['run', 'permissionless-race', '--seed', 'abc'], /--seed: expected a whole number from 0 to 4294967295 \(got "abc"\)/],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, () => {
      const r = cli([...args, '--out', 'should-not-exist']);
      assert.equal(r.code, 2, `exit code for ${what}: ${r.stderr}`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `one line: ${r.stderr}`);
      assert.match(lines[0], /^prover-sim: error: /);
      assert.match(lines[0], pattern);
      assert.ok(!/\bat .*\.(js|ts):\d+/.test(r.stderr), 'no stack trace');
      assert.ok(!fs.existsSync(path.join(r.cwd, 'should-not-exist')), 'nothing written');
    });
  }
});
