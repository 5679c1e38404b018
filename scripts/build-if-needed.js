'use strict';
/** Builds dist/ when it is missing or older than src/ (so `npm start` and `npm test` work right after a pull). */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function buildIfNeeded() {
  const marker = path.join(root, 'dist', 'index.js');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newest(path.join(root, 'src'))) return;
  process.stderr.write('prover-sim: building dist/ (tsc)\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
}

module.exports = { buildIfNeeded };
if (require.main === module) buildIfNeeded();
