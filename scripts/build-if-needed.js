'use strict';
/** Builds dist/ when it is missing or older than src/ (so `npm start` and `npm test` work right after a pull). */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { buildExplorer, explorerStale, newest } = require('./build-explorer');

const root = path.resolve(__dirname, '..');

function buildIfNeeded() {
  const marker = path.join(root, 'dist', 'index.js');
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < newest(path.join(root, 'src'))) {
    process.stderr.write('prover-sim: building dist/ (tsc)\n');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
  }
  if (explorerStale()) {
    process.stderr.write('prover-sim: bundling the browser explorer (esbuild)\n');
    buildExplorer();
  }
}

module.exports = { buildIfNeeded };
if (require.main === module) buildIfNeeded();
