/**
 * Kubernetes: the manifests of one sweep, generated from its spec. The spec folder's files go into a
 * ConfigMap mounted where the shard pods read them; an Indexed Job runs the shards (pod i gets
 * JOB_COMPLETION_INDEX=i and runs `--shard i/N`), each into its folder on a shared volume; a second
 * Job merges them. deploy/kubernetes/run.sh applies them in that order. Every name carries the
 * sweep's name, so several sweeps can share a namespace and the results volume.
 *
 * The objects are typed with the Kubernetes API types of kubernetes-models (generated from the
 * API's OpenAPI schema), so a misspelt field fails the build; the tests validate the output
 * against the same package's schemas.
 */
import * as path from 'path';
import { stringify } from 'yaml';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { SweepError } from '../experiments/errors';
import { ARGS_FILE, specFiles, type SweepSpec } from './spec';

/** The shipped Kubernetes script (deploy/kubernetes/run.sh of the package). */
export const KUBERNETES_SCRIPTS_DIR = path.resolve(__dirname, '..', '..', 'deploy', 'kubernetes');

/** Where the pods see the spec folder (the ConfigMap) and the results volume. */
export const SPEC_MOUNT = '/etc/prover-sim/sweep';
export const RESULTS_MOUNT = '/results';

export interface KubernetesOptions {
  /** The sweep's name: a DNS label, part of every object's name and of the results path. */
  name: string;
  /** The container image with prover-sim on its PATH (built from deploy/Dockerfile). */
  image: string;
  /** CPU request per shard pod (a Kubernetes quantity: `1`, `2`, `500m`); the sweep runs floor(cpu) workers (at least 1). */
  cpu: string;
  /** Memory request and limit per shard pod (`1Gi`, `512Mi`). */
  memory: string;
  /** Shard pods running at once. Default: all shards. */
  parallelism?: number;
  /** Size of the results volume when the claim is created (`10Gi`). */
  storage: string;
  /** Storage class of the results volume (it needs ReadWriteMany). Default: the cluster's default class. */
  storageClass?: string;
  /** PersistentVolumeClaim holding the results (shared by sweeps; each writes under its name). */
  claim: string;
}

export type Manifest = IConfigMap | IPersistentVolumeClaim | IJob;

/** The files deploy writes for Kubernetes, in the order run.sh applies them. */
export const MANIFEST_FILES = { config: 'sweep-config.yaml', volume: 'results-pvc.yaml', shards: 'shards-job.yaml', merge: 'merge-job.yaml' } as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// The longest object name is `prover-sim-<name>-shards` (63 characters at most, a DNS label), and
// an Indexed Job's pod host names add `-<index>`.
const MAX_NAME = 63 - 'prover-sim--shards'.length - 6;

/** A sweep name from a folder name: lower case, runs of other characters as `-`. */
export function sweepName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_NAME).replace(/-+$/, '');
}

const QUANTITY = {
  cpu: /^(\d+(\.\d+)?|\d+m)$/,
  memory: /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/,
  storage: /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/,
};

/** Checks the options (throws SweepError naming the option and what it accepts). */
export function checkKubernetesOptions(o: KubernetesOptions): void {
  if (!DNS_LABEL.test(o.name) || o.name.length > MAX_NAME) {
    throw new SweepError(`--name ${o.name}: expected lower-case letters, digits and '-', starting and ending with a letter or digit, at most ${MAX_NAME} characters`);
  }
  if (!DNS_LABEL.test(o.claim)) throw new SweepError(`--claim ${o.claim}: expected a Kubernetes object name (lower-case letters, digits and '-')`);
  if (!/^\S+$/.test(o.image)) throw new SweepError(`--image ${o.image}: expected an image reference such as registry.example.org/prover-sim:0.1.0`);
  if (!QUANTITY.cpu.test(o.cpu)) throw new SweepError(`--cpu ${o.cpu}: expected a CPU quantity such as 1, 2 or 500m`);
  if (!QUANTITY.memory.test(o.memory)) throw new SweepError(`--memory ${o.memory}: expected a memory quantity such as 1Gi or 512Mi`);
  if (!QUANTITY.storage.test(o.storage)) throw new SweepError(`--storage ${o.storage}: expected a size such as 10Gi`);
  if (o.storageClass !== undefined && !DNS_LABEL.test(o.storageClass)) throw new SweepError(`--storage-class ${o.storageClass}: expected a storage class name`);
}

/** Worker threads for a CPU request: whole cores, at least one. */
export function workersForCpu(cpu: string): number {
  const cores = cpu.endsWith('m') ? Number(cpu.slice(0, -1)) / 1000 : Number(cpu);
  return Math.max(1, Math.floor(cores));
}

/**
 * The shard pod's script: from the spec folder (so the file names in sweep.args resolve), run the
 * arguments of sweep.args plus this pod's shard. --resume lets a retried pod keep the runs its
 * predecessor wrote. Kept in bash (mapfile) so that arguments with spaces stay whole.
 */
export const SHARD_SCRIPT = [
  'set -euo pipefail',
  'cd "$(dirname "$SWEEP_ARGS")"',
  'mapfile -t args < "$SWEEP_ARGS"',
  'exec prover-sim sweep "${args[@]}" --shard "$JOB_COMPLETION_INDEX/$SWEEP_SHARDS" --workers "$SWEEP_WORKERS" --resume --out "$SWEEP_RESULTS/shard-$JOB_COMPLETION_INDEX"',
].join('\n');

