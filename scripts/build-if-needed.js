'use strict';
/**
 * Builds dist/ (tsc, then the CLI bundle) when it is missing or older than src/ (so `npm start` and
 * `npm test` work right after a pull).
 */
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
  const built = [path.join(root, 'dist', 'index.js'), path.join(root, 'dist', 'bundle', 'cli.js')];
  const sources = newest(path.join(root, 'src'));
  if (built.every((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs >= sources)) return;
  process.stderr.write('prover-sim: building dist/ (tsc, then the CLI bundle)\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
  execFileSync(process.execPath, [path.join(__dirname, 'bundle-cli.js')], { stdio: 'inherit', cwd: root });
}

module.exports = { buildIfNeeded };
if (require.main === module) buildIfNeeded();
