'use strict';
/**
 * `npm test`: makes sure Jupyter and Chromium are there (installing them where possible), and Slurm,
 * munge and shellcheck where they can be installed (the tests that need them say why they skip
 * elsewhere), builds the library, then runs every test file under test/ with node's test runner.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensure } = require('./prereqs');
const { buildIfNeeded } = require('./build-if-needed');

const root = path.resolve(__dirname, '..');
ensure(['jupyter', 'chromium']);
ensure(['slurm', 'shellcheck'], { required: false });
buildIfNeeded();

const only = process.argv.slice(2);
const files = (only.length ? only : fs.readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join('test', f)));
const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json') },
});
process.exit(r.status === null ? 1 : r.status);
