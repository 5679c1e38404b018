'use strict';
/**
 * System prerequisites of `npm start`, `npm test` and `npm run lab`: Jupyter (with nbconvert, nbclient
 * and ipykernel) for the notebooks, and Chromium for rendering charts; for `npm test` also Slurm with
 * munge (the cluster test starts a one-node cluster) and shellcheck (the deploy scripts are checked).
 * When one is missing and this machine can install it (root with apt-get), it is installed from
 * Debian's packages; otherwise we stop at once with the exact command to run, or, for the optional
 * ones, say so and the tests that need them are reported as skipped with the reason.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');

const DEBIAN_PACKAGES = {
  jupyter: ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client', 'python3-ipykernel', 'jupyter-notebook'],
  chromium: ['chromium'],
  slurm: ['slurm-wlm', 'munge'],
  shellcheck: ['shellcheck'],
};

function works(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

/** Path of a Chromium or Chrome binary, or undefined. */
function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p) => p && fs.existsSync(p));
}

const checks = {
  jupyter: () => works('jupyter', ['nbconvert', '--version']) && works('jupyter', ['kernelspec', '--version']),
  chromium: () => findChromium() !== undefined,
  // The daemons live in /usr/sbin, which a non-root PATH may lack.
  slurm: () => ['slurmctld', 'slurmd', 'sbatch', 'munged'].every((c) => onPath(c) || fs.existsSync(`/usr/sbin/${c}`)),
  shellcheck: () => works('shellcheck', ['--version']),
};

function onPath(cmd) {
  return (process.env.PATH || '').split(':').some((d) => d && fs.existsSync(`${d}/${cmd}`));
}

const MANUAL = {
  jupyter:
    'sudo apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook   (or: pip install jupyterlab nbconvert nbclient ipykernel)',
  chromium: 'sudo apt-get install -y chromium   (or install Google Chrome and set CHROMIUM_PATH to its binary)',
  slurm: 'sudo apt-get install -y slurm-wlm munge   (the Slurm test also needs to run as root)',
  shellcheck: 'sudo apt-get install -y shellcheck',
};

function canApt() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && works('apt-get', ['--version']);
}

/**
 * Ensures each named prerequisite; installs what is missing when possible. With `required` false,
 * a missing prerequisite that cannot be installed only prints a warning. Returns the ones available.
 */
function ensure(names, { required = true, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const missing = names.filter((n) => !checks[n]());
  if (missing.length && canApt()) {
    const pkgs = missing.flatMap((n) => DEBIAN_PACKAGES[n]);
    log(`prover-sim: installing missing prerequisites (${missing.join(', ')}) with apt-get: ${pkgs.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  }
  const still = names.filter((n) => !checks[n]());
  for (const n of still) {
    const msg = `prover-sim: ${n} is missing and cannot be installed automatically here. Install it with:\n  ${MANUAL[n]}`;
    if (required) {
      process.stderr.write(`${msg}\n`);
      process.exit(1);
    }
    log(msg);
  }
  return names.filter((n) => !still.includes(n));
}

module.exports = { ensure, findChromium, MANUAL };

if (require.main === module) ensure(process.argv.slice(2).length ? process.argv.slice(2) : ['jupyter', 'chromium']);
