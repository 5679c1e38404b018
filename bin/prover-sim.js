#!/usr/bin/env node
'use strict';
// Entry point of the `prover-sim` command: the built CLI in dist/ (built by `npm install` via prepare).
let cli;
try {
  cli = require('../dist/cli');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/cli')) {
    process.stderr.write('prover-sim: the library is not built yet; run: npm run build\n');
    process.exit(1);
  }
  throw err;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
