/**
 * `prover-sim sweep` and `prover-sim merge` as a user runs them: the same rows whatever the workers
 * or shards, resume after a crash, and one-line errors that write nothing.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { tmpDir as tmp } from './helpers/tmp';

const BIN = path.resolve(__dirname, '..', 'bin', 'prover-sim.js');
const RESULT_FILES = ['daily.csv', 'runs.csv', 'points.csv', 'tornado.csv'];

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const rows = (dir: string, file: string) => read(dir, file).trimEnd().split('\n');
const rowSet = (dir: string, file: string) => {
  const [header, ...body] = rows(dir, file);
  return { header, body: body.sort() };
};

/** A small sweep: 3 x 2 points, 3 seeds, 20 days = 18 runs. */
const SWEEP = ['sweep', 'permissionless-race', '--grid', 'rewards.redistributionShare=0,0.2,0.4', '--grid', 'behaviour.entryProbabilityPerDay=0.05,0.1', '--seeds', '3', '--days', '20', '--seed', '7', '--quiet'];

describe('prover-sim sweep: the same rows however it runs', () => {
  const cwd = tmp('sweep');
  const run = (extra: string[]) => {
    const r = cli([...SWEEP, ...extra], cwd);
    assert.equal(r.code, 0, r.stderr);
    return r;
  };

  it('1 worker, 2 workers, the main thread, and 3 shards merged write identical results', () => {
    run(['--workers', '1', '--out', 'w1']);
    run(['--workers', '2', '--out', 'w2']);
    run(['--workers', '0', '--out', 'w0']);
    for (const i of [0, 1, 2]) {
      const r = run(['--workers', '1', '--shard', `${i}/3`, '--out', `s${i}`]);
      assert.match(r.stdout, new RegExp(`shard ${i}/3: 6 of 18 runs`));
      assert.deepEqual(fs.readdirSync(path.join(cwd, `s${i}`)).sort(), ['daily.csv', 'manifest.json', 'runs.csv']);
    }
    // Merge in a scrambled order: the result must not depend on it.
    const m = cli(['merge', 's2', 's0', 's1', '--out', 'merged'], cwd);
    assert.equal(m.code, 0, m.stderr);
    const w1 = path.join(cwd, 'w1');
    assert.equal(rows(w1, 'runs.csv').length, 1 + 18);
    assert.equal(rows(w1, 'daily.csv').length, 1 + 18 * 20);
    assert.equal(rows(w1, 'points.csv').length, 1 + 6);
    for (const other of ['w2', 'w0', 'merged']) {
      for (const file of RESULT_FILES) {
        assert.deepEqual(rowSet(path.join(cwd, other), file), rowSet(w1, file), `${other}/${file}: same rows`);
        // Stronger than asked: rows are written in run order, so the files are byte-identical.
        assert.equal(read(path.join(cwd, other), file), read(w1, file), `${other}/${file}: same bytes`);
      }
    }
  });

  it('puts the run, its parameters and its seed on every row, and timings only in the manifest', () => {
    const dir = path.join(cwd, 'w1');
    const [header, first] = rows(dir, 'daily.csv');
    assert.deepEqual(header.split(',').slice(0, 7), ['run', 'point', 'replicate', 'seed', 'rewards.redistributionShare', 'behaviour.entryProbabilityPerDay', 'day']);
    assert.match(first, /^0,0,0,\d+,0,0\.05,0,/);
    const manifest = JSON.parse(read(dir, 'manifest.json'));
    assert.equal(manifest.status, 'complete');
    assert.equal(manifest.masterSeed, 7);
    assert.equal(manifest.seeds, 3);
    assert.equal(manifest.totalRuns, 18);
    assert.equal(manifest.scenario.days, 20);
    assert.deepEqual(manifest.design.grid, { 'rewards.redistributionShare': [0, 0.2, 0.4], 'behaviour.entryProbabilityPerDay': [0.05, 0.1] });
    assert.equal(manifest.sessions[0].workers, 1);
    assert.ok(manifest.sessions[0].environment.host);
    const results = RESULT_FILES.map((f) => read(dir, f)).join('');
    assert.ok(!results.includes(os.hostname()), 'no host name in result rows');
    const merged = JSON.parse(read(path.join(cwd, 'merged'), 'manifest.json'));
    assert.deepEqual(merged.shard, { index: 0, count: 1 });
    assert.deepEqual(merged.fingerprint, manifest.fingerprint);
    assert.equal(merged.sessions.filter((s: { shard?: string }) => s.shard).length, 3);
  });
});

