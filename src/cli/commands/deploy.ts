/**
 * `prover-sim deploy slurm|kubernetes`: the step from a sweep that works on the laptop to the same
 * sweep on a cluster. It takes the sweep's own options (the same as `prover-sim sweep`, copied from
 * that command so the two never drift apart), checks the whole sweep as `sweep` would, and writes a
 * spec folder the shipped runners read; it prints the one command that starts it.
 */
import { Command, Option } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { SweepError } from '../../experiments/errors';
import { planSweep } from '../../experiments/plan';
import { readScenarioInput } from '../../io/scenarios';
import { KUBERNETES_SCRIPTS_DIR, kubernetesFiles, sweepName, type KubernetesOptions } from '../../deploy/kubernetes';
import { slurmSubmitCommand, type SlurmResources } from '../../deploy/slurm';
import { DESIGN_FILE, SCENARIO_FILE, shellQuote, writeSpec, type SweepSpec } from '../../deploy/spec';
import { UsageError, wholeNumber } from '../errors';
import { registerSweep, sweepOptionsFromCli, type SweepCliOptions } from './sweep';

/** Sweep options the runners set themselves, with why (a user who passes one is told). */
const RUNNER_OPTIONS: Record<string, string> = {
  shard: 'each task runs its own --shard i/N; give the number of shards with --shards',
  workers: 'each task runs one worker thread per CPU it is given (--cpus-per-task on Slurm, --cpu on Kubernetes)',
  resume: 'every task passes --resume, so a requeued or retried task keeps its runs',
  quiet: 'tasks log their progress lines to the scheduler\'s log files',
  // (Should `sweep` gain a --force, it would fight the runners' --resume.)
  force: 'tasks always resume their own folders; remove a folder to start it over',
};

/** A sweep option as the user typed it, in order (file arguments are rewritten later). */
interface Given {
  long: string;
  attribute: string;
  raw?: string;
}

/** The `prover-sim sweep` command's definition, for its options. */
function sweepDefinition(): Command {
  const host = new Command();
  registerSweep(host);
  return host.commands[0];
}

/**
 * Adds the sweep's options to `cmd` (all but the runner's and --out) and records each one given, in
 * order, with its text as typed: sweep.args then holds exactly what the user gave.
 */
function addSweepOptions(cmd: Command, given: Given[]): void {
  for (const option of sweepDefinition().options) {
    const attribute = option.attributeName();
    if (attribute === 'out') continue;
    if (attribute in RUNNER_OPTIONS) {
      const reject = () => {
        throw new UsageError(`${option.long}: set by the runner, not the sweep (${RUNNER_OPTIONS[attribute]})`);
      };
      cmd.addOption(new Option(option.flags).hideHelp().argParser(reject));
      cmd.on(`option:${option.name()}`, reject);
      continue;
    }
    cmd.addOption(option);
    cmd.on(`option:${option.name()}`, (raw?: string) => given.push({ long: option.long!, attribute, raw: typeof raw === 'string' ? raw : undefined }));
  }
}

/**
 * Checks the sweep as `prover-sim sweep` would (every option, every parameter point) and builds its
 * spec: the arguments with the scenario and design files renamed to their copies in the spec folder.
 */
function buildSpec(scenario: string, opts: SweepCliOptions, given: Given[], shards: number): SweepSpec {
  const plan = planSweep(sweepOptionsFromCli(scenario, opts));
  if (shards > plan.totalRuns) throw new SweepError(`--shards ${shards}: the sweep has only ${plan.totalRuns} run(s); use at most that many shards`);
  const inputs: Record<string, string> = {};
  let scenarioArg = scenario;
  const { file } = readScenarioInput(scenario);
  // A preset is named as it is (every installation has it); a scenario file is copied.
  if (path.resolve(scenario) === file) {
    inputs[SCENARIO_FILE] = fs.readFileSync(file, 'utf8');
    scenarioArg = SCENARIO_FILE;
  }
  const args = [scenarioArg];
  for (const g of given) {
    if (g.attribute === 'design' && g.raw !== undefined) {
      inputs[DESIGN_FILE] = fs.readFileSync(g.raw, 'utf8');
      args.push(g.long, DESIGN_FILE);
    } else {
      args.push(g.long, ...(g.raw !== undefined ? [g.raw] : []));
    }
  }
  return { args, inputs, shards, totalRuns: plan.totalRuns, pointCount: plan.design.points.length, seeds: plan.seeds, scenarioRef: plan.scenarioRef };
}

interface DeployCommonOptions extends SweepCliOptions {
  shards: number;
}

function describe(spec: SweepSpec, dir: string, files: string[]): string[] {
  const perShard = Math.ceil(spec.totalRuns / spec.shards);
  return [
    `deploy: ${spec.totalRuns} runs (${spec.pointCount} points x ${spec.seeds} seeds) of ${spec.scenarioRef} in ${spec.shards} shard(s) of up to ${perShard} runs`,
    `  wrote ${files.join(', ')} to ${dir}`,
  ];
}

