/**
 * `prover-sim deploy slurm|kubernetes`: the spec folder holds the sweep as data, the runners'
 * commands turn it back into the same sweep (run here without a scheduler: the sbatch scripts and
 * the pods' scripts executed with the environment the scheduler gives them), the Kubernetes
 * manifests validate against the API's schemas while a wrong field does not, bad input is one line
 * and writes nothing, and the shell scripts pass shellcheck. The real Slurm run is slurm.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { MERGE_SCRIPT, SHARD_SCRIPT } from '../src/deploy/kubernetes';
import { tmpDir } from './helpers/tmp';
import { validateManifests } from './support/kubernetes-validate';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'prover-sim.js');
const RESULT_FILES = ['daily.csv', 'runs.csv', 'points.csv', 'tornado.csv'];

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function bash(script: string, env: Record<string, string>, cwd: string) {
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH!, ...env } });
  assert.equal(r.status, 0, `${script}\n${r.stderr}`);
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json'));

function assertSameResults(actual: string, expected: string): void {
  for (const file of RESULT_FILES) assert.ok(read(actual, file) === read(expected, file), `${file} differs from the one-machine sweep`);
  assert.deepEqual(manifestOf(actual).fingerprint, manifestOf(expected).fingerprint);
}

/** A folder with a scenario file and a design file, as a user's laptop has them. */
function userFolder(label: string): string {
  const cwd = tmpDir(label);
  const preset = JSON.parse(read(path.join(ROOT, 'data', 'scenarios'), 'permissionless-race.json'));
  fs.writeFileSync(path.join(cwd, 'my scenario.json'), JSON.stringify({ ...preset, name: 'my-race', days: 12 }));
  fs.writeFileSync(path.join(cwd, 'points.csv'), 'rewards.redistributionShare,behaviour.entryProbabilityPerDay\n0,0.05\n0.2,0.1\n0.4,0.05\n');
  return cwd;
}
/** The user's sweep: 3 design points x 2 seeds = 6 runs of 12 days. */
const SWEEP = ['my scenario.json', '--design', 'points.csv', '--seeds', '2', '--seed', '5', '--set', 'rewards.feeUsdPerBatch=25'];

