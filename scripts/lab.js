'use strict';
/**
 * `npm run lab`: opens the notebooks in Jupyter with the tslab (TypeScript) kernel. The kernel spec
 * and every Jupyter file live in .jupyter/ of this checkout (see jupyter-env.js): nothing global is
 * installed or changed. Builds dist/ first when it is stale, since notebooks import the built library.
 *
 * Uses JupyterLab when installed, else the classic notebook. Arguments after `--` go to Jupyter,
 * e.g. `npm run lab -- --no-browser --port 8899`.
 *
 * `npm run -s lab -- --env` only writes the kernel spec and prints the shell exports that make other
 * front ends (VS Code started from that shell, a JupyterLab of your own) find it.
 */
const { spawn, spawnSync } = require('child_process');
const path = require('path');
const { ensure } = require('./prereqs');
const { buildIfNeeded } = require('./build-if-needed');
const { jupyterEnv, writeKernelSpec } = require('./jupyter-env');

const root = path.resolve(__dirname, '..');

/** `jupyter lab` when JupyterLab is installed, else `jupyter notebook`. */
function jupyterApp(env) {
  const hasLab = spawnSync('jupyter', ['lab', '--version'], { env, stdio: 'ignore' }).status === 0;
  return hasLab ? 'lab' : 'notebook';
}

/** Shell exports of the project-local Jupyter paths. */
function printEnv() {
  writeKernelSpec();
  const env = jupyterEnv({});
  for (const key of ['JUPYTER_PATH', 'JUPYTER_CONFIG_DIR', 'JUPYTER_DATA_DIR', 'JUPYTER_RUNTIME_DIR']) {
    process.stdout.write(`export ${key}='${env[key]}'\n`);
  }
}

function main() {
  if (process.argv.includes('--env')) return printEnv();
  ensure(['jupyter']);
  buildIfNeeded();
  const env = jupyterEnv();
  const spec = writeKernelSpec();
  const app = jupyterApp(env);
  process.stderr.write(`prover-sim: kernel spec ${path.relative(root, spec)}; starting jupyter ${app} in notebooks/\n`);
  // Jupyter refuses to start as root unless told; root is the norm in containers and CI images.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--allow-root'] : [];
  const child = spawn('jupyter', [app, ...asRoot, ...process.argv.slice(2)], { cwd: path.join(root, 'notebooks'), env, stdio: 'inherit' });
  // Ctrl-C reaches Jupyter through the terminal's process group; we only wait for it to finish.
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

main();
