/**
 * Executing the notebooks headless through the real tslab kernel (nbclient with the project-local
 * kernel spec), shared by the notebook and browser tests. Execution is the slow part (a kernel per
 * notebook), so the results of one `npm test` run are kept on disk for the other test file of the
 * same run: under a folder named after the test runner's process, keyed by a hash of every input
 * (notebook, built library, scenario data, tslab version), so nothing stale is ever reused. The
 * folders of finished test runs are removed when the next one starts (the last stays for a look).
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const NOTEBOOKS_DIR = path.join(ROOT, 'notebooks');
const RUNS_ROOT = path.join(ROOT, 'out', 'notebook-runs');
/** This test run's folder: test files are child processes of one `node --test` runner. */
const RUNS_DIR = path.join(RUNS_ROOT, `runner-${process.ppid}`);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { jupyterEnv, KERNEL_NAME } = require(path.join(ROOT, 'scripts', 'jupyter-env.js')) as {
  jupyterEnv: (env?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  KERNEL_NAME: string;
};

/** Longest a single cell may run before the executor gives up, seconds. */
const CELL_TIMEOUT_S = 120;

export interface NotebookRun {
  name: string;
  /** Executed to the end with no cell error and nothing written to stderr. */
  ok: boolean;
  /** What went wrong, one entry per failing cell (with tslab's message) or a failed execution. */
  problems: string[];
  /** Wall time of the headless execution (kernel start included), ms. */
  ms: number;
  /** The executor's stderr. */
  log: string;
  /** The executed notebook (outputs included). */
  executedPath: string;
  /** Its nbconvert HTML export (written on request, see htmlExport). */
  htmlPath: string;
}

/** Notebook files in notebooks/, sorted by name. */
export function notebookFiles(): string[] {
  return fs.readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith('.ipynb')).sort().map((f) => path.join(NOTEBOOKS_DIR, f));
}

export interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  outputs?: Array<Record<string, unknown>>;
  execution_count?: number | null;
}

export interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string } };
}

export function readNotebook(file: string): Notebook {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Notebook;
}

export const cellText = (c: Cell) => (Array.isArray(c.source) ? c.source.join('') : c.source);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Hash of everything a notebook's execution depends on besides the notebook itself. */
function inputsHash(): string {
  const h = createHash('sha256');
  for (const file of [...filesUnder(path.join(ROOT, 'dist')), ...filesUnder(path.join(ROOT, 'data'))].filter((f) => !f.endsWith('.map')).sort()) {
    h.update(file);
    h.update(fs.readFileSync(file));
  }
  h.update(fs.readFileSync(path.join(ROOT, 'node_modules', 'tslab', 'package.json')));
  h.update(fs.readFileSync(path.join(__dirname, 'execute-notebook.py')));
  return h.digest('hex');
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', (err) => resolve({ code: 1, log: `${log}\n${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}

/**
 * Executes one notebook into `outDir` (the kernel's working directory stays notebooks/) with
 * nbclient (execute-notebook.py: cells numbered as a front end numbers them). Cells run with errors
 * allowed so the executed notebook is always written: tslab puts its messages (compile errors,
 * failed claims) on the cell's stderr.
 */
export async function execute(file: string, outDir: string, env: NodeJS.ProcessEnv, cwd = NOTEBOOKS_DIR): Promise<NotebookRun> {
  const name = path.basename(file, '.ipynb');
  const start = Date.now();
  const executedPath = path.join(outDir, `${name}.ipynb`);
  fs.mkdirSync(outDir, { recursive: true });
  const { code, log } = await run(jupyterPython(env), [path.join(__dirname, 'execute-notebook.py'), file, executedPath, KERNEL_NAME, String(CELL_TIMEOUT_S), cwd], env, cwd);
  const ms = Date.now() - start;
  const problems = code === 0 && fs.existsSync(executedPath) ? cellProblems(readNotebook(executedPath)) : [`notebook execution failed (exit ${code}):\n${log.split('\n').slice(-30).join('\n')}`];
  return { name, ok: problems.length === 0, problems, ms, log, executedPath, htmlPath: path.join(outDir, `${name}.html`) };
}

/**
 * The Python that runs Jupyter (the interpreter of the `jupyter` script on PATH), which has nbclient:
 * the first python3 on PATH may be another one (pyenv, a virtualenv) without it.
 */
function jupyterPython(env: NodeJS.ProcessEnv): string {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const script = path.join(dir, 'jupyter');
    if (!dir || !fs.existsSync(script)) continue;
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(fs.readFileSync(script, 'utf8').slice(0, 200));
    if (!shebang) break;
    // "#!/usr/bin/env python3" names the interpreter in its second word.
    return path.basename(shebang[1]) === 'env' && shebang[2] ? shebang[2] : shebang[1];
  }
  return 'python3';
}

