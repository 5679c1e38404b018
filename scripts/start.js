'use strict';
/**
 * `npm start`: the main job. Runs the default scenario end to end and writes its outputs (and its
 * report with charts) under out/.
 */
const path = require('path');
const { buildIfNeeded } = require('./build-if-needed');

const root = path.resolve(__dirname, '..');
buildIfNeeded();
const { main } = require(path.join(root, 'dist', 'cli'));

const DEFAULT_SCENARIO = 'permissionless-race';
const out = path.join(root, 'out', DEFAULT_SCENARIO);
main(['run', DEFAULT_SCENARIO, '--out', out, ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