/** The merge pod's script: the N shard folders, by index, into `merged`. */
export const MERGE_SCRIPT = [
  'set -euo pipefail',
  'shards=()',
  'for ((i = 0; i < SWEEP_SHARDS; i++)); do shards+=("$SWEEP_RESULTS/shard-$i"); done',
  'exec prover-sim merge "${shards[@]}" --out "$SWEEP_RESULTS/merged"',
].join('\n');

/** The manifests of a sweep, by file name (see MANIFEST_FILES). */
export function kubernetesManifests(spec: SweepSpec, o: KubernetesOptions): Record<string, Manifest> {
  checkKubernetesOptions(o);
  const parallelism = o.parallelism ?? spec.shards;
  if (!Number.isInteger(parallelism) || parallelism < 1) throw new SweepError(`--parallelism ${parallelism}: expected a whole number from 1`);
  const base = `prover-sim-${o.name}`;
  const labels = (part: string) => ({ 'app.kubernetes.io/name': 'prover-sim', 'prover-sim/sweep': o.name, 'prover-sim/part': part });
  const results = `${RESULTS_MOUNT}/${o.name}`;
  const env = [
    { name: 'SWEEP_SHARDS', value: String(spec.shards) },
    { name: 'SWEEP_RESULTS', value: results },
  ];
  const resultsVolume = { name: 'results', persistentVolumeClaim: { claimName: o.claim } };
  const resultsMount = { name: 'results', mountPath: RESULTS_MOUNT };
  const container = (c: Pick<IContainer, 'name' | 'env' | 'resources' | 'volumeMounts'>, script: string): IContainer => ({
    ...c,
    image: o.image,
    command: ['bash', '-c', script],
    env: [...env, ...(c.env ?? [])],
  });

  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: base, labels: labels('spec') },
    data: specFiles(spec),
  };
  const volume: IPersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: o.claim, labels: { 'app.kubernetes.io/name': 'prover-sim' } },
    spec: {
      // Every shard pod writes to it at once, from any node.
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: o.storage } },
      ...(o.storageClass !== undefined ? { storageClassName: o.storageClass } : {}),
    },
  };
  const shards: IJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${base}-shards`, labels: labels('shards') },
    spec: {
      completionMode: 'Indexed',
      completions: spec.shards,
      parallelism: Math.min(parallelism, spec.shards),
      // A failed or evicted pod is retried (restartPolicy OnFailure restarts it in place); --resume
      // keeps what it had written, so a retry costs only the unfinished batch.
      backoffLimit: Math.max(6, spec.shards),
      template: {
        metadata: { labels: labels('shards') },
        spec: {
          restartPolicy: 'OnFailure',
          containers: [
            container(
              {
                name: 'shard',
                env: [
                  { name: 'SWEEP_ARGS', value: `${SPEC_MOUNT}/${ARGS_FILE}` },
                  { name: 'SWEEP_WORKERS', value: String(workersForCpu(o.cpu)) },
                ],
                // Memory is a limit too: a pod over it is killed and retried rather than starving its node.
                resources: { requests: { cpu: o.cpu, memory: o.memory }, limits: { memory: o.memory } },
                volumeMounts: [resultsMount, { name: 'spec', mountPath: SPEC_MOUNT, readOnly: true }],
              },
              SHARD_SCRIPT,
            ),
          ],
          volumes: [resultsVolume, { name: 'spec', configMap: { name: base } }],
        },
      },
    },
  };
  const merge: IJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${base}-merge`, labels: labels('merge') },
    spec: {
      backoffLimit: 1,
      template: {
        metadata: { labels: labels('merge') },
        spec: {
          restartPolicy: 'Never',
          // The merge streams the shards' rows: one CPU and little memory whatever the sweep's size.
          containers: [
            container({ name: 'merge', resources: { requests: { cpu: '1', memory: '512Mi' }, limits: { memory: '1Gi' } }, volumeMounts: [resultsMount] }, MERGE_SCRIPT),
          ],
          volumes: [resultsVolume],
        },
      },
    },
  };
  return { [MANIFEST_FILES.config]: config, [MANIFEST_FILES.volume]: volume, [MANIFEST_FILES.shards]: shards, [MANIFEST_FILES.merge]: merge };
}

/** The manifests as YAML files, each with a first comment line saying what it is. */
export function kubernetesFiles(spec: SweepSpec, o: KubernetesOptions): Record<string, string> {
  const what: Record<string, string> = {
    [MANIFEST_FILES.config]: 'the sweep spec (sweep.args and the files it names), mounted read-only in the shard pods',
    [MANIFEST_FILES.volume]: 'shared storage for the shard folders and the merged result (ReadWriteMany: NFS, CephFS, EFS, ...)',
    [MANIFEST_FILES.shards]: `the ${spec.shards} shards as an Indexed Job: pod i runs --shard i/${spec.shards}`,
    [MANIFEST_FILES.merge]: 'the merge of the shard folders; run.sh starts it once every shard has completed',
  };
  const out: Record<string, string> = {};
  for (const [file, doc] of Object.entries(kubernetesManifests(spec, o))) {
    out[file] = `# Generated by prover-sim deploy kubernetes: ${what[file]}.\n${stringify(doc, { lineWidth: 0 })}`;
  }
  return out;
}
