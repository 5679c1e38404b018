'use strict';
/**
 * A project-local Jupyter set-up shared by `npm run lab` and the notebook tests: the tslab kernel
 * spec is written under .jupyter/ with absolute paths (this Node, this project's tslab), and the
 * returned environment points Jupyter's config, data and runtime dirs there, so nothing in the
 * user's home or the system Jupyter is touched and no `node_modules/.bin` on PATH is needed.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** Kernel name the notebooks declare in their metadata; the same name `tslab install` uses. */
const KERNEL_NAME = 'tslab';

/** Where the project-local Jupyter files live (gitignored). */
function jupyterDirs(projectRoot = root) {
  const base = path.join(projectRoot, '.jupyter');
  return {
    base,
    config: path.join(base, 'config'),
    data: path.join(base, 'data'),
    runtime: path.join(base, 'runtime'),
    kernel: path.join(base, 'data', 'kernels', KERNEL_NAME),
  };
}

/** The kernel.json that starts tslab with absolute paths. */
function kernelSpec(projectRoot = root) {
  const tslabBin = path.join(projectRoot, 'node_modules', 'tslab', 'bin', 'tslab');
  if (!fs.existsSync(tslabBin)) throw new Error(`tslab is not installed (${tslabBin} missing): run npm install`);
  return {
    // tslab's own spec splits --config-path from {connection_file} the same way (its issue #36).
    argv: [process.execPath, tslabBin, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (prover-sim)',
    language: 'typescript',
  };
}

/** Writes the kernel spec when it is missing or stale (another Node or checkout); returns its path. */
function writeKernelSpec(projectRoot = root) {
  const dirs = jupyterDirs(projectRoot);
  const file = path.join(dirs.kernel, 'kernel.json');
  const text = `${JSON.stringify(kernelSpec(projectRoot), null, 2)}\n`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== text) {
    fs.mkdirSync(dirs.kernel, { recursive: true });
    // Write then rename: notebook tests running in parallel may read it meanwhile.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
  for (const d of [dirs.config, dirs.runtime]) fs.mkdirSync(d, { recursive: true });
  return file;
}

/**
 * Writes the kernel spec and returns a copy of `baseEnv` in which Jupyter finds it first and keeps
 * its own files under .jupyter/.
 */
function jupyterEnv(baseEnv = process.env, projectRoot = root) {
  writeKernelSpec(projectRoot);
  const dirs = jupyterDirs(projectRoot);
  const extraPath = baseEnv.JUPYTER_PATH ? `${path.delimiter}${baseEnv.JUPYTER_PATH}` : '';
  return {
    ...baseEnv,
    JUPYTER_CONFIG_DIR: dirs.config,
    JUPYTER_DATA_DIR: dirs.data,
    JUPYTER_RUNTIME_DIR: dirs.runtime,
    JUPYTER_PATH: `${dirs.data}${extraPath}`,
    // Python's debugger warns on every start of Debian's Jupyter; the noise hides real errors.
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
}

module.exports = { KERNEL_NAME, jupyterDirs, kernelSpec, writeKernelSpec, jupyterEnv };
