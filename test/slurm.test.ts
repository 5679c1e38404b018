/**
 * The Slurm path for real: a single-node cluster (munged, slurmctld, slurmd) started for this file,
 * a sweep written with `prover-sim deploy slurm` and submitted with the command it prints (the
 * shipped deploy/slurm scripts, unedited: 3 array tasks and the merge that depends on them), and the
 * merged files compared byte for byte with the same sweep run on one machine. Then one array task is
 * suspended midway, cancelled, and the sweep submitted again: --resume must finish it to the same
 * bytes. Skipped, with the reason, where a cluster cannot be started (not root, Slurm missing).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sleep, slurmUnavailable, startSlurmCluster, type SlurmCluster } from './support/slurm-cluster';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'prover-sim.js');
const RESULT_FILES = ['daily.csv', 'runs.csv', 'points.csv', 'tornado.csv'];
/** 3 points x 8 seeds of one year: 24 runs, 8 per shard, each shard a few seconds on one CPU. */
const SWEEP = ['permissionless-race', '--grid', 'rewards.redistributionShare=0,0.2,0.4', '--seeds', '8', '--days', '365', '--seed', '11'];
const SHARDS = 3;
const RUNS_PER_SHARD = 8;
const JOB_TIMEOUT_MS = 240_000;
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY', 'PREEMPTED', 'BOOT_FAIL', 'DEADLINE']);

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `prover-sim ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Complete data rows of a CSV file being written (a torn last line does not count). */
const dataRows = (file: string) => (fs.existsSync(file) ? Math.max(0, fs.readFileSync(file, 'utf8').split('\n').length - 2) : 0);
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The manifest without what differs between machines and runs (timings, hosts, shard folders). */
function deterministic(manifest: Record<string, unknown>): Record<string, unknown> {
  const { sessions: _sessions, mergedFrom: _mergedFrom, ...rest } = manifest;
  return rest;
}

/** Asserts two result folders hold the same bytes (reports the first differing line, not 4 MB of diff). */
function assertSameFiles(actualDir: string, expectedDir: string): void {
  for (const file of RESULT_FILES) {
    const a = fs.readFileSync(path.join(actualDir, file));
    const e = fs.readFileSync(path.join(expectedDir, file));
    if (a.equals(e)) continue;
    const al = a.toString('utf8').split('\n');
    const el = e.toString('utf8').split('\n');
    const i = el.findIndex((line, k) => line !== al[k]);
    assert.fail(`${file} differs from the one-machine sweep at line ${i + 1}:\n  got      ${al[i]?.slice(0, 160)}\n  expected ${el[i]?.slice(0, 160)}`);
  }
  assert.deepEqual(deterministic(readJson(path.join(actualDir, 'manifest.json'))), deterministic(readJson(path.join(expectedDir, 'manifest.json'))));
}

/** Why the cluster cannot be started here (each test is then reported as skipped, with it). */
const skip = slurmUnavailable();

describe('a sharded sweep on a single-node Slurm cluster, through the shipped scripts', () => {
  let cluster: SlurmCluster;
  let work: string;
  let oneMachine: string;

  before(async () => {
    if (skip) return;
    cluster = await startSlurmCluster();
    work = path.join(cluster.dir, 'work');
    fs.mkdirSync(work);
    oneMachine = path.join(work, 'one-machine');
    cli(['sweep', ...SWEEP, '--workers', '2', '--quiet', '--out', oneMachine], work);
  });
  after(() => cluster?.stop());

  /** `prover-sim deploy slurm` into `dir`; returns the submit command it prints (its last line). */
  function deploy(dir: string): string {
    const out = cli(['deploy', 'slurm', ...SWEEP, '--shards', String(SHARDS), '--out', dir], work);
    const command = out.trimEnd().split('\n').pop()!.trim();
    assert.ok(command.startsWith(path.join(ROOT, 'deploy', 'slurm', 'submit.sh')), `deploy printed: ${out}`);
    return command;
  }

  /** Runs the printed submit command as a user would (a shell, node on PATH); returns the job ids. */
  function submit(command: string): { array: string; merge: string } {
    const env = { ...cluster.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` };
    const r = spawnSync('sh', ['-c', command], { cwd: work, env, encoding: 'utf8' });
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
    const m = /shards: job (\d+) .*merge: job (\d+)/.exec(r.stdout);
    assert.ok(m, `submit.sh printed: ${r.stdout}`);
    return { array: m[1], merge: m[2] };
  }

  /** States of a job (one per array task), with the reasons of those not completed. */
  function states(job: string): Array<{ id: string; state: string; reason: string }> {
    return cluster
      .run('scontrol', ['show', 'job', '-o', job])
      .trim()
      .split('\n')
      .map((line) => {
        // An array task has its own JobId; it is named <ArrayJobId>_<ArrayTaskId>.
        const task = /ArrayJobId=(\d+) ArrayTaskId=(\d+)/.exec(line);
        return {
          id: task ? `${task[1]}_${task[2]}` : /JobId=(\d+)/.exec(line)![1],
          state: /JobState=(\w+)/.exec(line)![1],
          reason: /Reason=(\S+)/.exec(line)?.[1] ?? '',
        };
      })
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }

  function logsOf(spec: string): string {
    const dir = path.join(spec, 'logs');
    if (!fs.existsSync(dir)) return '(no logs)';
    return fs.readdirSync(dir).map((f) => `--- ${f}\n${fs.readFileSync(path.join(dir, f), 'utf8').slice(-2000)}`).join('\n');
  }

  /** Waits until every task of `job` has ended; returns their states. */
  async function waitEnded(job: string, spec: string) {
    const start = Date.now();
    for (;;) {
      const s = states(job);
      if (s.every((t) => TERMINAL.has(t.state))) return s;
      if (Date.now() - start > JOB_TIMEOUT_MS) assert.fail(`job ${job} still ${JSON.stringify(s)} after ${JOB_TIMEOUT_MS / 1000} s\n${logsOf(spec)}`);
      await sleep(250);
    }
  }

  async function waitCompleted(job: string, spec: string): Promise<void> {
    const s = await waitEnded(job, spec);
    assert.ok(s.every((t) => t.state === 'COMPLETED'), `job ${job}: ${JSON.stringify(s)}\n${logsOf(spec)}`);
  }

  it('runs 3 array tasks and the merge after them; the merged files are the one-machine files, byte for byte', { skip }, async (t) => {
    const started = Date.now();
    const spec = path.join(work, 'cluster');
    const jobs = submit(deploy(spec));
    await waitCompleted(jobs.merge, spec);
    const tasks = states(jobs.array);
    assert.deepEqual(tasks.map((x) => [x.id, x.state]), [0, 1, 2].map((i) => [`${jobs.array}_${i}`, 'COMPLETED']));
    for (let i = 0; i < SHARDS; i++) {
      const shard = readJson(path.join(spec, 'results', `shard-${i}`, 'manifest.json'));
      assert.deepEqual(shard.shard, { index: i, count: SHARDS });
      assert.equal(shard.status, 'complete');
      // Each task ran its shard under Slurm, with the workers its CPUs allow.
      assert.equal(shard.sessions.length, 1);
      assert.equal(shard.sessions[0].runs, RUNS_PER_SHARD);
      assert.equal(shard.sessions[0].workers, 1);
      assert.ok(fs.existsSync(path.join(spec, 'logs', `prover-sim-sweep-${jobs.array}_${i}.out`)), `log of task ${i}`);
    }
    assertSameFiles(path.join(spec, 'results', 'merged'), oneMachine);
    t.diagnostic(`submitted to merged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('after one task is cancelled midway, submitting again resumes it to the same bytes', { skip }, async (t) => {
    const started = Date.now();
    const spec = path.join(work, 'interrupted');
    const command = deploy(spec);
    const first = submit(command);
    const shard1 = path.join(spec, 'results', 'shard-1');
    // Task 1 starts at once (the node has room for two tasks); stop it once it has written runs.
    for (let waited = 0; dataRows(path.join(shard1, 'runs.csv')) === 0; waited += 50) {
      if (waited > JOB_TIMEOUT_MS) assert.fail(`task 1 wrote no runs\n${logsOf(spec)}`);
      await sleep(50);
    }
    cluster.run('scontrol', ['suspend', `${first.array}_1`]);
    const written = dataRows(path.join(shard1, 'runs.csv'));
    assert.equal(readJson(path.join(shard1, 'manifest.json')).status, 'running');
    assert.ok(written < RUNS_PER_SHARD, `task 1 had already finished its ${written} runs`);
    cluster.run('scancel', [`${first.array}_1`]);

    const tasks = await waitEnded(first.array, spec);
    assert.deepEqual(tasks.map((x) => x.state), ['COMPLETED', 'CANCELLED', 'COMPLETED']);
    // The merge's dependency can no longer be met: Slurm drops it (--kill-on-invalid-dep).
    const [merge] = await waitEnded(first.merge, spec);
    assert.equal(merge.state, 'CANCELLED');
    assert.equal(merge.reason, 'DependencyNeverSatisfied');
    assert.ok(!fs.existsSync(path.join(spec, 'results', 'merged')));
    assert.equal(readJson(path.join(shard1, 'manifest.json')).status, 'running');

    const second = submit(command);
    await waitCompleted(second.merge, spec);
    assertSameFiles(path.join(spec, 'results', 'merged'), oneMachine);
    // Task 1 resumed (it ran only the runs it lacked); the finished shards ran nothing again.
    const sessions = (i: number) => readJson(path.join(spec, 'results', `shard-${i}`, 'manifest.json')).sessions as Array<{ runs: number }>;
    assert.equal(sessions(1).length, 2);
    // (At most the runs missing when it was stopped: cancelling wakes it before it ends.)
    assert.ok(sessions(1)[1].runs > 0 && sessions(1)[1].runs <= RUNS_PER_SHARD - written, `resumed with ${sessions(1)[1].runs} runs after ${written}`);
    for (const i of [0, 2]) assert.deepEqual(sessions(i).map((s) => s.runs), [RUNS_PER_SHARD, 0]);
    t.diagnostic(`task 1 cancelled after ${written} of ${RUNS_PER_SHARD} runs; resubmitted to merged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
