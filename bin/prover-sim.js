#!/usr/bin/env node
'use strict';
// Entry point of the `prover-sim` command: the bundled CLI (dist/bundle/cli.js, one file to load) when
// it is at least as new as the compiled one in dist/cli, which it falls back to (both built by
// `npm run build`, run by `npm install` via prepare).
const fs = require('fs');
const path = require('path');

function entry() {
  const dist = path.join(__dirname, '..', 'dist');
  const bundle = path.join(dist, 'bundle', 'cli.js');
  try {
    if (fs.statSync(bundle).mtimeMs >= fs.statSync(path.join(dist, 'cli', 'index.js')).mtimeMs) return bundle;
  } catch {
    // No bundle, or no compiled CLI: the require below says which.
  }
  return path.join(dist, 'cli');
}

let cli;
try {
  cli = require(entry());
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('prover-sim: the library is not built yet; run: npm run build\n');
    process.exit(1);
  }
  throw err;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
