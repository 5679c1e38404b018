'use strict';
/**
 * Builds dist/ (tsc, then the CLI bundle) when it is missing or older than src/ (so `npm start` and
 * `npm test` work right after a pull).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { buildExplorer, explorerStale, newest } = require('./build-explorer');

const root = path.resolve(__dirname, '..');

function buildIfNeeded() {
  const built = [path.join(root, 'dist', 'index.js'), path.join(root, 'dist', 'bundle', 'cli.js')];
  const sources = newest(path.join(root, 'src'));
  if (!built.every((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs >= sources)) {
    process.stderr.write('prover-sim: building dist/ (tsc, then the CLI bundle)\n');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
    execFileSync(process.execPath, [path.join(__dirname, 'bundle-cli.js')], { stdio: 'inherit', cwd: root });
  }
  if (explorerStale()) {
    process.stderr.write('prover-sim: bundling the browser explorer (esbuild)\n');
    buildExplorer();
  }
}

module.exports = { buildIfNeeded };
if (require.main === module) buildIfNeeded();