/** Runs a deploy subcommand's action: builds and writes the spec, prints what to run. */
function deployAction(scenario: string, opts: DeployCommonOptions, given: Given[], write: (spec: SweepSpec, dir: string) => string[]): void {
  const dir = path.resolve(opts.out);
  try {
    const spec = buildSpec(scenario, opts, given, opts.shards);
    for (const line of write(spec, dir)) console.log(line);
  } catch (err) {
    if (err instanceof SweepError) throw new UsageError(err.message);
    throw err;
  }
}

interface SlurmCliOptions extends DeployCommonOptions, SlurmResources {}

interface KubernetesCliOptions extends DeployCommonOptions, Omit<KubernetesOptions, 'name'> {
  name?: string;
}

/** `deploy slurm`: the spec folder, whose results/ and logs/ the jobs fill; prints submit.sh's line. */
function deploySlurm(spec: SweepSpec, dir: string, resources: SlurmResources): string[] {
  // Built first: it checks the resource options before anything is written.
  const submit = slurmSubmitCommand(dir, spec.shards, resources).map(shellQuote).join(' ');
  const files = writeSpec(dir, spec);
  return [
    ...describe(spec, dir, files),
    `  results: ${path.join(dir, 'results', 'merged')} after the merge job (shards in results/shard-i, logs in logs/)`,
    '  submit it from a login node (the folder must be on storage the compute nodes share); the same command resumes an interrupted sweep:',
    `    ${submit}`,
  ];
}

/** `deploy kubernetes`: the spec folder and the manifests; prints run.sh's line. */
function deployKubernetes(spec: SweepSpec, dir: string, options: KubernetesOptions): string[] {
  const files = writeSpec(dir, spec, kubernetesFiles(spec, options));
  const run = [path.join(KUBERNETES_SCRIPTS_DIR, 'run.sh'), dir].map(shellQuote).join(' ');
  return [
    ...describe(spec, dir, files),
    `  results: ${options.claim} volume, ${options.name}/merged (shards in ${options.name}/shard-i)`,
    '  run it with kubectl pointed at the cluster (namespace: default unless given); the same command resumes an interrupted sweep:',
    `    ${run} [namespace]`,
  ];
}

function subcommand(parent: Command, name: string, description: string, given: Given[]): Command {
  const cmd = parent
    .command(name)
    .description(description)
    .argument('<scenario>', 'a preset name (see `prover-sim scenarios`) or a scenario JSON file (copied into the spec folder)')
    .requiredOption('--shards <N>', 'shards to cut the sweep into: array tasks on Slurm, Job completions on Kubernetes', wholeNumber('--shards', 1, 100_000))
    .requiredOption('--out <dir>', 'the spec folder to write (new, or holding this same sweep)');
  addSweepOptions(cmd, given);
  return cmd;
}

export function registerDeploy(program: Command): void {
  const deploy = program
    .command('deploy')
    .description('write the files that run a sweep on a cluster (Slurm or Kubernetes), sharded, then merged; prints the command to start it');
  const slurmGiven: Given[] = [];
  subcommand(deploy, 'slurm', 'write a spec folder for deploy/slurm/submit.sh: a job array of shards and the merge after them', slurmGiven)
    .option('--cpus-per-task <n>', 'CPUs per array task, each running one worker thread (default: the script\'s 1)', wholeNumber('--cpus-per-task', 1, 1024))
    .option('--mem <size>', 'memory per task, e.g. 2G (default: the script\'s 1G)')
    .option('--time <limit>', 'time limit per task, e.g. 04:00:00 (default: the script\'s 1 hour)')
    .option('--partition <name>', 'partition for the jobs (default: the cluster\'s)')
    .option('--account <name>', 'account to charge (default: yours)')
    .action((scenario: string, opts: SlurmCliOptions) => {
      deployAction(scenario, opts, slurmGiven, (spec, dir) => deploySlurm(spec, dir, opts));
    });
  const kubeGiven: Given[] = [];
  subcommand(deploy, 'kubernetes', 'write a spec folder and the manifests for deploy/kubernetes/run.sh: an Indexed Job of shards and a merge Job', kubeGiven)
    .requiredOption('--image <ref>', 'container image with prover-sim on its PATH (build it with deploy/Dockerfile)')
    .option('--name <name>', 'the sweep\'s name in object names and on the results volume (default: from the --out folder\'s name)')
    .option('--cpu <quantity>', 'CPU request per shard pod; the sweep runs one worker per whole CPU', '1')
    .option('--memory <quantity>', 'memory request and limit per shard pod', '1Gi')
    .option('--parallelism <n>', 'shard pods running at once (default: all)', wholeNumber('--parallelism', 1, 100_000))
    .option('--claim <name>', 'PersistentVolumeClaim for the results (ReadWriteMany)', 'prover-sim-results')
    .option('--storage <size>', 'size of the results volume', '10Gi')
    .option('--storage-class <name>', 'storage class of the results volume (default: the cluster\'s)')
    .action((scenario: string, opts: KubernetesCliOptions) => {
      const name = opts.name ?? sweepName(path.basename(path.resolve(opts.out)));
      deployAction(scenario, opts, kubeGiven, (spec, dir) => deployKubernetes(spec, dir, { ...opts, name }));
    });
}