describe('prover-sim sweep --resume', () => {
  const cwd = tmp('resume');
  const whole = path.join(cwd, 'whole');

  it('after a crash at the worst moment, finishes with the same files and no duplicate rows', () => {
    assert.equal(cli([...SWEEP, '--workers', '0', '--out', 'whole'], cwd).code, 0);
    // The test hook writes one batch's daily rows and half its summary rows, then SIGKILLs itself.
    const crashed = cli([...SWEEP, '--workers', '2', '--out', 'part'], cwd, { PROVER_SIM_TEST_CRASH_AFTER_RUNS: '7' });
    assert.equal(crashed.signal, 'SIGKILL');
    const part = path.join(cwd, 'part');
    assert.ok(!read(part, 'runs.csv').endsWith('\n') || rows(part, 'daily.csv').length > 1 + 20 * (rows(part, 'runs.csv').length - 1), 'left torn or orphan rows behind');
    assert.ok(rows(part, 'runs.csv').length < 19);

    const again = cli([...SWEEP, '--out', 'part'], cwd);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^prover-sim: error: --out .*part: already holds the sweep \(running\); pass --resume/);

    const resumed = cli([...SWEEP, '--workers', '1', '--out', 'part', '--resume'], cwd);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /this time, the rest before/);
    for (const file of RESULT_FILES) assert.equal(read(part, file), read(whole, file), file);
    const runIds = rows(part, 'runs.csv').slice(1).map((l) => l.split(',')[0]);
    assert.equal(new Set(runIds).size, runIds.length, 'no duplicate runs');
    const manifest = JSON.parse(read(part, 'manifest.json'));
    assert.equal(manifest.sessions.length, 2);
    assert.equal(manifest.status, 'complete');

    // Resuming a finished sweep runs nothing and changes nothing.
    const noop = cli([...SWEEP, '--out', 'part', '--resume'], cwd);
    assert.equal(noop.code, 0, noop.stderr);
    for (const file of RESULT_FILES) assert.equal(read(part, file), read(whole, file), file);
  });

  it('after kill -9 at an arbitrary moment, finishes with the same files', async () => {
    const args = ['sweep', 'permissionless-race', '--grid', 'rewards.redistributionShare=0,0.3', '--seeds', '80', '--days', '20', '--seed', '3', '--quiet', '--workers', '1'];
    assert.equal(cli([...args, '--workers', '0', '--out', 'ref'], cwd).code, 0);
    const child = spawn(process.execPath, [BIN, ...args, '--out', 'killed'], { cwd, stdio: 'ignore' });
    const runsFile = path.join(cwd, 'killed', 'runs.csv');
    const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill once some runs are on disk (polling: the moment within a write is left to chance).
    for (let i = 0; i < 2000; i++) {
      if (fs.existsSync(runsFile) && rows(path.dirname(runsFile), 'runs.csv').length > 30) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    const signal = await exited;
    assert.equal(signal, 'SIGKILL', 'killed before it finished');
    const resumed = cli([...args, '--out', 'killed', '--resume'], cwd);
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const file of RESULT_FILES) assert.equal(read(path.join(cwd, 'killed'), file), read(path.join(cwd, 'ref'), file), file);
  });

  it('refuses to resume a different sweep, and changes nothing', () => {
    const before = read(whole, 'runs.csv');
    const r = cli([...SWEEP, '--seeds', '4', '--out', 'whole', '--resume'], cwd);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /holds a different sweep \(the seeds per point \(--seeds\) differ\)/);
    assert.equal(read(whole, 'runs.csv'), before);
  });
});

