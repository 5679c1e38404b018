/**
 * A throw-away single-node Slurm cluster for tests: munged, slurmctld and slurmd started as
 * children of the test process, every file (munge key and socket, slurm.conf, state, spool, logs)
 * in one temporary folder, on free TCP ports, so that it touches nothing of the machine's own
 * Slurm or munge. `stop()` cancels the jobs, kills the daemons by PID and whatever their job steps
 * left behind (found by a marker in their environment), and removes the folder; it is synchronous
 * so that it also runs on the test process's exit. A watchdog process does the same if the test
 * process dies without running it (SIGKILL).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** The environment variable that marks every process belonging to one test cluster. */
const MARKER = 'PROVER_SIM_TEST_SLURM';
const DAEMONS = ['munged', 'slurmctld', 'slurmd'];
const CLIENTS = ['sbatch', 'squeue', 'scancel', 'scontrol', 'sinfo'];

export interface SlurmCluster {
  /** The cluster's temporary folder (removed by stop). */
  dir: string;
  /** Environment for Slurm commands and jobs: SLURM_CONF pointing at this cluster, and the marker. */
  env: NodeJS.ProcessEnv;
  /** Runs a Slurm client command against this cluster; returns its stdout (throws on failure). */
  run(cmd: string, args: string[]): string;
  /** Stops everything and removes the folder (idempotent). */
  stop(): void;
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => d && fs.existsSync(path.join(d, cmd))) || ['/usr/sbin', '/sbin'].some((d) => fs.existsSync(path.join(d, cmd)));
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Why a cluster cannot be started here, or undefined when it can. */
export function slurmUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'a Slurm test cluster needs Linux';
  if (process.getuid?.() !== 0) return 'starting slurmctld and slurmd (SlurmUser=root) needs root; run npm test as root to include this test';
  const missing = [...DAEMONS, ...CLIENTS].filter((c) => !onPath(c));
  if (missing.length) return `${missing.join(', ')} not installed: npm test installs Debian's slurm-wlm and munge where it runs as root with apt-get (apt-get install slurm-wlm munge)`;
  if (!userIds('munge')) return 'no munge user (it comes with Debian\'s munge package)';
  return undefined;
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True while a process exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** PIDs of the processes whose environment carries this cluster's marker (job steps and their tasks). */
function markedProcesses(dir: string): number[] {
  const mark = `${MARKER}=${dir}`;
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(mark)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Sends `signal`, then SIGKILL to those still alive after `graceMs`. */
function terminate(pids: number[], graceMs: number): void {
  const send = (pid: number, signal: NodeJS.Signals) => {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  };
  pids.forEach((pid) => send(pid, 'SIGTERM'));
  for (let waited = 0; waited < graceMs && pids.some(alive); waited += 100) sleepSync(100);
  pids.filter(alive).forEach((pid) => send(pid, 'SIGKILL'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number, logs: () => string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Slurm test cluster: ${what} within ${timeoutMs / 1000} s\n${logs()}`);
    await sleep(200);
  }
}

function slurmConf(dir: string, host: string, ports: [number, number]): string {
  // Memory a little under the machine's: slurmd drains a node that has less than it is said to have.
  const realMemoryMb = Math.floor((os.totalmem() / 2 ** 20) * 0.9);
  return [
    'ClusterName=prover-sim-test',
    `SlurmctldHost=${host}(127.0.0.1)`,
    `SlurmctldPort=${ports[0]}`,
    `SlurmdPort=${ports[1]}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${dir}/run/munge.socket`,
    // No cgroups: processes tracked by parentage, tasks not confined.
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'ReturnToService=2',
    'MpiDefault=none',
    'JobCompType=jobcomp/none',
    'AccountingStorageType=accounting_storage/none',
    'JobAcctGatherType=jobacct_gather/none',
    // scancel: SIGTERM, then SIGKILL 2 s later (default 30 s).
    'KillWait=2',
    `StateSaveLocation=${dir}/state`,
    `SlurmdSpoolDir=${dir}/spool`,
    `SlurmctldPidFile=${dir}/run/slurmctld.pid`,
    `SlurmdPidFile=${dir}/run/slurmd.pid`,
    `SlurmctldLogFile=${dir}/log/slurmctld.log`,
    `SlurmdLogFile=${dir}/log/slurmd.log`,
    `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${os.cpus().length} RealMemory=${realMemoryMb} State=UNKNOWN`,
    `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n');
}

/** Starts the cluster and waits until its node is idle. */
export async function startSlurmCluster(): Promise<SlurmCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-slurm-'));
  // munged wants every folder on the way to its socket searchable by all.
  fs.chmodSync(dir, 0o755);
  const munge = userIds('munge')!;
  for (const sub of ['munge', 'run', 'state', 'spool', 'log']) fs.mkdirSync(path.join(dir, sub));
  // The key: 1,024 random bytes readable by the munge user only, in a folder only it can enter.
  fs.writeFileSync(path.join(dir, 'munge', 'munge.key'), randomBytes(1024), { mode: 0o400 });
  for (const p of ['munge', 'munge/munge.key', 'run']) fs.chownSync(path.join(dir, p), munge.uid, munge.gid);
  fs.chmodSync(path.join(dir, 'munge'), 0o700);

  const host = os.hostname().split('.')[0];
  const conf = path.join(dir, 'slurm.conf');
  fs.writeFileSync(conf, slurmConf(dir, host, [await freePort(), await freePort()]));
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf, [MARKER]: dir };
  const children: ChildProcess[] = [];
  const logs = () =>
    ['daemons.log', 'slurmctld.log', 'slurmd.log']
      .map((f) => path.join(dir, 'log', f))
      .filter((f) => fs.existsSync(f))
      .map((f) => `--- ${path.basename(f)} (last lines)\n${fs.readFileSync(f, 'utf8').trimEnd().split('\n').slice(-15).join('\n')}`)
      .join('\n');
  const daemonLog = fs.openSync(path.join(dir, 'log', 'daemons.log'), 'a');
  const start = (cmd: string, args: string[], ids?: { uid: number; gid: number }) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', daemonLog, daemonLog], ...ids });
    child.on('error', () => undefined);
    children.push(child);
    return child;
  };

  let stopped = false;
  let watchdog: ChildProcess | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    if (watchdog?.pid) terminate([watchdog.pid], 0);
    // Cancel the jobs while the controller is up, so their steps end the normal way.
    if (children.length >= 2 && alive(children[1].pid!)) {
      spawnSync('scancel', ['--user=root'], { env, stdio: 'ignore', timeout: 10_000 });
      for (let waited = 0; waited < 10_000; waited += 200) {
        const q = spawnSync('squeue', ['-h'], { env, encoding: 'utf8', timeout: 5_000 });
        if (q.status !== 0 || q.stdout.trim() === '') break;
        sleepSync(200);
      }
    }
    // slurmd and slurmctld, then what their job steps left, then munged (they use it to the end).
    terminate(children.slice(1).map((c) => c.pid!).filter(Boolean), 5_000);
    terminate(markedProcesses(dir), 2_000);
    terminate(children.slice(0, 1).map((c) => c.pid!).filter(Boolean), 5_000);
    fs.closeSync(daemonLog);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);

  try {
    start('munged', ['--foreground', `--key-file=${dir}/munge/munge.key`, `--socket=${dir}/run/munge.socket`, `--pid-file=${dir}/run/munged.pid`,
      `--seed-file=${dir}/munge/munged.seed`, `--log-file=${dir}/munge/munged.log`], munge);
    await waitFor('munged did not open its socket', () => fs.existsSync(path.join(dir, 'run', 'munge.socket')), 15_000, logs);
    start('slurmctld', ['-D', '-f', conf]);
    start('slurmd', ['-D', '-f', conf, '-N', host]);
    // If this process is killed outright (no exit handler runs), the watchdog stops the cluster.
    const pids = children.map((c) => c.pid).join(' ');
    watchdog = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
      kill -9 ${pids} 2>/dev/null
      for p in /proc/[0-9]*; do tr '\\0' '\\n' < "$p/environ" 2>/dev/null | grep -qxF "${MARKER}=${dir}" && kill -9 "\${p#/proc/}" 2>/dev/null; done
      rm -rf "${dir}"`], { detached: true, stdio: 'ignore', env: { PATH: process.env.PATH } });
    watchdog.unref();
    const nodeState = () => spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8', timeout: 5_000 }).stdout?.trim();
    await waitFor('the node did not become idle', () => nodeState() === 'idle', 60_000, logs);
  } catch (err) {
    stop();
    throw err;
  }

  return {
    dir,
    env,
    run(cmd, args) {
      const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 30_000 });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
      return r.stdout;
    },
    stop,
  };
}