describe('prover-sim deploy slurm', () => {
  const cwd = userFolder('deploy-slurm');

  it('writes the sweep as data (sweep.args and copies of its files) and prints the submit command', () => {
    const r = cli(['deploy', 'slurm', ...SWEEP, '--shards', '2', '--out', 'spec', '--cpus-per-task', '2', '--mem', '2G', '--time', '00:30:00'], cwd);
    assert.equal(r.code, 0, r.stderr);
    const spec = path.join(cwd, 'spec');
    assert.deepEqual(fs.readdirSync(spec).sort(), ['design.csv', 'scenario.json', 'sweep.args']);
    assert.equal(read(spec, 'sweep.args'), 'scenario.json\n--design\ndesign.csv\n--seeds\n2\n--seed\n5\n--set\nrewards.feeUsdPerBatch=25\n');
    assert.equal(read(spec, 'scenario.json'), read(cwd, 'my scenario.json'));
    assert.equal(read(spec, 'design.csv'), read(cwd, 'points.csv'));
    assert.match(r.stdout, /^deploy: 6 runs \(3 points x 2 seeds\) of my scenario\.json in 2 shard\(s\) of up to 3 runs/);
    const submit = r.stdout.trimEnd().split('\n').pop()!.trim();
    assert.equal(submit, `${ROOT}/deploy/slurm/submit.sh ${spec}/sweep.args 2 --cpus-per-task=2 --mem=2G --time=00:30:00`);
  });

  it('the sbatch scripts, run as Slurm runs them, give the one-machine sweep byte for byte', () => {
    const spec = path.join(cwd, 'spec');
    const results = path.join(cwd, 'slurm-results');
    const env = { SWEEP_ARGS: path.join(spec, 'sweep.args'), SWEEP_SHARDS: '2', SWEEP_RESULTS: results, PROVER_SIM: BIN };
    for (const task of ['0', '1']) {
      bash(`bash ${ROOT}/deploy/slurm/sweep.sbatch`, { ...env, SLURM_ARRAY_TASK_ID: task, SLURM_CPUS_PER_TASK: '1' }, cwd);
    }
    bash(`bash ${ROOT}/deploy/slurm/merge.sbatch`, env, cwd);
    assert.equal(cli(['sweep', ...SWEEP, '--workers', '0', '--quiet', '--out', 'one-machine'], cwd).code, 0);
    assertSameResults(path.join(results, 'merged'), path.join(cwd, 'one-machine'));
    assert.equal(manifestOf(path.join(results, 'shard-1')).sessions[0].workers, 1);
  });

  it('deploying the same sweep again into its folder is fine (for other resources)', () => {
    const r = cli(['deploy', 'slurm', ...SWEEP, '--shards', '2', '--out', 'spec', '--partition', 'long'], cwd);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout.trimEnd(), /sweep\.args 2 --partition=long$/);
  });

  const base = ['deploy', 'slurm', 'permissionless-race', '--days', '10', '--seeds', '4'];
  const cases: Array<[string, string[], RegExp]> = [
    ['a runner option (--workers)', ['--workers', '4'], /--workers: set by the runner, not the sweep \(each task runs one worker thread per CPU/],
    ['a runner option (--shard)', ['--shard', '0/2'], /--shard: set by the runner, not the sweep \(each task runs its own --shard i\/N; give the number of shards with --shards\)/],
    ['a runner option (--resume)', ['--resume'], /--resume: set by the runner/],
    ['an unknown parameter', ['--grid', 'rewards.bogus=1,2'], /--grid rewards\.bogus: unknown field "bogus" in rewards/],
    ['more shards than runs', ['--shards', '5'], /--shards 5: the sweep has only 4 run\(s\)/],
    ['no shards', ['--shards', '0'], /--shards: expected a whole number from 1/],
    ['a malformed memory size', ['--mem', 'lots'], /--mem lots: expected a size such as 2G or 500M/],
    ['a malformed time limit', ['--time', '3h'], /--time 3h: expected minutes, HH:MM:SS or D-HH\[:MM\[:SS\]\]/],
    ['another sweep in a folder holding one', ['--out', 'spec'], /--out .*spec: already holds another sweep \(its sweep\.args differs\); choose another --out/],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what} in one line, writing nothing`, () => {
      const before = fs.readdirSync(cwd).sort();
      const specBefore = read(path.join(cwd, 'spec'), 'sweep.args');
      const withDefaults = [...args, ...(args.includes('--shards') ? [] : ['--shards', '2']), ...(args.includes('--out') ? [] : ['--out', 'new-spec'])];
      const r = cli([...base, ...withDefaults], cwd);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^prover-sim: error: /);
      assert.match(r.stderr, message);
      assert.deepEqual(fs.readdirSync(cwd).sort(), before, 'nothing written');
      assert.equal(read(path.join(cwd, 'spec'), 'sweep.args'), specBefore);
    });
  }
});

describe('prover-sim deploy kubernetes', () => {
  const cwd = userFolder('deploy-kube');
  const deployed = cli(['deploy', 'kubernetes', ...SWEEP, '--shards', '3', '--out', 'My Sweep', '--image', 'registry.example.org/prover-sim:0.1.0', '--cpu', '2', '--memory', '3Gi'], cwd);
  const dir = path.join(cwd, 'My Sweep');
  const files = ['sweep-config.yaml', 'results-pvc.yaml', 'shards-job.yaml', 'merge-job.yaml'];
  const load = () => files.map((f) => parse(read(dir, f)));

  it('writes the spec folder and the manifests, and prints the run command', () => {
    assert.equal(deployed.code, 0, deployed.stderr);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['design.csv', 'merge-job.yaml', 'results-pvc.yaml', 'scenario.json', 'shards-job.yaml', 'sweep-config.yaml', 'sweep.args']);
    assert.equal(deployed.stdout.trimEnd().split('\n').pop()!.trim(), `${ROOT}/deploy/kubernetes/run.sh '${dir}' [namespace]`);
    const [config, volume, shards, merge] = load();
    // The name comes from the folder; the spec is the ConfigMap, file for file.
    assert.equal(config.metadata.name, 'prover-sim-my-sweep');
    assert.deepEqual(config.data, { 'sweep.args': read(dir, 'sweep.args'), 'scenario.json': read(dir, 'scenario.json'), 'design.csv': read(dir, 'design.csv') });
    assert.deepEqual(volume.spec.accessModes, ['ReadWriteMany']);
    assert.equal(shards.metadata.name, 'prover-sim-my-sweep-shards');
    assert.equal(shards.spec.completionMode, 'Indexed');
    assert.equal(shards.spec.completions, 3);
    assert.equal(shards.spec.parallelism, 3);
    const pod = shards.spec.template.spec.containers[0];
    assert.deepEqual(pod.resources, { requests: { cpu: '2', memory: '3Gi' }, limits: { memory: '3Gi' } });
    assert.deepEqual(pod.env.find((e: { name: string }) => e.name === 'SWEEP_WORKERS'), { name: 'SWEEP_WORKERS', value: '2' });
    assert.equal(merge.metadata.name, 'prover-sim-my-sweep-merge');
    assert.equal(merge.spec.template.spec.volumes[0].persistentVolumeClaim.claimName, volume.metadata.name);
  });

  it('the manifests validate against the Kubernetes API schemas, and a wrong field fails', () => {
    const docs = load();
    const container = (job: (typeof docs)[2]) => job.spec.template.spec.containers[0];
    const wrong: Array<[string, (docs: ReturnType<typeof load>) => void, RegExp]> = [
      ['a misspelt Job field', ([, , job]) => ((job.spec.completion = job.spec.completions), delete job.spec.completions), /'"?completion"?' does not exist in type/],
      ['a misspelt container field', ([, , job]) => (container(job).resource = container(job).resources), /'"?resource"?' does not exist in type 'IContainer'/],
      ['a field of the wrong type', ([, , job]) => (job.spec.completions = 'three'), /completions must be integer/],
      ['a value outside its enum', ([, , job]) => (job.spec.completionMode = 'Sharded'), /completionMode must be equal to one of the allowed values/],
      ['a missing required field', ([, , job]) => delete container(job).name, /must have required property '?name'?/],
      ['an unknown top-level field', ([c]) => (c.spec = { data: c.data }), /'"?spec"?' does not exist in type 'IConfigMap'/],
    ];
    const variants = wrong.map(([, mutate]) => {
      const copy = structuredClone(docs);
      mutate(copy);
      return copy;
    });
    // One validation for all (type-checking takes seconds): the generated files, then each variant.
    const errors = validateManifests([...docs, ...variants.flat()]);
    assert.deepEqual(errors.slice(0, docs.length), docs.map(() => []), 'the generated manifests');
    wrong.forEach(([what, , message], k) => {
      const all = errors.slice(docs.length * (k + 1), docs.length * (k + 2)).flat();
      assert.ok(all.length > 0, `${what}: passed validation`);
      assert.ok(all.some((e) => message.test(e)), `${what}: ${all.join('; ')}`);
    });
  });

  it('the pods\' commands, run with the environment Kubernetes gives them, give the one-machine sweep byte for byte', () => {
    const [config, , shards, merge] = load();
    // The ConfigMap as its volume shows it to a pod, the results volume as a folder, prover-sim on PATH.
    const mount = path.join(cwd, 'pod', 'etc', 'prover-sim', 'sweep');
    fs.mkdirSync(mount, { recursive: true });
    for (const [name, text] of Object.entries(config.data as Record<string, string>)) fs.writeFileSync(path.join(mount, name), text);
    const volume = path.join(cwd, 'pod', 'results');
    const bin = path.join(cwd, 'pod', 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'prover-sim'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
    const podEnv = (job: typeof shards) => {
      const c = job.spec.template.spec.containers[0];
      assert.deepEqual(c.command.slice(0, 2), ['bash', '-c']);
      const env: Record<string, string> = Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value]));
      const remap = (p: string) => p.replace(/^\/etc\/prover-sim\/sweep/, mount).replace(/^\/results/, volume);
      return { script: c.command[2] as string, env: { ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, remap(v)])), PATH: `${bin}:${process.env.PATH}` } };
    };
    const shard = podEnv(shards);
    for (let i = 0; i < shards.spec.completions; i++) bash(shard.script, { ...shard.env, JOB_COMPLETION_INDEX: String(i) }, '/');
    const merger = podEnv(merge);
    bash(merger.script, merger.env, '/');
    assert.equal(cli(['sweep', ...SWEEP, '--workers', '0', '--quiet', '--out', 'one-machine'], cwd).code, 0);
    assertSameResults(path.join(volume, 'my-sweep', 'merged'), path.join(cwd, 'one-machine'));
    assert.equal(manifestOf(path.join(volume, 'my-sweep', 'shard-0')).sessions[0].workers, 2);
  });

  const base = ['deploy', 'kubernetes', 'permissionless-race', '--days', '10', '--seeds', '4', '--shards', '2'];
  const cases: Array<[string, string[], RegExp]> = [
    ['a malformed CPU quantity', ['--out', 'k', '--image', 'x', '--cpu', 'two'], /--cpu two: expected a CPU quantity such as 1, 2 or 500m/],
    ['a malformed memory quantity', ['--out', 'k', '--image', 'x', '--memory', '3GB'], /--memory 3GB: expected a memory quantity such as 1Gi or 512Mi/],
    ['a name that is not a DNS label', ['--out', 'k', '--image', 'x', '--name', 'My_Sweep'], /--name My_Sweep: expected lower-case letters, digits and '-'/],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what} in one line, writing nothing`, () => {
      const r = cli([...base, ...args], cwd);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, message);
      assert.ok(!fs.existsSync(path.join(cwd, 'k')), 'nothing written');
    });
  }
});

const noShellcheck = spawnSync('shellcheck', ['--version']).status === 0 ? undefined : 'shellcheck is not installed (npm test installs Debian\'s shellcheck where it runs as root with apt-get)';

describe('the runners\' shell scripts pass shellcheck', () => {
  const scripts = ['deploy/slurm/submit.sh', 'deploy/slurm/sweep.sbatch', 'deploy/slurm/merge.sbatch', 'deploy/kubernetes/run.sh'];
  for (const script of scripts) {
    it(script, { skip: noShellcheck }, () => {
      const r = spawnSync('shellcheck', ['--severity=style', script], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout);
    });
  }
  for (const [name, script] of [['the shard pod\'s script', SHARD_SCRIPT], ['the merge pod\'s script', MERGE_SCRIPT]]) {
    it(name, { skip: noShellcheck }, () => {
      const r = spawnSync('shellcheck', ['--severity=style', '--shell=bash', '-'], { input: script, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout);
    });
  }
});
