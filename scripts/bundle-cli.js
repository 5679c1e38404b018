'use strict';
/**
 * Bundles the command line and the sweep worker (esbuild) into dist/bundle/cli.js and worker.js, so
 * that starting `prover-sim` resolves and reads one file instead of a hundred: the project's code,
 * commander, zod and pure-rand. Other packages stay outside and load only when used (piscina for
 * sweeps, cli-progress on a terminal, mathjs for expressions, danfojs, plotly and playwright for
 * reports); so do the calibration tables in data/, read at run time as from dist/.
 * bin/prover-sim.js uses the bundle when it is at least as new as dist/cli (tsc's output).
 */
const path = require('path');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'dist', 'bundle');

/** Small packages on the start-up path: bundled. Every other package is left to require(). */
const BUNDLED = new Set(['commander', 'zod', 'pure-rand']);

/** Keeps unlisted packages external and points data/ files at the project's data folder. */
const layout = {
  name: 'prover-sim-layout',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
    build.onResolve({ filter: /\/data\/.*\.json$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      return { path: path.relative(outdir, file).split(path.sep).join('/'), external: true };
    });
  },
};

function bundleCli() {
  const esbuild = require('esbuild');
  return esbuild.build({
    entryPoints: { cli: path.join(root, 'src', 'cli', 'index.ts'), worker: path.join(root, 'src', 'experiments', 'worker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [layout],
  });
}

if (require.main === module) {
  bundleCli().catch(() => {
    // esbuild has printed the errors.
    process.exitCode = 1;
  });
}