/** Error outputs and stderr output of an executed notebook, by cell. */
export function cellProblems(nb: Notebook): string[] {
  const problems: string[] = [];
  nb.cells.forEach((c, i) => {
    for (const o of c.outputs ?? []) {
      if (o.output_type === 'error') problems.push(`cell ${i} raised ${String(o.ename)}: ${String(o.evalue)}`);
      const text = ([] as string[]).concat((o.text as string | string[] | undefined) ?? []).join('');
      if (o.output_type === 'stream' && o.name === 'stderr') problems.push(`cell ${i} wrote to stderr:\n${text.slice(0, 2000)}`);
    }
  });
  return problems;
}

/** Runs `jobs` with at most `limit` at a time, results in input order. */
async function pool<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/**
 * Kernels running at once: a kernel's start is mostly one busy core (TypeScript), so one more than
 * the cores keeps them all busy while others wait on I/O.
 */
export const PARALLEL_KERNELS = Math.max(2, os.availableParallelism() + 1);

let pending: Promise<NotebookRun[]> | undefined;

/** Every notebook executed headless (once per test run; see the file comment). */
export function executedNotebooks(): Promise<NotebookRun[]> {
  pending ??= executeAll();
  return pending;
}

async function executeAll(): Promise<NotebookRun[]> {
  const files = notebookFiles();
  const env = jupyterEnv();
  const base = inputsHash();
  pruneFinishedRuns();
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  return pool(
    files.map((file) => async () => {
      const key = createHash('sha256').update(base).update(fs.readFileSync(file)).digest('hex');
      const name = path.basename(file, '.ipynb');
      const outDir = path.join(RUNS_DIR, key.slice(0, 16));
      const record = path.join(outDir, `${name}.run.json`);
      fs.mkdirSync(outDir, { recursive: true });
      // Test files may run in parallel: the first to take a notebook's lock executes it, the others wait.
      const lock = path.join(outDir, `${name}.lock`);
      while (!fs.existsSync(record)) {
        if (takeLock(lock)) {
          try {
            const result = await execute(file, outDir, env);
            fs.writeFileSync(record, JSON.stringify(result));
          } finally {
            fs.rmSync(lock, { force: true });
          }
        } else {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      return JSON.parse(fs.readFileSync(record, 'utf8')) as NotebookRun;
    }),
    PARALLEL_KERNELS,
  );
}

/** Creates the lock file, or takes over one whose owner process is gone. */
function takeLock(lock: string): boolean {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    if (owner > 0 && processAlive(owner)) return false;
    fs.rmSync(lock, { force: true });
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes the folders of test runners that have finished (each holds about 80 MB of outputs). */
function pruneFinishedRuns(): void {
  if (!fs.existsSync(RUNS_ROOT)) return;
  for (const d of fs.readdirSync(RUNS_ROOT)) {
    const pid = Number(/^runner-(\d+)$/.exec(d)?.[1]);
    if (pid !== process.ppid && !(pid > 0 && processAlive(pid))) fs.rmSync(path.join(RUNS_ROOT, d), { recursive: true, force: true });
  }
}

/** Writes (once) and returns the nbconvert HTML export of an executed notebook. */
export async function htmlExport(runResult: NotebookRun): Promise<string> {
  if (fs.existsSync(runResult.htmlPath)) return runResult.htmlPath;
  const { code, log } = await run('jupyter', ['nbconvert', '--to', 'html', runResult.executedPath, '--output-dir', path.dirname(runResult.htmlPath)], jupyterEnv(), ROOT);
  if (code !== 0) throw new Error(`nbconvert --to html failed for ${runResult.name}:\n${log}`);
  return runResult.htmlPath;
}