describe('bad input: one line, non-zero exit, nothing written', () => {
  const cwd = tmp('sweep-bad');
  fs.writeFileSync(path.join(cwd, 'ragged.csv'), 'rewards.redistributionShare,behaviour.entryProbabilityPerDay\n0.1,0.2\n0.3\n');
  fs.writeFileSync(path.join(cwd, 'unknown.csv'), 'rewards.redistributionShare,rewards.bogus\n0.1,1\n');
  fs.writeFileSync(path.join(cwd, 'empty.csv'), 'rewards.redistributionShare\n');
  fs.writeFileSync(path.join(cwd, 'invalid.csv'), 'rewards.redistributionShare\n0.2\n1.5\n');
  const base = ['sweep', 'permissionless-race', '--days', '20', '--out', 'out'];
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown parameter path', ['--grid', 'rewards.bogus=1,2'], /--grid rewards\.bogus: unknown field "bogus" in rewards \(allowed: .*redistributionShare/],
    ['unknown top-level path', ['--grid', 'nope.x=1'], /--grid nope\.x: unknown field "nope" in \(scenario\)/],
    ['range with lo > hi', ['--range', 'rewards.redistributionShare=0.5:0.1', '--sample', 'lhs:4'], /--range rewards\.redistributionShare=0\.5:0\.1: lo must not exceed hi/],
    ['range without a sample', ['--range', 'rewards.redistributionShare=0:0.5'], /--range needs --sample lhs:N/],
    ['malformed sample', ['--range', 'rewards.redistributionShare=0:0.5', '--sample', 'sobol:8'], /--sample sobol:8: expected lhs:N/],
    ['shard index past the count', ['--shard', '3/2'], /--shard 3\/2: i must be from 0 to 1/],
    ['shard not numbers', ['--shard', 'a/b'], /--shard a\/b: expected i\/N/],
    ['ragged design file', ['--design', 'ragged.csv'], /--design ragged\.csv line 3: expected 2 cells like the header, got 1/],
    ['design file with an unknown column', ['--design', 'unknown.csv'], /--design unknown\.csv: column rewards\.bogus: unknown field "bogus"/],
    ['design file without rows', ['--design', 'empty.csv'], /--design empty\.csv: has a header but no rows/],
    ['design file with an invalid value', ['--design', 'invalid.csv'], /point 1 \(rewards\.redistributionShare=1\.5\): invalid scenario: rewards\.redistributionShare: must be at most 1/],
    ['missing design file', ['--design', 'missing.csv'], /--design missing\.csv: cannot be read/],
    ['grid values that break a cross-field rule', ['--grid', 'rewards.redistributionShare=0.8', '--grid', 'rewards.treasuryShare=0.1,0.3'], /redistributionShare \+ treasuryShare must be at most 1/],
    ['sweeping the seed', ['--grid', 'seed=1,2'], /--grid seed: cannot be swept .*--seeds/],
    ['a list as a parameter', ['--grid', 'provers.classes=1'], /--grid provers\.classes: is a list of \d+; sweep one of its values/],
    ['design combined with a grid', ['--design', 'ragged.csv', '--grid', 'rewards.redistributionShare=0'], /--design cannot be combined/],
    ['bad worker count', ['--workers', 'many'], /--workers: expected a whole number/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = cli([...base, ...args], cwd);
      assert.equal(r.code, 2, r.stderr);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^prover-sim: error: /);
      assert.match(lines[0], message);
      assert.ok(!fs.existsSync(path.join(cwd, 'out')), 'nothing written');
    });
  }
});

describe('prover-sim merge: checks before it writes', () => {
  const cwd = tmp('merge-bad');
  const shard = (i: number, extra: string[] = []) => {
    const r = cli([...SWEEP, '--workers', '0', '--shard', `${i}/3`, ...extra], cwd);
    assert.equal(r.code, 0, r.stderr);
  };

  it('names the missing shard, the foreign one, and the unfinished one', () => {
    shard(0, ['--out', 'a0']);
    shard(1, ['--out', 'a1']);
    shard(2, ['--out', 'a2']);
    shard(2, ['--out', 'other2', '--seed', '8']);
    const cases: Array<[string[], RegExp]> = [
      [['a0', 'a1'], /missing shard 2\/3/],
      [['a0', 'a1', 'other2'], /other2 is from a different sweep .*master seed/],
      [['a0', 'a1', 'a1'], /shard 1\/3 is given twice/],
      [['a0', 'a1', 'nowhere'], /nowhere is not a sweep folder/],
    ];
    for (const [dirs, message] of cases) {
      const r = cli(['merge', ...dirs, '--out', 'm'], cwd);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.match(r.stderr, message);
      assert.ok(!fs.existsSync(path.join(cwd, 'm')), 'nothing written');
    }
    const crashed = cli([...SWEEP, '--workers', '0', '--shard', '2/3', '--out', 'half2'], cwd, { PROVER_SIM_TEST_CRASH_AFTER_RUNS: '1' });
    assert.equal(crashed.signal, 'SIGKILL');
    const r = cli(['merge', 'a0', 'a1', 'half2', '--out', 'm'], cwd);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /half2 \(shard 2\/3\) is not complete; finish it with --resume/);
    assert.ok(!fs.existsSync(path.join(cwd, 'm')));
  });
});
